import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Documents written in code, so tests never depend on files outside the repository. */

export const MOKA_PARAGRAPH =
  'The moka pot brews coffee by passing boiling water pressurized by steam through ground coffee. ' +
  'It was invented by Alfonso Bialetti in 1933 and became a staple of Italian kitchens.';

interface PdfLineSpec {
  text: string;
  size?: number;
  mono?: boolean;
  /** Space before the line, in points. */
  gapBefore?: number;
  indent?: number;
  /** A table's next cell: drawn at `x`, `rise` points above the previous line's baseline, and before it in the page's content. */
  beside?: { x: number; rise: number };
  /** More of the line, drawn right after its text in another type size (pdfTeX's heading title beside its larger number). */
  then?: { text: string; size: number };
}

/** A page's running header, by page index: a text at the left margin, or a running title and the page number at the right margin as a book prints them. */
type RunningHeader = string | ((page: number) => string | readonly [title: string, folio: string]);

/**
 * A PDF with a running header and a "Page n of m" footer on every page, a large-type heading per
 * page, justified-style hyphenation, a paragraph that runs over a page break, and Courier code.
 */
export async function makePdf(pages: PdfLineSpec[][], { header = 'Coffee Handbook — internal' as RunningHeader, headerSize = 8, footer = true } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Coffee Handbook');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  pages.forEach((lines, i) => {
    const page = pdf.addPage([612, 792]);
    const [title, folio] = [typeof header === 'string' ? header : header(i)].flat();
    if (title) page.drawText(title, { x: 50, y: 760, size: headerSize, font: regular });
    if (folio) page.drawText(folio, { x: 550, y: 760, size: 8, font: regular });
    if (footer) page.drawText(`Page ${i + 1} of ${pages.length}`, { x: 280, y: 30, size: 8, font: regular });
    let y = 720;
    const draws: Array<() => void> = [];
    for (const line of lines) {
      const size = line.size ?? 11;
      const font = line.mono ? mono : regular;
      const { beside } = line;
      if (beside) {
        const at = y + beside.rise;
        draws.splice(-1, 0, () => page.drawText(line.text, { x: beside.x, y: at, size, font }));
        continue;
      }
      y -= (line.gapBefore ?? 0) + size * 1.4;
      const at = y;
      const x = 50 + (line.indent ?? 0);
      draws.push(() => page.drawText(line.text, { x, y: at, size, font }));
      const { then } = line;
      if (then) draws.push(() => page.drawText(then.text, { x: x + font.widthOfTextAtSize(line.text, size) + 6, y: at, size: then.size, font }));
    }
    for (const draw of draws) draw();
  });
  return pdf.save();
}

export const COFFEE_PDF_PAGES: PdfLineSpec[][] = [
  [
    { text: 'Brewing Coffee', size: 20 },
    { text: 'The moka pot brews coffee by passing boiling water pressurized by steam through', gapBefore: 8 },
    { text: 'ground coffee. It was invented by Alfonso Bialetti in 1933. Its extraction termi-' },
    { text: 'nates when the water chamber is empty; termination is signalled by a gurgle.' },
    { text: 'A French press steeps coarse grounds in hot water for about four minutes before', gapBefore: 8 },
    { text: 'the plunger is pressed down and the coffee is poured into' },
  ],
  [
    { text: 'warm cups, where it should be served at once.' },
    { text: 'Grinding', size: 16, gapBefore: 10 },
    { text: 'A burr grinder gives an even grind size for every brewing method.', gapBefore: 6 },
    { text: 'grind(beans, size="fine")', mono: true, gapBefore: 6 },
    { text: 'brew(pot, minutes=4)', mono: true, indent: 24 },
    { text: 'Grind just before brewing.', gapBefore: 6 },
    // An API entry as documentation generators print it: the signature, its description indented.
    { text: 'kettle.pour(water, speed=1)', mono: true, gapBefore: 8 },
    { text: 'Pours the water at the given speed.', indent: 30 },
  ],
];

/** A part of a page: a line of text, or a table (cells as their lines; the first row the header, its cells centred). */
type PdfPart = { text: string; size?: number } | { words: Array<{ x: number; text: string }> } | { columns: number[]; rows: string[][][]; top?: boolean };

/**
 * One page set as a browser prints HTML: tables cell by cell in the page's content, each cell
 * centred vertically in its row (or at its top, as word processors set it) and wrapped over lines
 * at the line pitch, rows set apart by padding.
 */
