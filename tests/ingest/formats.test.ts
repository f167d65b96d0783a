import { describe, expect, it } from 'vitest';
import { locate } from '../../src/ingest/location.js';
import { columnsAt } from '../../src/ingest/tables.js';
import { UnreadableDocumentError } from '../../src/ingest/types.js';
import { blockStarting, blockTexts, expectCitable, parse } from './read.js';
import { ASCIIDOC_PAGE, COFFEE_PDF_PAGES, DOCBOOK_PAGE, DOCBOOK_SETTINGS_PAGE, HTML_PAGE, makeDocx, makeEncryptedPdf, makeOptionsDocx, makePdf, makeTablePdf, MARKDOWN_PAGE, MOKA_PARAGRAPH } from './fixtures.js';

describe('Markdown', () => {
  it('renders without marks, joins wrapped lines, keeps list items, code and table rows, and records marks', async () => {
    const document = await parse('guide.md', MARKDOWN_PAGE);
    await expectCitable('guide.md', document);
    expect(document.title).toBe('Coffee Handbook');
    expect(document.text).not.toMatch(/\*\*|\]\(|```/);
    expect(blockTexts(document, 'paragraph')[0]).toBe(MOKA_PARAGRAPH);
    expect(blockTexts(document, 'list-item')).toEqual([
      '- Fill the lower chamber with water up to the valve, then add ground coffee without pressing it down.',
      '- Heat it until it gurgles.',
    ]);
    expect(blockTexts(document, 'code')).toEqual(['grind(beans)\nbrew(pot, minutes=4)']);
    expect(blockTexts(document, 'table-row')).toEqual(['Method | Grind', 'Espresso | fine']);
    expect(blockStarting(document, 'The moka pot').section).toEqual(['Coffee Handbook', 'Brewing']);
  });

  it("reads back a definition term a converter split into one paragraph per piece as its entry's heading", async () => {
    const converted = '# heapq\n\nheapq.\n\nheappush\n\n(\n\nheap,\n\nitem\n\n)\n\nPush *item* onto the heap.\n\nIt keeps the heap invariant.\n';
    const document = await parse('heapq.md', converted);
    expect(blockTexts(document, 'heading')).toEqual(['heapq', 'heapq.heappush(heap, item)']);
    expect(blockTexts(document, 'paragraph')).toEqual(['Push item onto the heap.', 'It keeps the heap invariant.']);
    expect(blockStarting(document, 'It keeps').section).toEqual(['heapq', 'heapq.heappush(heap, item)']);
  });

  it('keeps the text of reference-style links, as READMEs write them', async () => {
    const readme = '# Kettle\n\nSee the [kettle website][] and the [Manual][manual] for details. ![Logo][logo] ![][logo]\n\n* [Descaling guide][]\n\n[kettle website]: https://kettle.example/\n[manual]: https://kettle.example/manual\n[Descaling guide]: ./DESCALE.md\n[logo]: ./logo.png\n';
    const document = await parse('README.md', readme);
    expect(blockTexts(document, 'paragraph')).toEqual(['See the kettle website and the Manual for details. Logo']);
    expect(blockTexts(document, 'list-item')).toEqual(['* Descaling guide']);
  });

  it('joins a sentence a converter broke across paragraphs, and keeps a finished one apart', async () => {
    // Hard-wrapped, as converters write: only then are paragraphs (not lines) the converter's own breaks.
    const wrapped = 'This module implements a number of iterator building blocks inspired by\nconstructs from APL, Haskell and SML, each recast in a form suitable for\nPython, and together they form an iterator algebra for short programs.\n';
    const converted = `# itertools\n\n${wrapped}\nReturn an\n\n*iterator* which yields the items.\n\nThe order is kept.\n\nlower case after a full stop stays apart.\n`;
    const document = await parse('itertools.md', converted);
    expect(blockTexts(document, 'paragraph').slice(1)).toEqual(['Return an iterator which yields the items.', 'The order is kept.', 'lower case after a full stop stays apart.']);
  });
});

describe('Markdown from a converter', () => {
  it('reads a list of terms printed all in code as headings of their definitions, and not a lone line of code', async () => {
    const page = [
      '## Settings', '', '`grind` (`string`)', '', 'How finely the coffee is ground. The default is fine.', '',
      '`-q`  ', '', '`--quiet`', '', 'Prints nothing. This is useful in scripts.', '',
    ].join('\n');
    const document = await parse('settings.md', page);
    expect(blockTexts(document, 'heading')).toEqual(['Settings', 'grind (string)', '-q --quiet']);
    expect(blockStarting(document, 'How finely').section).toEqual(['Settings', 'grind (string)']);
    expect(blockStarting(document, 'Prints nothing').section).toEqual(['Settings', '-q --quiet']);
    const lone = await parse('install.md', ['## Install', '', 'Run this:', '', '`npm install`', '', 'Then start the server.', ''].join('\n'));
    expect(blockTexts(lone, 'heading')).toEqual(['Install']);
    expect(blockTexts(lone, 'paragraph')).toContain('npm install');
  });

  it("reads pandoc's definition list — terms ending in hard breaks, then the description — as its terms heading their description", async () => {
    const page = [
      '## OPTIONS', '', '-g  ', '--grind  ', 'Grind the beans first.', '', 'Both grinders work.', '',
      'brew \\[\\<beans\\>…\\]  ', 'Brews the beans.', '', '## NOTES', '', '12 Via Roma  ', 'Omegna, Italy', '',
    ].join('\n');
    const document = await parse('man/moka.md', page);
    await expectCitable('man/moka.md', document);
    expect(blockTexts(document, 'heading')).toEqual(['OPTIONS', '-g --grind', 'brew [<beans>…]', 'NOTES']);
    expect(blockStarting(document, 'Grind the beans').section).toEqual(['OPTIONS', '-g --grind']);
    expect(blockStarting(document, 'Both grinders').section).toEqual(['OPTIONS', '-g --grind']);
    expect(blockStarting(document, 'Brews the beans').section).toEqual(['OPTIONS', 'brew [<beans>…]']);
    // A lone paragraph with a hard break (an address) is text.
    expect(blockTexts(document, 'paragraph')).toContain('12 Via Roma Omegna, Italy');
  });

  it("takes a converted reference page's opening name line, not its first section heading, as the title", async () => {
    const page = ['CREATE COUNTER', '', 'CREATE COUNTER — define a new counter', '', '## Synopsis', '', '`CREATE COUNTER name`', '', '## Description', '', 'CREATE COUNTER makes a counter.', ''].join('\n');
    const document = await parse('create-counter.md', page);
    expect(document.title).toBe(blockTexts(document)[0]);
    expect(document.title).toMatch(/^CREATE COUNTER/);
    // A page opening with a sentence keeps its first heading as the title.
    const guide = await parse('guide.md', ['This guide explains the counters.', '', '## Counters', '', 'A counter counts.', ''].join('\n'));
    expect(guide.title).toBe('Counters');
  });

  it('joins a sentence a converter broke at an opening quote', async () => {
    const page = ['# Sequences', '', 'Sequences cannot be used, whatever their cache size and their', 'increment, if', '', '“', '', 'gapless” numbering is needed. The states are', '', '“', '', 'true”,', '', '“', '', 'false”, and null.', ''].join('\n');
    const document = await parse('sequences.md', page);
    expect(blockTexts(document, 'heading')).toEqual(['Sequences']);
    expect(blockTexts(document, 'paragraph')).toEqual(['Sequences cannot be used, whatever their cache size and their increment, if “gapless” numbering is needed. The states are “true”, “false”, and null.']);
  });
});

describe('HTML', () => {
  it('indexes the main content only, with headings, definition terms as headings of their definitions, code, tables and numbered items', async () => {
    const document = await parse('docs/brewing.html', HTML_PAGE);
    const furniture = ['tracking', 'Previous chapter', 'Cookie settings', 'All rights reserved', 'color: red', '¶'];
    await expectCitable('docs/brewing.html', document, furniture);
    for (const text of furniture) expect(document.text).not.toContain(text);
    expect(document.title).toBe('Brewing');
    expect(blockTexts(document, 'paragraph')[0]).toBe(MOKA_PARAGRAPH);
    expect(blockTexts(document, 'heading')).toEqual(['Brewing', 'API', 'brew(pot, minutes=4)']);
    expect(blockStarting(document, 'Brews the pot').section).toEqual(['Brewing', 'API', 'brew(pot, minutes=4)']);
    expect(blockStarting(document, 'After the definition list').section).toEqual(['Brewing', 'API']);
    expect(blockTexts(document, 'code')).toEqual(['grind(beans)\n    brew(pot)']);
    expect(blockTexts(document, 'table-row')).toEqual(['Method | Grind', 'Espresso | Fine']);
    expect(blockTexts(document, 'list-item')).toEqual(['1. Fill the chamber.', '2. Heat the pot.']);
    expect((document.marks ?? []).map((mark) => document.text.slice(mark.start, mark.end))).toEqual(expect.arrayContaining(['Alfonso Bialetti', 'minutes']));
  });

  it('falls back to the readable part of a page without a main landmark', async () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `<p>${MOKA_PARAGRAPH} Paragraph ${i + 1} adds a little more text about coffee, grinders and kettles.</p>`).join('');
    const page = `<html><head><title>Blog</title></head><body><div class="menu"><a href="/">Home</a> <a href="/x">Archive</a></div><div class="post">${paragraphs}</div></body></html>`;
    const document = await parse('blog.htm', page);
    expect(document.text).toContain('Alfonso Bialetti');
    expect(document.text).not.toContain('Archive');
  });

  it("scopes a heading to the element it heads, so a note's heading ends with its note, and keeps a power a power", async () => {
    const document = await parse('manual/brewing.html', DOCBOOK_PAGE);
    await expectCitable('manual/brewing.html', document, ['Prev', 'Next', 'Home']);
    expect(document.title).toBe('8.1. Brewing Methods');
    const moka = blockStarting(document, 'A moka pot is filled').section;
    expect(moka.at(-1)).toBe('8.1.1. The Moka Pot');
    expect(blockStarting(document, 'The valve opens').section).toEqual([...moka, 'Note']);
    expect(blockStarting(document, 'After the note').section).toEqual(moka);
    expect(document.text).toContain('brews about 2^10 cups');
  });

  it("never takes a definition term for the page's title", async () => {
    const document = await parse('manual/settings.html', DOCBOOK_SETTINGS_PAGE);
    expect(document.title).toBe('20.10. Brewing Settings');
    expect(blockStarting(document, 'How hot').section.at(-1)).toBe('heat (integer)');
  });
});

