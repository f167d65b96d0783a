import { describe, expect, it } from 'vitest';
import { asksForEntryName, questionType } from '../../src/answer/question-type.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

describe('a question offering two alternatives', () => {
  it('asks which holds, not whether: no yes or no', () => {
    for (const question of [
      'Is the real type exact or inexact?',
      'Is the lock shared or exclusive?',
      'Is the function blocking or non-blocking?',
      'Are sockets synchronous or asynchronous?',
      'Is corporal punishment increasing or declining in the South?',
      "Were Tesla's experiments high-voltage or low-voltage?",
    ])
      expect(questionType(question), question).toBe('factoid');
  });

  it('is still a yes/no question when "or" joins the things asked about', () => {
    for (const question of ['Does the copy module copy types like file or socket?', 'Can I use a list or a tuple?', 'Did China or Japan host it?', 'Was it in Paris or London?', 'Is the real type exact?'])
      expect(questionType(question), question).toBe('yes_no');
  });
});

describe('answering a question offering two alternatives', () => {
  it('quotes the evidence with no yes or no, the word it states as the short answer', async () => {
    const page = '# Floating-Point Types\n\nThe data types real and double precision are inexact, variable-precision numeric types.\n\nThe numeric type stores exact values.\n';
    const docent = await openDocent(await testConfig(await makeCorpus({ 'float.md': page })), { embedder: hashEmbedder() });
    const { text } = await parserFor('float.md')!.parse(new TextEncoder().encode(page), { source: 'float.md' });
    const result = await docent.ask('Is the real type exact or inexact?');
    expect(result.questionType).toBe('factoid');
    expect(result.answer).not.toMatch(/^(?:Yes|No)\b/);
    expect(result.citations[0]!.quote).toBe('The data types real and double precision are inexact, variable-precision numeric types.');
    expect(result.shortAnswer?.text).toBe('inexact');
    expect(text.slice(result.shortAnswer!.start, result.shortAnswer!.end)).toBe('inexact');
  });
});

describe('a question asking for an entry by its kind', () => {
  it('is "which/what (…) option, function, setting …", not "what option is …"', () => {
    expect(asksForEntryName('Which pg_isready option sets the user name to connect as?')).toBe(true);
    expect(asksForEntryName('What function returns the first non-null argument?')).toBe(true);
    expect(asksForEntryName('Which settings control autovacuum?')).toBe(true);
    expect(asksForEntryName('What option is the default?')).toBe(false);
    expect(asksForEntryName('What does the -U option do?')).toBe(false);
    expect(asksForEntryName('Which city hosted the games?')).toBe(false);
  });
});

const PAGE = `<html><head><title>pg_isready</title></head><body><h1>pg_isready</h1>
<p>pg_isready checks the connection status of a server.</p>
<h2>Options</h2>
<dl>
<dt>-h hostname</dt><dd><p>Specifies the host name of the machine on which the server is running.</p></dd>
<dt>-U username</dt><dd><p>Connect to the database as the user username instead of the default.</p></dd>
<dt>-t seconds</dt><dd><p>The maximum number of seconds to wait when attempting connection.</p></dd>
</dl></body></html>`;

describe('answering "which option …"', () => {
  it('quotes the entry the answer describes before it, each citation exact', async () => {
    const docent = await openDocent(await testConfig(await makeCorpus({ 'isready.html': PAGE })), { embedder: hashEmbedder() });
    const { text } = await parserFor('isready.html')!.parse(new TextEncoder().encode(PAGE), { source: 'isready.html' });
    const result = await docent.ask('Which option sets the user name to connect as?');
    expect(result.citations.map((citation) => citation.quote).slice(0, 2)).toEqual(['-U username', 'Connect to the database as the user username instead of the default.']);
    for (const citation of result.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
    // The entry's name is the phrase that answers.
    expect(result.shortAnswer).toMatchObject({ text: '-U username', n: 1 });
    expect(text.slice(result.shortAnswer!.start, result.shortAnswer!.end)).toBe('-U username');
    // Asked what an entry does, the answer is its description alone.
    const described = await docent.ask('What does the -U option do?');
    expect(described.citations[0]!.quote).toBe('Connect to the database as the user username instead of the default.');
  });
});
