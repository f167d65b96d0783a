interface Citation { n: number; source: string; start: number; end: number; quote: string }
interface AskResponse { answer: string; answerable: boolean; citations: Citation[] }

const form = document.querySelector<HTMLFormElement>('#ask')!;
const input = document.querySelector<HTMLTextAreaElement>('#question')!;
const result = document.querySelector<HTMLElement>('#result')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Everything from the server is rendered with textContent, never as HTML. */
function render(response: AskResponse) {
  result.replaceChildren(element('p', response.answer, response.answerable ? 'answer' : 'answer declined'));
  if (response.citations.length === 0) return;
  const list = element('ol', undefined, 'citations');
  for (const citation of response.citations) {
    const item = element('li');
    item.value = citation.n;
    item.append(element('blockquote', citation.quote), element('small', `${citation.source} [${citation.start}–${citation.end}]`));
    list.append(item);
  }
  result.append(list);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  result.replaceChildren(element('p', 'Searching…'));
  const response = await fetch('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
  const body = await response.json();
  if (!response.ok) result.replaceChildren(element('p', body.error?.message ?? 'Request failed', 'declined'));
  else render(body as AskResponse);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
