import { describe, expect, it } from 'vitest';
import { ManualEntries } from '../../src/answer/entries.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { SentenceIndex } from '../../src/match/sentences.js';

const PAGE = `<html><head><title>Automatic Vacuuming</title></head><body><h1>Automatic Vacuuming</h1>
<p>The autovacuum launcher, pg_autovacuum, starts workers.</p>
<dl>
<dt>autovacuum_vacuum_insert_threshold (integer)</dt><dd><p>The default is 1000 tuples.</p></dd>
<dt>autovacuum_vacuum_threshold (integer)</dt><dd><p>The default is 50 tuples.</p></dd>
</dl></body></html>`;

describe("a manual page's entries", () => {
  it("head the sentences under them; a sentence under another identifier's entry describes that one", async () => {
    const document = await parserFor('vacuum.html')!.parse(new TextEncoder().encode(PAGE), { source: 'vacuum.html' });
    const sources = new Map([['vacuum.html', document]]);
    const sentences = new SentenceIndex({ sources }).of('vacuum.html');
    const sentence = (text: string) => sentences.find((unit) => document.text.slice(unit.start, unit.end) === text)!;
    const entries = new ManualEntries(sources);
    const entry = entries.entryOf(sentence('The default is 1000 tuples.'))!;
    expect(document.text.slice(entry.start, entry.end)).toBe('autovacuum_vacuum_insert_threshold (integer)');
    // The page's title heads the whole page, no entry.
    expect(entries.entryOf(sentence('The autovacuum launcher, pg_autovacuum, starts workers.'))).toBeUndefined();
    expect(entries.describesAnother(sentence('The default is 1000 tuples.'), 'autovacuum_vacuum_threshold')).toBe(true);
    expect(entries.describesAnother(sentence('The default is 50 tuples.'), 'autovacuum_vacuum_threshold')).toBe(false);
    // An identifier with no entry of its own (the page's subject, or a name only mentioned) is described anywhere.
    expect(entries.describesAnother(sentence('The default is 1000 tuples.'), 'pg_autovacuum')).toBe(false);
  });
});
