import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { SuggestedQuestions } from '../../suggest/suggestions.js';
import { SuggestionsResponseSchema } from '../schemas-chat.js';

export const suggestionsRoute = createRoute({
  method: 'get',
  path: '/api/suggestions',
  summary: 'Questions to suggest on the empty chat page',
  description: 'Up to 4 questions written from the documents\' lead sentences and headings, kept only if Docent answers them with a citation. Picked once per index version, in the background; `state: "pending"` until then.',
  responses: { 200: { description: 'The suggestions for the index version being served', content: { 'application/json': { schema: SuggestionsResponseSchema } } } },
});

/** Serves the suggested questions, and starts picking them for the current version right away. */
export function registerSuggestions(app: OpenAPIHono, docent: Docent, suggestions = new SuggestedQuestions(docent)) {
  setTimeout(() => suggestions.current(), 0).unref();
  app.openapi(suggestionsRoute, (c) => c.json(suggestions.current(), 200));
}
