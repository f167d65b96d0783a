import { button, el } from './dom.js';
import { fetchSuggestions } from './protocol.js';

const RETRY_MS = 1500;
const MAX_TRIES = 40;

/**
 * "Try asking": the questions the server picked for the index being served (GET /api/suggestions),
 * shown on the empty page; while they are still being picked, asked for again shortly.
 */
export function suggestionsBox(baseUrl: string, ask: (question: string) => void): HTMLElement {
  const box = el('div', 'dc-suggest', undefined, { hidden: '' });
  const list = el('ul', 'dc-suggest-list');
  box.append(el('h2', 'dc-suggest-title', 'Try asking'), list);
  let tries = 0;
  const load = async () => {
    try {
      const { state, questions } = await fetchSuggestions(baseUrl);
      if (state === 'pending' && ++tries < MAX_TRIES) return void setTimeout(load, RETRY_MS);
      list.replaceChildren(
        ...questions.map((question) => {
          const item = el('li');
          const choice = button('dc-chip', question);
          choice.addEventListener('click', () => ask(question));
          item.append(choice);
          return item;
        }),
      );
      box.hidden = questions.length === 0;
    } catch {
      // Suggestions are a nicety: without them the page still works.
    }
  };
  void load();
  return box;
}
