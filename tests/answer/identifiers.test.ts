import { describe, expect, it } from 'vitest';
import { identifierFacts, writesIdentifier } from '../../src/answer/identifiers.js';
import { tokenize } from '../../src/match/analyzer.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const names = (text: string) => identifierFacts(text, tokenize(text)).map((fact) => fact.text);

describe('code identifiers in a question', () => {
  it('are read whole: dotted, with underscores or camel-cased', () => {
    expect(names('What is the default of autovacuum_work_mem?')).toEqual(['autovacuum_work_mem']);
    expect(names('What does os.path.join return, and what does getElementById?')).toEqual(['os.path.join', 'getElementById']);
    expect(names('Is Z_BEST_SPEED faster than level 9?')).toEqual(['Z_BEST_SPEED']);
    expect(names('What does the --dry-run option of a well-known tool do?')).toEqual(['--dry-run']);
    // Abbreviations and plain words are not.
    expect(names('Which type, e.g. tinyint, is fastest?')).toEqual([]);
  });

  it('are also a name called as a function, or a word English lacks named by its kind', () => {
    expect(names('What does the unhex() function return?')).toEqual(['unhex']);
    expect(names('What does hex(X) return for a blob?')).toEqual(['hex']);
    expect(names('What is the range of the tinyint type?')).toEqual(['tinyint']);
    expect(names('What does the COALESCE function return?')).toEqual(['COALESCE']);
    // English words named by a kind, and a parenthesis after a space, are prose.
    expect(names('What is the round function for?')).toEqual([]);
    expect(names('Which blood type is the rarest?')).toEqual([]);
    expect(names('What did NATO (the alliance) decide?')).toEqual([]);
  });

  it('are written in a document whole, or part by part when qualified', () => {
    const page = 'class calendar.HTMLCalendar: formatyear(theyear, width=3) returns a year as a table. Fields: clock_seq_low, node.';
    expect(writesIdentifier(page, 'calendar.HTMLCalendar')).toBe(true);
    expect(writesIdentifier(page, 'HTMLCalendar.formatyear')).toBe(true);
    expect(writesIdentifier(page, 'HTMLCalendar.formatmonth')).toBe(false);
    expect(writesIdentifier(page, 'clock_seq')).toBe(false);
    expect(writesIdentifier(page, 'clock_seq_low')).toBe(true);
    expect(writesIdentifier('-t seconds, --timeout=seconds', '--timeout')).toBe(true);
    expect(writesIdentifier('-t seconds, --timeout=seconds', '--wait')).toBe(false);
    // In any case: SQL's names are asked about in either.
    expect(writesIdentifier('The COALESCE function returns its first non-null argument.', 'coalesce')).toBe(true);
    expect(writesIdentifier('coalesce(value [, ...])', 'COALESCE')).toBe(true);
  });

  it('named by their kind decline an answer about another one', async () => {
    const page = ['# Numeric Types', 'Integer types store whole numbers of various ranges.', '| Name | Storage Size | Range |', '|---|---|---|', '| smallint | 2 bytes | -32768 to +32767 |', '| integer | 4 bytes | -2147483648 to +2147483647 |'].join('\n');
    const docent = await openDocent(await testConfig(await makeCorpus({ 'numeric.md': page })), { embedder: hashEmbedder() });
    expect((await docent.ask('What is the range of the tinyint type?')).answerable).toBe(false);
    expect((await docent.ask('What is the range of the smallint type?')).answer).toContain('-32768 to +32767');
  });

  it('decline an answer whose evidence does not name them, and let one that does answer', async () => {
    const page = [
      '# Resource Consumption',
      'The maintenance work memory is distributed proportionally among the running autovacuum workers.',
      'The default value of maintenance_work_mem is 64 megabytes.',
    ].join('\n\n');
    const docent = await openDocent(await testConfig(await makeCorpus({ 'settings.md': page })), { embedder: hashEmbedder() });
    expect((await docent.ask('What is the default value of autovacuum_work_mem?')).answerable).toBe(false);
    const named = await docent.ask('What is the default value of maintenance_work_mem?');
    expect(named.answerable).toBe(true);
    expect(named.answer).toContain('64 megabytes');
    const { text } = await parserFor('settings.md')!.parse(new TextEncoder().encode(page), { source: 'settings.md' });
    expect(named.citations.length).toBeGreaterThan(0);
    for (const citation of named.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });

  it('count as nearby when the evidence\'s document writes them elsewhere, as a PDF writes a signature line as a paragraph', async () => {
    const page = ['# functools', 'The functools module is for higher-order functions: functions that act on or return other functions.', '@functools.cache(user_function)', 'Simple lightweight unbounded function cache. Because it never needs to evict old values, this is smaller and faster than lru_cache() with a size limit.'].join('\n\n');
    const docent = await openDocent(await testConfig(await makeCorpus({ 'functools.md': page })), { embedder: hashEmbedder() });
    const result = await docent.ask('Why is functools.cache smaller and faster than lru_cache with a size limit?');
    expect(result.answer).toContain('never needs to evict old values');
    expect((await docent.ask('Why is functools.memoize smaller and faster than lru_cache with a size limit?')).answerable).toBe(false);
  });

  it('are not answered by a sentence under another entry of the same manual page, nor quoted twice', async () => {
    const page = `<html><head><title>Automatic Vacuuming</title></head><body><h1>Automatic Vacuuming</h1>
<p>These settings control the behavior of the autovacuum feature.</p>
<dl>
<dt>autovacuum_vacuum_insert_threshold (integer)</dt><dd><p>Specifies the number of inserted tuples needed to trigger a VACUUM in any one table. The default is 1000 tuples. This parameter can only be set in the configuration file.</p></dd>
<dt>autovacuum_vacuum_threshold (integer)</dt><dd><p>Specifies the minimum number of updated or deleted tuples needed to trigger a VACUUM in any one table. The default is 50 tuples. This parameter can only be set in the configuration file.</p></dd>
</dl></body></html>`;
    const docent = await openDocent(await testConfig(await makeCorpus({ 'autovacuum.html': page })), { embedder: hashEmbedder() });
    const { text } = await parserFor('autovacuum.html')!.parse(new TextEncoder().encode(page), { source: 'autovacuum.html' });
    const result = await docent.ask('What is the default of autovacuum_vacuum_threshold?');
    expect(result.citations[0]!.quote).toBe('The default is 50 tuples.');
    expect(result.answer).not.toContain('1000');
    const spans = result.citations.map((citation) => [citation.start, citation.end] as const);
    for (const [i, [start, end]] of spans.entries()) for (const [otherStart, otherEnd] of spans.slice(i + 1)) expect(start < otherEnd && otherStart < end).toBe(false);
    for (const citation of result.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });

  it('are answered under an entry of the page that names them: each option of pg_isready is an entry of its page', async () => {
    const page = `<html><head><title>pg_isready</title></head><body><h1>pg_isready</h1>
<p>pg_isready is a utility for checking the connection status of a PostgreSQL database server.</p>
<dl>
<dt>-h hostname, --host=hostname</dt><dd><p>Specifies the host name of the machine on which the server is running.</p></dd>
<dt>-p port, --port=port</dt><dd><p>Specifies the TCP port. Defaults to the value of the PGPORT environment variable or, if not set, to the port specified at compile time, usually 5432.</p></dd>
</dl></body></html>`;
    const docent = await openDocent(await testConfig(await makeCorpus({ 'isready.html': page })), { embedder: hashEmbedder() });
    expect((await docent.ask('Which port does pg_isready use when PGPORT is not set?')).answer).toContain('usually 5432');
  });
});