describe('HTML from AsciiDoc', () => {
  it("keeps the page's title block beside the content, heads a shared description with all its terms, and reads CR LF as line ends", async () => {
    const document = await parse('man/moka-brew.html', ASCIIDOC_PAGE);
    await expectCitable('man/moka-brew.html', document, ['Last updated']);
    expect(document.title).toBe('moka-brew(1) Manual Page');
    expect(blockTexts(document, 'paragraph')[0]).toBe('moka-brew - Brew coffee in a moka pot');
    expect(blockStarting(document, 'moka-brew - Brew').section).toEqual(['moka-brew(1) Manual Page', 'NAME']);
    expect(blockTexts(document, 'code')).toEqual(['moka brew [-g | --grind] <beans>\nmoka brew clean']);
    expect(blockTexts(document, 'heading')).toContain('-g --grind');
    expect(blockStarting(document, 'Grind the beans').section).toEqual(['OPTIONS', '-g --grind']);
    expect(blockStarting(document, 'Brew without').section).toEqual(['OPTIONS', '--no-valve']);
  });

  it('reads the whole page when Readability would keep only its longest section', async () => {
    const options = Array.from({ length: 10 }, (_, i) => `<dt>--shot-${i}</dt><dd><p>Pulls shot ${i} of the brew through the pot, for a stronger cup: ${MOKA_PARAGRAPH}</p><p>Shot ${i}, like the others, is pulled slowly, gently, and evenly, so the crema, the body and the aroma stay together, as in a bar.</p></dd>`).join('');
    const document = await parse('man/moka-brew.html', ASCIIDOC_PAGE.replace('</dl>', `${options}</dl>`));
    await expectCitable('man/moka-brew.html', document, ['Last updated']);
    expect(document.text).not.toContain('Last updated');
    expect(blockTexts(document, 'heading').slice(0, 4)).toEqual(['moka-brew(1) Manual Page', 'NAME', 'SYNOPSIS', 'DESCRIPTION']);
    expect(blockStarting(document, 'Pulls shot 9').section).toEqual(['OPTIONS', '--shot-9']);
  });
});

