import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const text = [
  '# Settings',
  '## Output',
  'The environment variable LOGGEN_STYLE specifies how loggen formats the lines it writes. Possible values are plain, json and logfmt.',
  'The environment variable LOGGEN_DIR names the folder loggen writes to.',
].join('\n\n');

describe('the sentence that says what the best one leaves unsaid', () => {
  it('is quoted after it when it follows in the same paragraph, each citation exact', async () => {
    const docent = await openTestDocent(await makeCorpus({ 'loggen.md': text }), { CHUNK_SIZE: '600', CHUNK_OVERLAP: '0' });
    const result = await docent.ask('Which possible values does the environment variable LOGGEN_STYLE take?');
    expect(result.answerable).toBe(true);
    expect(result.citations.map((citation) => citation.quote)).toContain('Possible values are plain, json and logfmt.');
    for (const citation of result.citations) expect(docent.index.documents.get(citation.source)!.slice(citation.start, citation.end)).toBe(citation.quote);
  });

  it('is not quoted when it leaves unsaid what the best sentence does', async () => {
    const docent = await openTestDocent(await makeCorpus({ 'loggen.md': text }), { CHUNK_SIZE: '600', CHUNK_OVERLAP: '0' });
    const result = await docent.ask('What does the environment variable LOGGEN_STYLE specify about formats?');
    expect(result.citations.map((citation) => citation.quote)).not.toContain('Possible values are plain, json and logfmt.');
    for (const citation of result.citations) expect(docent.index.documents.get(citation.source)!.slice(citation.start, citation.end)).toBe(citation.quote);
  });
});
