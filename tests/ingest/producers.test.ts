import { describe, expect, it } from 'vitest';
import { makePdf, TEXINFO_NODE_PAGE } from './fixtures.js';
import { blockStarting, blockTexts, expectCitable, parse } from './read.js';

/** A book's pages as TeX (texinfo) and DocBook print them: a table of contents, then chapters of one or two pages. */
const BOOK_PAGES = [
  [
    { text: 'Table of Contents', size: 16 },
    { text: '1 Brewing . . . . . . . . . . . . . . . . . . . . . . . . . . 1', size: 13, gapBefore: 8 },
    { text: '1.1 Moka pots . . . . . . . . . . . . . . . . . . . . . . . . 1' },
    { text: '2 Grinding . . . . . . . . . . . . . . . . . . . . . . . . . . 2', size: 13 },
    { text: '3 Serving .............................................. 4', size: 13 },
  ],
  [
    { text: '1 Brewing', size: 20 },
    { text: 'A moka pot brews coffee by passing boiling water through ground coffee.', gapBefore: 8 },
    // pdfTeX's numbered heading as pdf.js reads it: the number larger than the title's type.
    { text: '1.1', size: 16, gapBefore: 8, then: { text: 'Moka pots on the stove', size: 11 } },
    { text: 'It was invented by Alfonso Bialetti in 1933.', gapBefore: 6 },
  ],
  [
    { text: '2 Grinding', size: 20 },
    { text: 'A burr grinder gives an even grind size for every brewing method.', gapBefore: 8 },
    { text: 'Grind the beans just before brewing, and keep them in a tin that is' },
  ],
  [{ text: 'closed, away from light and heat.' }, { text: 'Blade grinders cut the beans unevenly.', gapBefore: 8 }],
  [
    { text: '3 Serving', size: 20 },
    { text: 'Coffee is served at once, in cups warmed with hot water, and a glass of' },
  ],
  [{ text: 'water is served beside it.' }, { text: 'Sugar is offered on the side.', gapBefore: 8 }],
];
const CHAPTERS = ['', 'Brewing', 'Grinding', 'Grinding', 'Serving', 'Serving'];

describe('PDF books (TeX, DocBook)', () => {
  it.each([
    // texinfo: "Chapter 2: Grinding" and the page number in the header; a one-page chapter's title is on no other page.
    ['texinfo.pdf', (i: number) => (i === 0 ? 'i' : ([`Chapter ${i === 1 ? 1 : Math.ceil(i / 2)}: ${CHAPTERS[i]}`, String(i)] as const))],
    // DocBook (FOP): the chapter's title alone in the header.
    ['docbook.pdf', (i: number) => CHAPTERS[i]!],
  ])('%s: drops running titles that change with the chapter and the table of contents, joins a paragraph over a page break, and reads a heading by its number\'s type', async (source, header) => {
    const document = await parse(source, await makePdf(BOOK_PAGES, { header, footer: source === 'docbook.pdf' }));
    await expectCitable(source, document, ['Chapter', '. . . .', '.....']);
    expect(blockTexts(document, 'heading')).toEqual(['Table of Contents', '1 Brewing', '1.1 Moka pots on the stove', '2 Grinding', '3 Serving']);
    expect(document.text).not.toMatch(/Chapter|\. \. \.|\.\.\.\.|Grinding\s+Grinding|Serving\s+Serving/);
    expect(blockTexts(document, 'paragraph')).toEqual([
      'A moka pot brews coffee by passing boiling water through ground coffee.',
      'It was invented by Alfonso Bialetti in 1933.',
      'A burr grinder gives an even grind size for every brewing method. Grind the beans just before brewing, and keep them in a tin that is closed, away from light and heat. Blade grinders cut the beans unevenly.',
      'Coffee is served at once, in cups warmed with hot water, and a glass of water is served beside it. Sugar is offered on the side.',
    ]);
  });
});

describe('PDF books (TeX): accents, sub-sub-sections and the title', () => {
  it('puts accents on their letters, nests headings of one type size by their numbers, and takes the title from the first page even when it runs at the top of every page', async () => {
    const document = await parse('moka.pdf', await makePdf([
      [
        { text: 'Name', size: 13 },
        { text: 'moka-brew, a program that brews coffee in a moka pot on the stove.' },
        { text: 'Authors', size: 13 },
        { text: 'Niels M¨oller and Micha¨el Peeters wrote the first version of the program.' },
      ],
      [
        { text: '1 Brewing', size: 20 },
        { text: 'A moka pot brews coffee by passing boiling water through ground coffee.', gapBefore: 8 },
        { text: '1.1 Stove tops', size: 16, gapBefore: 8 },
        { text: 'Every stove top heats a moka pot, some faster than the others.', gapBefore: 6 },
        { text: '1.1.1 Gas stoves', size: 13, gapBefore: 8 },
        { text: 'A gas flame is the classic way to heat a moka pot.', gapBefore: 6 },
        { text: '1.1.1.1 Flame size', size: 13, gapBefore: 8 },
        { text: 'The flame should never reach beyond the base of the pot.', gapBefore: 6 },
        { text: '1.1.2 Induction hobs', size: 13, gapBefore: 8 },
        { text: 'An induction hob needs a pot with a steel base.', gapBefore: 6 },
      ],
    ], { header: 'Moka Handbook', headerSize: 14, footer: false }));
    await expectCitable('moka.pdf', document);
    expect(document.title).toBe('Moka Handbook');
    expect(document.text).toContain('Niels Möller and Michaël Peeters wrote the first version');
    expect(blockStarting(document, 'The flame should').section).toEqual(['1 Brewing', '1.1 Stove tops', '1.1.1 Gas stoves', '1.1.1.1 Flame size']);
    expect(blockStarting(document, 'An induction hob').section).toEqual(['1 Brewing', '1.1 Stove tops', '1.1.2 Induction hobs']);
  });
});