describe('DOCX', () => {
  it('maps Word heading styles to section paths and keeps table rows', async () => {
    const document = await parse('handbook.docx', await makeDocx());
    await expectCitable('handbook.docx', document);
    expect(document.format).toBe('docx');
    expect(document.title).toBe('Coffee Handbook');
    expect(blockStarting(document, MOKA_PARAGRAPH).section).toEqual(['Brewing', 'Moka Pot']);
    expect(blockTexts(document, 'table-row')).toEqual(['Method | Grind', 'Espresso | Fine']);
    expect(blockStarting(document, 'A burr grinder').section).toEqual(['Grinding']);
  });

  it("keeps a definition's code block and the paragraphs after it under the definition's term", async () => {
    const document = await parse('stash.docx', await makeOptionsDocx());
    await expectCitable('stash.docx', document);
    expect(blockTexts(document, 'heading')).toEqual(['COMMANDS', 'list [<log-options>]', 'clear']);
    expect(blockStarting(document, 'brew@{0}').section).toEqual(['COMMANDS', 'list [<log-options>]']);
    expect(blockStarting(document, 'The list takes').section).toEqual(['COMMANDS', 'list [<log-options>]']);
    expect(blockStarting(document, 'Removes every').section).toEqual(['COMMANDS', 'clear']);
    expect(blockStarting(document, 'Brews are kept').section).toEqual(['COMMANDS']);
  });
});