export async function makeTablePdf(parts: readonly PdfPart[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  const [size, pitch, padding] = [11, 12.5, 3];
  let y = 740;
  for (const part of parts) {
    if ('text' in part) {
      y -= 12 + (part.size ?? size) * 1.2;
      page.drawText(part.text, { x: 50, y, size: part.size ?? size, font });
      continue;
    }
    if ('words' in part) {
      // A justified line: its words drawn one by one, the spaces between them stretched.
      y -= pitch;
      for (const word of part.words) page.drawText(word.text, { x: word.x, y, size, font });
      continue;
    }
    y -= 8;
    part.rows.forEach((row, r) => {
      const height = Math.max(...row.map((cell) => cell.length)) * pitch + 2 * padding;
      row.forEach((cell, c) => {
        const top = y - padding - (part.top ? 0 : (height - 2 * padding - cell.length * pitch) / 2);
        const width = (part.columns[c + 1] ?? 560) - part.columns[c]! - 8;
        cell.forEach((line, i) => {
          const x = part.columns[c]! + (r === 0 ? (width - font.widthOfTextAtSize(line, size)) / 2 : 0);
          page.drawText(line, { x, y: top - size - i * pitch, size, font });
        });
      });
      y -= height;
    });
  }
  return pdf.save();
}

/** A PDF whose trailer names an encryption dictionary: pdf.js asks for a password. */
export function makeEncryptedPdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 3 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A Word document with a Title, Heading 1/2 styles, body paragraphs and a table. */
export async function makeDocx(): Promise<Uint8Array> {
  const document = new Document({
    creator: 'docent tests',
    title: 'Coffee Handbook',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Coffee Handbook', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Brewing', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Moka Pot', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun(MOKA_PARAGRAPH.slice(0, 95)), new TextRun({ text: MOKA_PARAGRAPH.slice(95), bold: true })] }),
          new Paragraph({ text: 'Grinding', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('A burr grinder gives an even grind size for every brewing method.'),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Method')] }), new TableCell({ children: [new Paragraph('Grind')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Espresso')] }), new TableCell({ children: [new Paragraph('Fine')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** An option list as pandoc writes it to Word: Definition Term and Definition paragraphs, a Source Code paragraph inside a definition. */
export async function makeOptionsDocx(): Promise<Uint8Array> {
  const styles = [['DefinitionTerm', 'Definition Term'], ['Definition', 'Definition'], ['SourceCode', 'Source Code']].map(([id, name]) => ({ id: id!, name: name! }));
  const paragraph = (style: string, text: string) => new Paragraph({ style, text });
  const document = new Document({
    styles: { paragraphStyles: styles },
    sections: [
      {
        children: [
          new Paragraph({ text: 'COMMANDS', heading: HeadingLevel.HEADING_1 }),
          paragraph('DefinitionTerm', 'list [<log-options>]'),
          paragraph('Definition', 'Lists the brews you kept, the latest first.'),
          paragraph('SourceCode', 'brew@{0}: moka, 4 minutes'),
          paragraph('Definition', 'The list takes the options of the log command.'),
          paragraph('DefinitionTerm', 'clear'),
          paragraph('Definition', 'Removes every kept brew.'),
          new Paragraph('Brews are kept until cleared.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A documentation page: navigation, a search form, scripts and styles around the main content. */
export const HTML_PAGE = `<!doctype html>
<html><head><title>Coffee Handbook — Docs</title><style>body { color: red }</style>
<script>window.analytics = "tracking code";</script></head>
<body>
<header><a href="/">Home</a> | Products | Cookie settings</header>
<nav><ul><li><a href="/a">Previous chapter: Tea</a></li><li><a href="/b">Next chapter: Milk</a></li></ul></nav>
<div role="main">
<h1>Brewing<a class="headerlink" href="#b">¶</a></h1>
<p>${MOKA_PARAGRAPH.replace('Alfonso Bialetti', '<em>Alfonso Bialetti</em>')}</p>
<h2>API</h2>
<dl><dt id="brew">brew(pot, minutes=4)</dt><dd><p>Brews the pot for the given <code>minutes</code>.</p></dd></dl>
<p>After the definition list the section is API again.</p>
<div class="highlight"><pre>grind(beans)
    brew(pot)</pre></div>
<table><tr><th>Method</th><th>Grind</th></tr><tr><td>Espresso</td><td>Fine</td></tr></table>
<ol><li>Fill the chamber.</li><li>Heat the pot.</li></ol>
</div>
<footer>© 2024 Coffee Corp. All rights reserved.</footer>
<script>console.log("more tracking")</script>
</body></html>`;

/**
 * A page as DocBook's XSL stylesheets write it (PostgreSQL's manual): no main landmark, navigation
 * tables above and below, every title in wrapper divs, each section and note a div whose heading is
 * an h2/h3 whatever its depth, a power as a superscript.
 */
export const DOCBOOK_PAGE = `<!doctype html>
<html><head><title>8.1. Brewing Methods</title></head><body>
<div class="navheader"><table width="100%" summary="Navigation header"><tr><th colspan="3">8.1. Brewing Methods</th></tr>
<tr><td><a accesskey="p" href="tea.html">Prev</a></td><td><a accesskey="u" href="drinks.html">Up</a></td><td><a accesskey="n" href="milk.html">Next</a></td></tr></table><hr /></div>
<div class="sect1" id="BREWING"><div class="titlepage"><div><div><h2 class="title">8.1. Brewing Methods</h2></div></div></div>
<p>${MOKA_PARAGRAPH}</p>
<div class="sect2" id="MOKA"><div class="titlepage"><div><div><h3 class="title">8.1.1. The Moka Pot</h3></div></div></div>
<p>A moka pot is filled with water up to the valve, and the funnel with finely ground coffee that is not pressed down.</p>
<div class="note"><h3 class="title">Note</h3><p>The valve opens at about 1.5 bar, so that the boiler cannot burst if the funnel is blocked.</p></div>
<p>After the note the text is about the moka pot again, which brews about 2<sup>10</sup> cups in its lifetime.</p>
</div></div>
<div class="navfooter"><hr /><table width="100%" summary="Navigation footer"><tr><td><a href="tea.html">Prev</a></td><td><a href="index.html">Home</a></td><td><a href="milk.html">Next</a></td></tr></table></div>
</body></html>`;

/** A DocBook page of settings: a variable list, no heading but the page's title (which Readability drops). */
export const DOCBOOK_SETTINGS_PAGE = `<!doctype html>
<html><head><title>20.10. Brewing Settings</title></head><body>
<div class="navheader"><table width="100%" summary="Navigation header"><tr><td><a href="tea.html">Prev</a></td><td><a href="milk.html">Next</a></td></tr></table><hr /></div>
<div class="sect1" id="SETTINGS"><div class="titlepage"><div><div><h2 class="title">20.10. Brewing Settings</h2></div></div></div>
<p>These settings control how the moka pot brews. ${MOKA_PARAGRAPH}</p>
<div class="variablelist"><dl class="variablelist">
<dt><span class="term"><code class="varname">grind</code> (<code class="type">string</code>)</span></dt><dd><p>How finely the coffee is ground for the moka pot, from coarse to fine. The default is fine, as a coarser grind lets the water through too fast.</p></dd>
<dt><span class="term"><code class="varname">heat</code> (<code class="type">integer</code>)</span></dt><dd><p>How hot the stove is set while the pot brews, in degrees. The default is 90, as a hotter stove burns the coffee before the chamber is empty.</p></dd>
</dl></div></div>
<div class="navfooter"><hr /><table width="100%" summary="Navigation footer"><tr><td><a href="tea.html">Prev</a></td><td><a href="milk.html">Next</a></td></tr></table></div>
</body></html>`;

/**
 * An AsciiDoc manual page (git's): the title and NAME summary in #header beside #content, options as a
 * definition list where two terms share one description, a synopsis in <pre>, CR LF line ends, a dated footer.
 */
export const ASCIIDOC_PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>moka-brew(1)</title></head><body class="manpage">
<div id="header"><h1>moka-brew(1) Manual Page</h1><h2>NAME</h2><div class="sectionbody"><p>moka-brew - Brew coffee in a moka pot</p></div></div>
<div id="content">
<div class="sect1"><h2 id="_synopsis">SYNOPSIS</h2><div class="sectionbody"><div class="verseblock"><pre class="content"><em>moka brew</em> [-g | --grind] &lt;beans&gt;\r\n<em>moka brew</em> clean</pre></div></div></div>
<div class="sect1"><h2 id="_description">DESCRIPTION</h2><div class="sectionbody"><div class="paragraph"><p>${MOKA_PARAGRAPH}</p></div>
<div class="paragraph"><p>Brewing takes about four minutes on a gas stove, and a little longer on an electric one, as the plate heats slowly.</p></div>
</div></div>
${['WATER', 'COFFEE', 'STOVE'].map((what) => `<div class="sect1"><h2>${what}</h2><div class="sectionbody">${['before', 'while', 'after'].map((when) => `<div class="paragraph"><p>The ${what.toLowerCase()} is checked ${when} brewing: moka brew stops with a message, and brews nothing more, when the ${what.toLowerCase()} is missing, too cold or otherwise not ready.</p></div>`).join('')}</div></div>`).join('\n')}
<div class="sect1"><h2 id="_options">OPTIONS</h2><div class="sectionbody"><div class="dlist"><dl>
<dt class="hdlist1">-g</dt>
<dt class="hdlist1">--grind</dt>
<dd><p>Grind the beans before brewing, finely enough for the water to pass in about four minutes.</p></dd>
<dt class="hdlist1">--no-valve</dt>
<dd><p>Brew without the safety valve. Never do this on a gas stove, as the pressure can build up too far.</p></dd>
${['cups', 'minutes', 'heat'].map((what) => `<dt class="hdlist1">--${what}=&lt;n&gt;</dt><dd><p>Sets the ${what} of the brew, which otherwise come from the pot's size, the beans and the stove, in that order.</p><div class="paragraph"><p>A ${what} given here overrides the configuration file, and a ${what} of zero, which is the default, leaves the choice to moka brew itself.</p></div></dd>`).join('\n')}
</dl></div></div></div>
</div>
<div id="footnotes"><hr /></div>
<div id="footer"><div id="footer-text">Last updated 2024-05-31 00:35:55 UTC</div></div>
</body></html>`;

/** Hard-wrapped Markdown with a heading hierarchy, emphasis, a link, a list, code and a table. */
export const MARKDOWN_PAGE = `# Coffee Handbook

## Brewing

The moka pot brews coffee by passing boiling water pressurized by steam
through ground coffee. It was invented by **Alfonso Bialetti** in 1933 and
became a staple of [Italian kitchens](https://example.com/italy).

- Fill the lower chamber with water up to the valve, then add ground coffee
  without pressing it down.
- Heat it until it gurgles.

\`\`\`python
grind(beans)
brew(pot, minutes=4)
\`\`\`

| Method | Grind |
|--------|-------|
| Espresso | \`fine\` |
`;

/**
 * One node of a manual split by texinfo's HTML output: the bar of links to the neighbouring nodes
 * above and below, a menu of the node's subsections, the section's heading, a sentence and a long
 * example: Readability keeps the sentence and the example but not the heading.
 */
export const TEXINFO_NODE_PAGE = `<!DOCTYPE html>
<html><head><title>Moka Example (brew: the coffee library)</title>
<link href="Serving.html" rel="next" title="Serving"></head>
<body lang="en"><div class="section" id="Moka-Example">
<div class="header"><p>Next: <a href="Serving.html" accesskey="n" rel="next">Serving</a>, Previous: <a href="Grinding.html" accesskey="p" rel="prev">Grinding</a>, Up: <a href="Brewing.html" accesskey="u" rel="up">Brewing</a> &nbsp; [<a href="Index.html" title="Index" rel="index">Index</a>]</p></div>
<hr>
<span id="Moka-Example-1"></span><h3 class="section">2.6 Moka Example</h3>
<ul class="mini-toc"><li><a href="#Filling" accesskey="1">Filling</a></li><li><a href="#Heating" accesskey="2">Heating</a></li><li><a href="#Pouring" accesskey="3">Pouring</a></li></ul>
<p>A trivial example that brews one cup of coffee in a moka pot with <code>brew_moka</code> and serves it at once.</p>
<div class="example"><pre class="example">#include &lt;brew.h&gt;

int main(void)
{
  brew_moka(pot, BREW_ONE_CUP);
${Array.from({ length: 30 }, (_, i) => `  pour(pot, cups[${i}], BREW_SLOWLY);`).join('\n')}
  return serve(pot);
}
</pre></div>
<p>The pot must be filled with water up to its valve.</p>
<hr><div class="header"><p>Next: <a href="Serving.html" accesskey="n" rel="next">Serving</a>, Previous: <a href="Grinding.html" accesskey="p" rel="prev">Grinding</a>, Up: <a href="Brewing.html" accesskey="u" rel="up">Brewing</a> &nbsp; [<a href="Index.html" title="Index" rel="index">Index</a>]</p></div>
</div></body></html>`;