describe('PDF definitions (texinfo)', () => {
  it('heads a description with the signatures TeX prints beside their category, wrapped or in a row, and ends the section where the text comes back to the margin', async () => {
    const category = (text: string) => ({ text, beside: { x: 480, rise: 0 } });
    const document = await parse('grinder.pdf', await makePdf([[
      { text: '2.1 Grinding', size: 16 },
      { text: 'A burr grinder gives an even grind size for every brewing method.', gapBefore: 8 },
      { text: 'void grind (struct grinder *g, size_t', gapBefore: 8 },
      category('[Function]'),
      { text: 'size, int coarse)', indent: 50 },
      { text: 'void grind_fine (struct grinder *g)' },
      category('[Function]'),
      { text: 'Grinds the beans in g to the given size, or as fine', indent: 28 },
      { text: 'as the burr allows.', indent: 28 },
      { text: 'The grinder must be cleaned after use.', gapBefore: 8 },
      { text: 'GRINDER_MAX_SIZE', mono: true, gapBefore: 8 },
      category('[Constant]'),
      { text: 'The largest grind size, 8.', indent: 28 },
    ]], { header: '', footer: false }));
    await expectCitable('grinder.pdf', document, ['[Function]', '[Constant]']);
    const signatures = 'void grind (struct grinder *g, size_t size, int coarse) void grind_fine (struct grinder *g)';
    expect(blockTexts(document, 'heading')).toEqual(['2.1 Grinding', signatures, 'GRINDER_MAX_SIZE']);
    expect(document.text).not.toMatch(/\[(?:Function|Constant)\]/);
    expect(blockStarting(document, 'Grinds the beans').section).toEqual(['2.1 Grinding', signatures]);
    expect(blockStarting(document, 'The grinder must').section).toEqual(['2.1 Grinding']);
    expect(blockStarting(document, 'The largest grind size').section).toEqual(['2.1 Grinding', 'GRINDER_MAX_SIZE']);
  });
});

describe('HTML nodes (texinfo)', () => {
  it("leaves out the links to the neighbouring nodes and the node's menu, and keeps the section's heading over its text", async () => {
    const document = await parse('Moka-Example.html', TEXINFO_NODE_PAGE);
    await expectCitable('Moka-Example.html', document, ['Next:', 'Previous:', 'Filling']);
    expect(document.text).not.toMatch(/Next:|Previous:|Up:|Filling|Heating/);
    expect(blockTexts(document, 'heading')).toEqual(['2.6 Moka Example']);
    expect(blockStarting(document, 'A trivial example').section).toEqual(['2.6 Moka Example']);
    expect(blockStarting(document, 'The pot must be filled').section).toEqual(['2.6 Moka Example']);
  });
});

describe('texinfo HTML converted to DOCX (pandoc)', () => {
  it("leaves out a node's navigation bar whose links lost their rel, and its menu table of in-page links", async () => {
    const page = `<!doctype html><html><body>
<h1>Moka Manual</h1>
<p>Next: <a href="#Brewing">Brewing</a>, Previous: <a href="#Top">Top</a>, Up: <a href="#Top">Top</a> [<a href="#Contents">Contents</a>]</p>
<h2>1 Introduction</h2>
<table><tr><td>• <a href="#Filling">Filling</a></td><td></td></tr><tr><td>• <a href="#Heating">Heating</a></td><td></td></tr><tr><td>• <a href="#Pouring">Pouring</a></td><td></td></tr></table>
<p>A moka pot brews coffee by passing boiling water pressurised by steam through ground coffee.</p>
<p>It was invented by Alfonso Bialetti in 1933 and became a staple of Italian kitchens.</p>
</body></html>`;
    const document = await parse('moka.html', page);
    await expectCitable('moka.html', document, ['Next:', 'Filling']);
    expect(document.text).not.toMatch(/Next:|Previous:|Filling|Heating/);
    expect(blockStarting(document, 'A moka pot').section).toEqual(['Moka Manual', '1 Introduction']);
  });
});

describe('PDF options (DocBook)', () => {
  it('heads a description with its options, also several separated by commas or with a default in brackets', async () => {
    const document = await parse('options.pdf', await makePdf([[
      { text: 'Basic Options', size: 16 },
      { text: '-q, --quiet', mono: true, gapBefore: 8 },
      { text: 'Run silently, and only print error messages.', indent: 18, gapBefore: 6 },
      { text: '--trace-children=<yes|no> [default: no]', mono: true, gapBefore: 8 },
      { text: 'When enabled, the grinder traces into the processes it starts.', indent: 18, gapBefore: 6 },
    ]], { header: '', footer: false }));
    await expectCitable('options.pdf', document);
    expect(blockTexts(document, 'heading')).toEqual(['Basic Options', '-q, --quiet', '--trace-children=<yes|no> [default: no]']);
    expect(blockStarting(document, 'Run silently').section).toEqual(['Basic Options', '-q, --quiet']);
    expect(blockStarting(document, 'When enabled').section).toEqual(['Basic Options', '--trace-children=<yes|no> [default: no]']);
  });
});