describe('PDF', () => {
  it("drops running headers and page numbers, joins hyphenated words and paragraphs over a page break, heads an API description with its signature, and knows every block's page", async () => {
    const document = await parse('handbook.pdf', await makePdf(COFFEE_PDF_PAGES));
    await expectCitable('handbook.pdf', document, ['Coffee Handbook — internal', 'Page 1', 'Page 2']);
    expect(document.title).toBe('Brewing Coffee');
    expect(document.text).not.toContain('Coffee Handbook — internal');
    expect(document.text).not.toMatch(/Page \d of 2/);
    expect(document.text).toContain('Its extraction terminates when the water chamber is empty; termination is signalled by a gurgle.');
    expect(document.text).toContain('the coffee is poured into warm cups, where it should be served at once.');
    expect(blockTexts(document, 'heading')).toEqual(['Brewing Coffee', 'Grinding', 'kettle.pour(water, speed=1)']);
    expect(blockTexts(document, 'code')).toEqual(['grind(beans, size="fine")\n    brew(pot, minutes=4)']);
    expect(document.pages!.map((page) => page.page)).toEqual([1, 2]);
    const at = (phrase: string) => locate(document, document.text.indexOf(phrase));
    expect(at('It was invented by Alfonso Bialetti')).toEqual({ section: ['Brewing Coffee'], page: 1 });
    expect(at('warm cups')).toEqual({ section: ['Brewing Coffee'], page: 2 });
    expect(at('A burr grinder')).toEqual({ section: ['Brewing Coffee', 'Grinding'], page: 2 });
    expect(at('Pours the water')).toEqual({ section: ['Brewing Coffee', 'Grinding', 'kettle.pour(water, speed=1)'], page: 2 });
  });
});

