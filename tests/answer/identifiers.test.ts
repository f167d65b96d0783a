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

  it('are written in a document whole, or part by part when qualified', () => {
    const page = 'class calendar.HTMLCalendar: formatyear(theyear, width=3) returns a year as a table. Fields: clock_seq_low, node.';
    expect(writesIdentifier(page, 'calendar.HTMLCalendar')).toBe(true);
    expect(writesIdentifier(page, 'HTMLCalendar.formatyear')).toBe(true);
    expect(writesIdentifier(page, 'HTMLCalendar.formatmonth')).toBe(false);
    expect(writesIdentifier(page, 'clock_seq')).toBe(false);
    expect(writesIdentifier(page, 'clock_seq_low')).toBe(true);
    expect(writesIdentifier('-t seconds, --timeout=seconds', '--timeout')).toBe(true);
    expect(writesIdentifier('-t seconds, --timeout=seconds', '--wait')).toBe(false);
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
});
