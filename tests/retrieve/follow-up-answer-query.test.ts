import { describe, expect, it } from 'vitest';
import { lexicalRetriever } from './lexical-retriever.js';
import { referencedNames } from '../../src/retrieve/answer-subject.js';
import { resolveFollowUp, type ChatTurn } from '../../src/retrieve/follow-up.js';

const TEXTS = [
  'In 1875, Tesla enrolled at the Austrian Polytechnic in Graz on a Military Frontier scholarship.',
  'In December 1878, Tesla left Graz and severed all relations with his family.',
  'Tesla moved to Budapest in 1881 to work at the Budapest Telephone Exchange.',
];
const retrieve = lexicalRetriever(TEXTS, 'Tesla');
/** "Tesla" and "Graz" are the corpus's subject: held by most passages (IDF below ln 2), as a short question about them says little alone. */
const COMMON = new Set(['tesla', 'graz', 'leav']);
const idf = (term: string) => (COMMON.has(term) ? 0.3 : 2.5);

const enrolled: ChatTurn[] = [
  { role: 'user', content: 'In which year did Tesla enroll at the Austrian Polytechnic in Graz?' },
  { role: 'assistant', content: 'In 1875, Tesla enrolled at the Austrian Polytechnic in Graz on a Military Frontier scholarship. [1]' },
];

describe('what a follow-up is answered against', () => {
  it('keeps the names a follow-up points back to, not the earlier question’s words, while searching with the whole earlier question', async () => {
    const resolved = await resolveFollowUp('When did he leave it?', enrolled, { retrieve, idf });
    expect(resolved.followUp).toBe(true);
    expect(resolved.standalone).toBe('When did he leave it? (following up on: In which year did Tesla enroll at the Austrian Polytechnic in Graz?)');
    // The answer names something the question did not (Military Frontier): its first name that tells passages apart stands for
    // what the follow-up points back to; Tesla, in every passage, cannot point to one.
    expect(resolved.answerQuery).toBe('When did he leave it? (following up on: Austrian Polytechnic)');
    expect(resolved.answerQuery).not.toMatch(/enroll|year/);
  });

  it('uses the earlier question’s names when the answer names nothing new, and the whole question when the follow-up says nothing of its own', async () => {
    const declined: ChatTurn[] = [enrolled[0]!, { role: 'assistant', content: 'Not found in the documents: none of the indexed passages answers this question.' }];
    expect((await resolveFollowUp('When did he leave it?', declined, { retrieve, idf })).answerQuery).toBe(
      'When did he leave it? (following up on: Austrian Polytechnic)',
    );
    const elliptic = await resolveFollowUp('In which month?', enrolled, { retrieve, idf });
    expect(elliptic.followUp).toBe(true);
    expect(elliptic.answerQuery).toBe(elliptic.standalone);
  });

  it('points back to the first name, the previous answer’s, else the earlier question’s, that most passages do not hold', () => {
    const focus = enrolled[0]!.content;
    const asked = 'When did he leave it?';
    const context = (subject: string[]) => ({ subject, focus, idf });
    expect(referencedNames(asked, context(['James Watt', 'Boulton']))).toEqual(['James Watt']);
    expect(referencedNames(asked, context(['Tesla', 'Boulton']))).toEqual(['Boulton']);
    // When every name is held by most passages, the first stands.
    expect(referencedNames(asked, context(['Tesla', 'Graz']))).toEqual(['Tesla']);
    expect(referencedNames(asked, context([]))).toEqual(['Austrian Polytechnic']);
    expect(referencedNames(asked, context([]), { count: 4, skipCommon: 'never' })).toEqual(['Tesla', 'Austrian Polytechnic', 'Graz']);
    expect(referencedNames(asked, { subject: [], focus: 'when was it founded?', idf })).toEqual([]);
  });

  it('keeps the first name, however common, for a follow-up that names something telling of its own', () => {
    const context = { subject: ['Tesla', 'Boulton'], focus: enrolled[0]!.content, idf };
    expect(referencedNames('What about with Budapest?', context)).toEqual(['Tesla']);
    expect(referencedNames('What about with Budapest?', context, { skipCommon: 'always' })).toEqual(['Boulton']);
    // A name of its own that most passages hold tells nothing: the common names are skipped as for a question without one.
    expect(referencedNames('What about Graz?', context)).toEqual(['Boulton']);
  });

  it('answers a question without history, or a new topic, exactly as asked', async () => {
    expect((await resolveFollowUp('When did Tesla leave Graz?', [], { retrieve, idf })).answerQuery).toBe('When did Tesla leave Graz?');
    const question = 'Where is the Budapest Telephone Exchange?';
    const alone = await resolveFollowUp(question, enrolled, { retrieve, idf });
    expect(alone.followUp).toBe(false);
    expect(alone.answerQuery).toBe(question);
  });
});
