import { describe, expect, it } from 'vitest';
import { lexicalRetriever } from './lexical-retriever.js';
import { conversationFocus, resolveFollowUp, type ChatTurn } from '../../src/retrieve/follow-up.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

const TEXTS = [
  'China and Mongolia held the joint exercise Peacekeeping Mission-2009 in Beijing in June 2009.',
  'The Viking 18 command-post exercise was held in Sweden in April 2018.',
  'Over 100 PLA officers have attended peacekeeping courses hosted by the UN.',
  'The exercise was held annually.',
];
const retrieve = lexicalRetriever(TEXTS, 'Peacekeeping');
const COMMON = new Set(['held', 'exercise', 'china', 'peacekeep', 'pla', 'hold', 'joint']);
const idf = (term: string) => (COMMON.has(term) ? 0.3 : 2.5);

/** Word meaning for the follow-up coverage: "officers" stands for "personnel", "courses" for "training". */
const LIKE = new Map([['officers', 'personnel'], ['courses', 'training']]);
const similarity = { prepare: async () => {}, similarity: (a: string, b: string) => (a === b || LIKE.get(a) === b || LIKE.get(b) === a ? 0.9 : 0) } as unknown as TermSimilarity;

const history: ChatTurn[] = [
  { role: 'user', content: 'Which joint exercise did China hold with Mongolia in 2009?' },
  { role: 'assistant', content: 'Peacekeeping Mission-2009 [1]' },
];

describe('follow-ups resolved on evidence', () => {
  it('reads a question that says too little with the conversation focus when that retrieves an answer', async () => {
    const resolved = await resolveFollowUp('and where was it held?', history, { retrieve, idf });
    expect(resolved.followUp).toBe(true);
    expect(resolved.standalone).toBe('where was it held? (following up on: Which joint exercise did China hold with Mongolia in 2009?)');
    expect(resolved.passages[0]!.text).toContain('Beijing');
  });

  it('asks a new topic exactly as if it came first, pronouns or not', async () => {
    for (const question of ['Where was the Viking 18 command-post exercise held?', 'How many PLA officers have attended courses hosted by the UN?', 'Who founded that company that makes the iPhone?']) {
      const resolved = await resolveFollowUp(question, history, { retrieve, idf });
      expect(resolved.followUp).toBe(false);
      expect(resolved.standalone).toBe(question);
      expect(resolved.passages).toEqual(await retrieve(question));
    }
  });

  it('never chains rewrites and reads a bounded history', async () => {
    const long: ChatTurn[] = [...history, { role: 'user', content: 'and where?' }, { role: 'assistant', content: 'Beijing [1]' }];
    expect(conversationFocus(long, idf)).toBe('Which joint exercise did China hold with Mongolia in 2009?');
    // When no earlier question says enough alone, the one that says most is the focus: a conversation about the corpus's main subject still has one.
    const short: ChatTurn[] = [{ role: 'user', content: 'Where was China?' }, { role: 'assistant', content: 'Beijing [1]' }, { role: 'user', content: 'and when?' }];
    expect(conversationFocus(short, idf)).toBe('Where was China?');
    const huge: ChatTurn[] = Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `Mongolia ${'x'.repeat(3000)}` }));
    expect(conversationFocus(huge, idf)!.length).toBeLessThanOrEqual(400);
    expect((await resolveFollowUp('and where was it held?', [], { retrieve, idf })).standalone).toBe('and where was it held?');
  });

  it('with word meaning in the coverage, still follows up a question that says too little and asks a new topic alone', async () => {
    const resolved = await resolveFollowUp('and where was it held?', history, { retrieve, idf, similarity });
    expect(resolved.followUp).toBe(true);
    expect(resolved.passages[0]!.text).toContain('Beijing');
    for (const question of ['Where was the Viking 18 command-post exercise held?', 'How many PLA officers have attended courses hosted by the UN?']) {
      const alone = await resolveFollowUp(question, history, { retrieve, idf, similarity });
      expect(alone.followUp).toBe(false);
      expect(alone.passages).toEqual(await retrieve(question));
    }
  });

  it('reads a question that only names the kind of answer ("In which city?") as a follow-up, even when that noun is rare', async () => {
    // "city" is in no passage, so it weighs as much as a word can; it still says nothing of the topic.
    const resolved = await resolveFollowUp('In which city?', history, { retrieve, idf });
    expect(resolved.followUp).toBe(true);
    expect(resolved.passages[0]!.text).toContain('Beijing');
  });

  it('asks a question of several common words alone: in a small corpus every word is common, yet it says what it is about', async () => {
    const question = 'Did the PLA and China hold joint peacekeeping?';
    const resolved = await resolveFollowUp(question, history, { retrieve, idf });
    expect(resolved.followUp).toBe(false);
    expect(resolved.standalone).toBe(question);
    expect(resolved.passages).toEqual(await retrieve(question));
  });
});
