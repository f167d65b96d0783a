import { describe, expect, it } from 'vitest';
import { definedTerm, defines } from '../../src/answer/definitions.js';
import { askOneDocument } from '../helpers/fixtures.js';

const text = [
  '# Sparse Tables',
  'Keep in mind that setting up a sparse table indicates that you know at least as much as the query planner knows about the sparse table and its rows.',
  'In most cases, the advantage of a sparse table over a regular table will be minimal for the sparse table workload.',
  'A sparse table is a table that stores only the rows whose key is set.',
].join('\n\n');

describe('a question asking what a term is', () => {
  it('is answered by the sentence that defines the term, quoted first, each citation exact', async () => {
    const result = await askOneDocument('sparse.md', text, 'What is a sparse table?', 300);
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toBe('A sparse table is a table that stores only the rows whose key is set.');
  });

  it('is only a question that is nothing but a short term, and only a sentence opening with that term defines it', () => {
    expect(definedTerm('What are partial indexes?')).toBe(definedTerm('What is a partial index?'));
    expect(definedTerm('What is the default of log_min_duration?')).toBeUndefined();
    expect(definedTerm('What is the Rankine cycle sometimes called?')).toBeUndefined();
    expect(definedTerm('Who is the mayor?')).toBeUndefined();
    const term = definedTerm('What is a partial index?')!;
    expect(defines('Partial indexes are a specialized feature.', term)).toBe(true);
    expect(defines('The advantage of a partial index is small.', term)).toBe(false);
  });
});