describe('PDF line ends', () => {
  it('keeps the hyphen of a compound split over a line end, and reads a table cell beside a code word as no description of it', async () => {
    const document = await parse('grinder.pdf', await makePdf([[
      { text: 'Grinders', size: 20 },
      { text: 'The burr follows an ISO-', gapBefore: 8 },
      { text: 'standard size, and its per-' },
      { text: 'aggregate cost is low; the termi-' },
      { text: 'nation of a grind is quiet, and each aggregate is weighed.' },
      { text: 'double', mono: true, gapBefore: 8 },
      { text: 'variable-precision, 8 bytes', beside: { x: 180, rise: 1 } },
      { text: 'A burr grinder gives an even grind size for every brewing method.', gapBefore: 8 },
    ]]));
    expect(document.text).toContain('The burr follows an ISO-standard size, and its per-aggregate cost is low; the termination of a grind is quiet');
    expect(blockTexts(document, 'heading')).toEqual(['Grinders']);
    expect(blockStarting(document, 'A burr grinder').section).toEqual(['Grinders']);
  });
});

describe('PDF definition terms', () => {
  it('heads a description with its options or its setting in small type, also at the top of a page', async () => {
    const document = await parse('options.pdf', await makePdf([
      [
        { text: 'Options', size: 20 },
        { text: '-q', mono: true, gapBefore: 8 },
        { text: '--quiet', mono: true },
        { text: 'Prints nothing. This is useful in scripts.', indent: 30, gapBefore: 6 },
        { text: 'The grinder reads its settings from the file it is given on start.', gapBefore: 8 },
      ],
      [
        { text: 'grind_size_limit (integer)', size: 9 },
        { text: 'The largest grind size the burr may be set to. The default is 8.', indent: 30, gapBefore: 6 },
      ],
    ]));
    expect(blockTexts(document, 'heading')).toEqual(['Options', '-q --quiet', 'grind_size_limit (integer)']);
    expect(blockStarting(document, 'Prints nothing').section).toEqual(['Options', '-q --quiet']);
    expect(blockStarting(document, 'The largest grind size').section).toEqual(['Options', 'grind_size_limit (integer)']);
  });
});

