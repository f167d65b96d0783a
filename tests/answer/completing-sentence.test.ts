import { describe, expect, it } from 'vitest';
import { askOneDocument } from '../helpers/fixtures.js';

const text = [
  '# Settings',
  '## Output',
  'The environment variable LOGGEN_STYLE specifies how loggen formats the lines it writes. Possible values are plain, json and logfmt.',
  'The environment variable LOGGEN_DIR names the folder loggen writes to.',
].join('\n\n');

describe('the sentence that says what the best one leaves unsaid', () => {
  it('is quoted after it when it follows in the same paragraph, each citation exact', async () => {
    const result = await askOneDocument('loggen.md', text, 'Which possible values does the environment variable LOGGEN_STYLE take?', 600);
    expect(result.answerable).toBe(true);
    expect(result.citations.map((citation) => citation.quote)).toContain('Possible values are plain, json and logfmt.');
  });

  it('is not quoted when it leaves unsaid what the best sentence does', async () => {
    const result = await askOneDocument('loggen.md', text, 'What does the environment variable LOGGEN_STYLE specify about formats?', 600);
    expect(result.citations.map((citation) => citation.quote)).not.toContain('Possible values are plain, json and logfmt.');
  });
});
