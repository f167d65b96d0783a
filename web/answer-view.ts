import { button, el, iconButton } from './dom.js';
import { feedbackControls, type Rate } from './feedback.js';
import { emphasize, renderAnswer } from './markdown.js';
import type { Citation, ShortAnswer } from './protocol.js';
import type { StoredResult, StoredTurn } from './store.js';
import { answerWithCitations, citationPlace, declinedReason } from './text.js';
import { citationButton, type Viewer } from './viewer.js';

/** One answer of the conversation: its text with citation buttons, its checks, sources and actions. */

export interface ReplyActions {
  viewer: Viewer;
  /** Only the last answer can be regenerated. */
  regenerate?: () => void;
  rate: Rate;
  copy(text: string): Promise<boolean>;
}

const VERDICTS: Record<string, string> = {
  supported: 'supported by its citation',
  partially_supported: 'only partly supported by its citation',
  contradicted: 'contradicted by the cited text',
  not_found: 'not found in the cited text',
};

export interface AnswerText {
  /** An LLM's answer is Markdown; the extractive answerer's is the documents' plain text. */
  markdown: boolean;
  citations?: readonly Citation[];
  /** Without it (streaming, before citations are known) markers are shown but not clickable. */
  viewer?: Viewer;
  shortAnswer?: ShortAnswer;
}

/** Whether an answerer writes Markdown. */
export const writesMarkdown = (answerer: string | undefined) => answerer !== undefined && answerer !== 'extractive';

/** The answer text with `[n]` groups as buttons. */
export function renderAnswerText(target: HTMLElement, answer: string, { markdown, citations = [], viewer, shortAnswer }: AnswerText) {
  const byN = new Map(citations.map((citation) => [citation.n, citation]));
  renderAnswer(target, answer, markdown, (numbers) => {
    const known = numbers.filter((n) => byN.has(n));
    if (viewer && known.length !== numbers.length) return undefined; // not a marker of this answer: corpus text
    const group = el('span', 'dc-cite');
    group.append(el('span', 'dc-sr', '['));
    numbers.forEach((n, i) => {
      if (i) group.append(el('span', 'dc-sr', ', '));
      group.append(viewer ? citationButton(viewer, byN.get(n)!, shortAnswer) : el('span', 'dc-marker dc-pending', String(n), { 'aria-hidden': 'true' }));
    });
    group.append(el('span', 'dc-sr', ']'));
    return group;
  });
}

function sourcesList(citations: readonly Citation[], viewer: Viewer, shortAnswer?: ShortAnswer): HTMLElement {
  const details = el('details', 'dc-sources');
  const sources = [...new Set(citations.map((citation) => citation.source))];
  details.append(el('summary', undefined, `Sources (${citations.length}) · ${sources.join(', ')}`));
  const list = el('ol', 'dc-cites');
  for (const citation of citations) {
    const card = button('dc-card', '', { 'aria-controls': viewer.element.id, 'aria-expanded': 'false' });
    const place = citationPlace(citation);
    card.append(el('span', 'dc-card-n', `[${citation.n}]`), el('span', 'dc-card-src', `${citation.source}${place ? ` · ${place}` : ''}`), el('span', 'dc-card-quote', citation.quote));
    card.setAttribute('aria-label', `Source ${citation.n}: ${citation.source}${place ? `, ${place}` : ''}, characters ${citation.start} to ${citation.end}`);
    card.addEventListener('click', () => void viewer.open(citation, card, shortAnswer));
    const item = el('li');
    item.append(card);
    list.append(item);
  }
  details.append(list);
  return details;
}

/** The sentences the citation checker flagged, and why. */
function checks(result: StoredResult): HTMLElement | undefined {
  const flagged = result.verification?.sentences.filter((sentence) => sentence.flagged) ?? [];
  if (!flagged.length) return undefined;
  const details = el('details', 'dc-check');
  details.append(el('summary', undefined, `${flagged.length} sentence${flagged.length === 1 ? ' is' : 's are'} not fully supported by the cited text`));
  const list = el('ul');
  for (const sentence of flagged) list.append(el('li', undefined, `“${sentence.text}” — ${VERDICTS[sentence.verdict] ?? sentence.verdict}`));
  details.append(list);
  return details;
}

function actionsRow(turn: StoredTurn, actions: ReplyActions, root: HTMLElement): HTMLElement {
  const row = el('div', 'dc-actions');
  const result = turn.result;
  if (result?.answerable) {
    const copy = button('dc-link', 'Copy answer', { 'aria-label': 'Copy the answer with its citations' });
    copy.addEventListener('click', async () => {
      const ok = await actions.copy(answerWithCitations(result.answer, result.citations));
      copy.textContent = ok ? 'Copied' : 'Copy failed';
      setTimeout(() => (copy.textContent = 'Copy answer'), 2000);
    });
    row.append(copy);
  }
  if (actions.regenerate) {
    const again = iconButton('dc-icon', 'redo', turn.result ? 'Regenerate the answer' : 'Try again');
    again.addEventListener('click', actions.regenerate);
    row.append(again);
  }
  if (result) row.append(feedbackControls(turn, actions.rate));
  root.append(row);
  return row;
}

/** Fills `reply` with the finished turn: answer, declined or error state, then its actions. */
export function renderReply(reply: HTMLElement, turn: StoredTurn, actions: ReplyActions) {
  reply.replaceChildren();
  const result = turn.result;
  if (!result) {
    if (turn.stopped) reply.append(el('p', 'dc-muted', 'Stopped.'));
    else reply.append(el('div', 'dc-error', turn.error ?? 'This answer was interrupted (the page was closed or reloaded).', { role: 'alert' }));
  } else if (!result.answerable) {
    const declined = el('div', 'dc-declined');
    declined.append(el('strong', 'dc-declined-title', 'Not found in the documents'), el('p', undefined, declinedReason(result.answer)));
    reply.append(declined);
  } else {
    if (result.standaloneQuestion.trim() !== turn.question.trim()) reply.append(el('p', 'dc-searched', `Searched for: ${result.standaloneQuestion}`));
    const body = el('div', 'dc-text');
    renderAnswerText(body, result.answer, { markdown: writesMarkdown(result.answerer), citations: result.citations, viewer: actions.viewer, shortAnswer: result.shortAnswer });
    reply.append(body);
    if (result.shortAnswer && !emphasize(body, result.shortAnswer.text)) {
      const lead = el('p', 'dc-lead');
      lead.append(el('strong', 'dc-short', result.shortAnswer.text));
      body.before(lead);
    }
    const flagged = checks(result);
    if (flagged) reply.append(flagged);
    if (result.citations.length) reply.append(sourcesList(result.citations, actions.viewer, result.shortAnswer));
  }
  actionsRow(turn, actions, reply);
}
