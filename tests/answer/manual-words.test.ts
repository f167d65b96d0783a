import { describe, expect, it } from 'vitest';
import { askOneDocument } from '../helpers/fixtures.js';

// A manual's page: "name" and "type" are its subject, and "float(p)" a pattern that "float(1)" instances.
const text = [
  '# Character Types',
  'The type text stores strings of any length.',
  'There are two other fixed-length character types in the system.',
  'The name type exists only for the storage of identifiers in the internal system catalogs.',
  'Its length is currently defined as 64 bytes, of which 63 are usable characters.',
  '# Floating-Point Types',
  'The system also supports the notations float and float(p) for specifying inexact numeric types.',
  'Here, p specifies the minimum acceptable precision in binary digits.',
  'The system accepts float(1) to float(24) as selecting the real type, while float(25) to float(53) select double precision.',
].join('\n\n');

describe('questions about a manual\'s names and types', () => {
  it('"How long is the name type?" is answered from the sentence that says it, each citation exact', async () => {
    const result = await askOneDocument('types.md', text, 'How long is the name type?', 400);
    expect(result.answerable).toBe(true);
    expect(result.answer).toContain('64 bytes');
  });

  it('a pattern ("float(p)") is answered by the sentence naming its instances ("float(1) to float(24)"), each citation exact', async () => {
    const result = await askOneDocument('types.md', text, 'Which float(p) declarations select the real type?', 400);
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toContain('float(1) to float(24)');
  });
});
