import { button, el, iconButton } from './dom.js';
import type { StoredTurn } from './store.js';

/**
 * Thumbs up / down on an answer, then an optional comment. The rating is sent at once; a comment
 * is sent as a second record with the same id (the feedback log is append-only: the latest wins).
 */

export type Rating = 'up' | 'down';
export type Rate = (rating: Rating, comment?: string) => Promise<void>;

export function feedbackControls(turn: StoredTurn, rate: Rate): HTMLElement {
  const box = el('div', 'dc-feedback');
  const thumbs = el('div', 'dc-thumbs', undefined, { role: 'group', 'aria-label': 'Rate this answer' });
  const up = iconButton('dc-icon dc-thumb', 'up', 'Good answer', { 'aria-pressed': 'false' });
  const down = iconButton('dc-icon dc-thumb', 'down', 'Bad answer', { 'aria-pressed': 'false' });
  thumbs.append(up, down);
  const status = el('span', 'dc-muted dc-fstatus', '', { role: 'status' });
  const form = el('form', 'dc-fform', undefined, { hidden: '', 'aria-label': 'Comment on this answer' });
  const field = el('textarea', 'dc-input dc-fcomment', undefined, { rows: '2', maxlength: '2000', 'aria-label': 'Comment (optional)', placeholder: 'What was good or wrong? (optional)' });
  const send = el('button', 'dc-small', 'Send comment', { type: 'submit' });
  const skip = button('dc-link', 'No comment');
  const formActions = el('div', 'dc-factions');
  formActions.append(send, skip);
  form.append(field, formActions);
  box.append(thumbs, status, form);

  const show = (rating: Rating | undefined) => {
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
  };
  show(turn.feedback?.rating);

  async function submit(rating: Rating, comment?: string) {
    status.textContent = 'Sending…';
    try {
      await rate(rating, comment);
      show(rating);
      status.textContent = comment ? 'Thanks, your comment was sent.' : 'Thanks for the feedback.';
      return true;
    } catch (error) {
      status.textContent = `Could not send the feedback: ${(error as Error).message}`;
      return false;
    }
  }

  for (const [node, rating] of [[up, 'up'], [down, 'down']] as const) {
    node.addEventListener('click', async () => {
      if (!(await submit(rating))) return;
      form.hidden = false;
      form.dataset.rating = rating;
      field.focus();
    });
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = field.value.trim();
    if (comment && (await submit(form.dataset.rating as Rating, comment))) field.value = '';
    form.hidden = true;
  });
  skip.addEventListener('click', () => {
    form.hidden = true;
    (turn.feedback?.rating === 'down' ? down : up).focus();
  });
  return box;
}