describe('PDF tables', () => {
  /** Parses the page and checks its table rows and paragraphs, in order. */
  async function expectRead(source: string, page: Parameters<typeof makeTablePdf>[0], read: { rows: string[]; paragraphs: string[] }) {
    const document = await parse(source, await makeTablePdf(page));
    await expectCitable(source, document);
    expect({ rows: blockTexts(document, 'table-row'), paragraphs: blockTexts(document, 'paragraph') }).toEqual(read);
    return document;
  }

  it('reads a row whose cells wrap over several lines, centred in their row, as one row with its cells, under its header', async () => {
    const document = await expectRead('types.pdf', [
      { text: 'Numeric Types', size: 20 },
      { text: 'The table lists the available types.' },
      {
        columns: [50, 140, 210, 340],
        rows: [
          [['Name'], ['Storage', 'Size'], ['Description'], ['Range']],
          [['smallint'], ['2 bytes'], ['small-range integer'], ['-32768 to +32767']],
          [['integer'], ['4 bytes'], ['typical choice for', 'integer'], ['-2147483648 to +2147483647']],
          [['bigint'], ['8 bytes'], ['large-range integer'], ['-9223372036854775808 to', '+9223372036854775807']],
          [['double', 'precision'], ['8 bytes'], ['variable-', 'precision, inexact'], ['15 decimal digits']],
        ],
      },
      { text: 'The type integer is the common choice, as it offers the best balance between range and size.' },
      { text: 'A UUID has these fields:' },
      {
        columns: [50, 164],
        rows: [
          [['Field'], ['Meaning']],
          [['time_low'], ['the first 32 bits of the UUID']],
          // Wider than its column's other cells: closer to the next cell than the gap that splits a line.
          [['clock_seq_hi_variant'], ['the next 8 bits of the UUID']],
          [['node'], ['the last 48 bits of the UUID']],
        ],
      },
    ], {
      rows: [
        'Name | Storage Size | Description | Range',
        'smallint | 2 bytes | small-range integer | -32768 to +32767',
        'integer | 4 bytes | typical choice for integer | -2147483648 to +2147483647',
        'bigint | 8 bytes | large-range integer | -9223372036854775808 to +9223372036854775807',
        'double precision | 8 bytes | variable-precision, inexact | 15 decimal digits',
        'Field | Meaning',
        'time_low | the first 32 bits of the UUID',
        'clock_seq_hi_variant | the next 8 bits of the UUID',
        'node | the last 48 bits of the UUID',
      ],
      paragraphs: [
        'The table lists the available types.',
        'The type integer is the common choice, as it offers the best balance between range and size.',
        'A UUID has these fields:',
      ],
    });
    const row = blockStarting(document, 'integer | 4 bytes');
    expect(columnsAt(document, row.start)).toBe('Name | Storage Size | Description | Range');
    expect(row).toMatchObject({ section: ['Numeric Types'], page: 1 });
  });

  it("reads justified lines whose stretched gaps look like cells line by line, never interleaving two lines' words", async () => {
    const words = (line: string, xs: number[]) => line.split(' ').map((text, i) => ({ x: xs[i]!, text }));
    await expectRead('justified.pdf', [
      { text: 'Times', size: 20 },
      // Two words of each line start at the same places (50 and 120), the other gaps fall anywhere.
      { words: words('Times are written as "YYYYMMDDhhmmss.sZ", or', [50, 120, 160, 230, 300, 450]) },
      { words: words('as "YYYYMMDDhhmm+hh’mm’", which is shorter', [50, 120, 340, 400, 440]) },
      { text: 'A time in UTC ends in Z; a time in another zone gives its offset from UTC in hours and minutes.' },
    ], {
      rows: ['Times | are | written | as | "YYYYMMDDhhmmss.sZ", | or', 'as | "YYYYMMDDhhmm+hh’mm’", | which | is | shorter'],
      paragraphs: ['A time in UTC ends in Z; a time in another zone gives its offset from UTC in hours and minutes.'],
    });
  });

  it('reads a table whose cells are set at the top of their rows, and leaves a short line of prose below it out', async () => {
    await expectRead('settings.pdf', [
      { text: 'Settings', size: 20 },
      { text: 'Each setting of the grinder:' },
      {
        columns: [50, 160, 260],
        top: true,
        rows: [
          [['Setting'], ['Default'], ['Meaning']],
          [['grind_size'], ['8'], ['how fine the burrs grind, from 1', '(espresso) to 12 (press)']],
          [['dose'], ['18 g'], ['the coffee weighed per shot']],
          [['pre_infusion', 'seconds'], ['4'], ['how long the puck is wetted', 'before the full pressure', 'is applied']],
        ],
      },
      { text: 'Examples:' },
      { text: 'A finer grind slows the shot down; a coarser one speeds it up.' },
    ], {
      rows: [
        'Setting | Default | Meaning',
        'grind_size | 8 | how fine the burrs grind, from 1 (espresso) to 12 (press)',
        'dose | 18 g | the coffee weighed per shot',
        'pre_infusion seconds | 4 | how long the puck is wetted before the full pressure is applied',
      ],
      paragraphs: ['Each setting of the grinder:', 'Examples:', 'A finer grind slows the shot down; a coarser one speeds it up.'],
    });
  });
});

describe('unreadable files', () => {
  it.each([
    ['empty.txt', '', /empty/],
    ['binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary file/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x61, 0x20, 0x63, 0x61, 0x72, 0x74, 0x65]), /not UTF-8 text/],
    ['corrupt.pdf', '%PDF-1.7 this is not really a PDF', /corrupt PDF/],
    ['encrypted.pdf', makeEncryptedPdf(), /encrypted PDF/],
    ['corrupt.docx', 'PK this is not a zip', /corrupt or unsupported DOCX/],
    ['empty.html', '<html><body><nav>Menu only</nav></body></html>', /no text to index/],
  ])('refuses %s with a reason', async (source, content, reason) => {
    const failure = await parse(source, content).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UnreadableDocumentError);
    expect((failure as Error).message).toMatch(reason);
  });
});
