import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: each clause against the evidence that states it', () => {
  it('does not let a sentence about another year contradict a clause another sentence states as claimed', async () => {
    const text = [
      'He received his master’s degree in 1505.',
      'He then left law school and sold his books.',
      'In 1507, he was ordained to the priesthood, and in 1508 the first dean of the university sent for him to teach theology.',
      'He received a bachelor’s degree in Biblical studies in 1508, and another bachelor’s degree in 1509.',
    ].join(' ');
    // Other documents, so that common words weigh little and a word no document uses ("rector") weighs much.
    const others = Object.fromEntries(
      ['Calvin', 'Zwingli', 'Erasmus', 'Melanchthon'].map((name, i) => [`${name.toLowerCase()}.md`, `${name} received a degree from the university in ${1490 + i}. The same year he taught at the university and received students.`]),
    );
    const docent = await openTestDocent(await makeCorpus({ 'luther.md': text, ...others }));
    const claim = 'Luther received his master’s degree in 1505 and was elected rector of the university the same year.';
    const result = await docent.verify(claim, { citations: [{ source: 'luther.md', start: 0, end: text.length }] });
    expect(result.verdict).toBe('partially_supported');
    expect(result.evidence[0]!.quote).toContain('He received his master’s degree in 1505.');
    expect(result.evidence[0]!.quote).not.toContain('1507');
    expect(result.missing?.join(' ')).toContain('elected rector');
  });
});
