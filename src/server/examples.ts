/**
 * Request examples of the OpenAPI document: what "Try it out" on /docs pre-fills. Each is a real
 * request against the default corpus that succeeds as shown (tests/web/docs-examples.test.ts runs them).
 */

const SOURCE = 'china-un-peacekeeping-international-cooperation.md';
const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

export const EXAMPLES = {
  ask: { question: QUESTION },
  verify: {
    claim: 'China and Mongolia held the joint exercise Peacekeeping Mission-2009 in Beijing in 2009.',
    // "In June and July 2009, China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing."
    citations: [{ source: SOURCE, start: 5562, end: 5673 }],
  },
  chat: { model: 'docent', messages: [{ role: 'user', content: 'Who did China hold Peacekeeping Mission-2009 with?' }] },
  feedback: {
    id: 'answer-1',
    rating: 'up',
    comment: 'Exactly the passage I needed.',
    question: QUESTION,
    answer: 'In June and July 2009, China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing. [1]',
    citations: [{ n: 1, source: SOURCE, start: 5562, end: 5673 }],
  },
} as const;
