import { describe, expect, it } from 'vitest';
import { lexicalRetriever } from './lexical-retriever.js';
import { answerSubject } from '../../src/retrieve/answer-subject.js';
import { resolveFollowUp, type ChatTurn } from '../../src/retrieve/follow-up.js';

const TEXTS = [
  'In 1781 James Watt patented a steam engine that produced continuous rotary motion.',
  'The centrifugal governor was adopted by Watt after his partner Boulton saw one at a flour mill.',
  'Thomas Savery developed a steam pump in 1698; its low cost was attractive.',
  'The Khan Quest exercises were held in Mongolia in 2015, and again in 2019 at a later date.',
];
const retrieve = lexicalRetriever(TEXTS, 'Engines');
const COMMON = new Set(['steam', 'engin', 'held', 'exercis']);
/** "partner" is a word the corpus uses: alone, "Who was his partner?" says too little. */
const idf = (term: string) => (COMMON.has(term) ? 0.3 : term === 'partner' ? 1 : 2.5);

const watt: ChatTurn[] = [
  { role: 'user', content: 'Who patented a steam engine that produced continuous rotary motion in 1781?' },
  { role: 'assistant', content: 'In 1781 James Watt patented a steam engine that produced continuous rotary motion. [1]' },
];

describe("follow-ups on the previous answer's subject", () => {
  it('names what the latest answer was about, from its first statement', () => {
    expect(answerSubject(watt, watt[0]!.content)).toEqual(['James Watt']);
    // A decline names nothing; an answer that names only what was asked adds nothing to the earlier question.
    expect(answerSubject([watt[0]!, { role: 'assistant', content: 'Not found in the documents: none of the indexed passages answers this question.' }], watt[0]!.content)).toEqual([]);
    expect(answerSubject(watt, 'When did James Watt patent his engine?')).toEqual([]);
    expect(answerSubject([], 'anything')).toEqual([]);
  });

  it('reads a follow-up with the names of the answer when the earlier question does not name whom it asks about', async () => {
    const resolved = await resolveFollowUp('Who was his partner?', watt, { retrieve, idf });
    expect(resolved.followUp).toBe(true);
    expect(resolved.standalone).toBe('Who was his partner? (following up on: James Watt)');
    expect(resolved.passages[0]!.text).toContain('Boulton');
  });

  it('keeps the earlier question when the answer names add nothing, and asks a new topic alone', async () => {
    const resolved = await resolveFollowUp('In which year?', watt, { retrieve, idf });
    expect(resolved.standalone).toBe('In which year? (following up on: Who patented a steam engine that produced continuous rotary motion in 1781?)');
    const question = 'When did Thomas Savery develop a steam pump?';
    const alone = await resolveFollowUp(question, watt, { retrieve, idf });
    expect(alone.followUp).toBe(false);
    expect(alone.passages).toEqual(await retrieve(question));
  });

  it('does not count words relative to what was said ("later", "next one") or an answer kind no document uses ("city") as a topic', async () => {
    const khan: ChatTurn[] = [
      { role: 'user', content: 'When were the Khan Quest exercises held in Mongolia?' },
      { role: 'assistant', content: 'The Khan Quest exercises were held in Mongolia in 2015. [1]' },
    ];
    for (const question of ['Was another one held there later?', 'In which city was the next one held?']) {
      const resolved = await resolveFollowUp(question, khan, { retrieve, idf });
      expect(resolved.followUp).toBe(true);
      expect(resolved.passages[0]!.text).toContain('Khan Quest');
    }
  });
});
