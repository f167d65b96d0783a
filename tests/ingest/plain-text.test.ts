import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/ingest/parsers/text.js';
import type { ParsedDocument } from '../../src/ingest/types.js';

const blocks = (document: ParsedDocument) => document.blocks.map((block) => ({ kind: block.kind, text: document.text.slice(block.start, block.end) }));
const texts = (document: ParsedDocument, kind: string) => blocks(document).filter((block) => block.kind === kind).map((block) => block.text);

/** Text as READMEs and release notes are written: paragraphs filled at different widths, tab-indented lists and examples. */
const README = [
  'Kettle Release Notes',
  '====================',
  '',
  'Brewing',
  '-------',
  '',
  'The kettle boils water for tea and coffee, and it switches off',
  'when the water boils, as a thermostat made by the firm of',
  'Fenwick and Sons tells it to.',
  '',
  'Most kettles built before this one use a bimetallic strip that bends as it',
  'heats up; this one reads a thermistor instead, which is both faster and more',
  'accurate near the boiling point of the water in the kettle itself, they say.',
  '',
  'Hand-filled text is ragged: one line may end short of the margin',
  'while the next one runs on almost all the way to the edge of the page,',
  'which no fixed width can tell from the end of a paragraph.',
  '',
  '\t* descale the kettle every month in areas where the water is hard',
  '\t  and leaves white deposits on the element.',
  '\t* never fill the kettle above the line marked on the side.',
  '',
  'Which questions does the manual answer?',
  'How long does the water take to boil?',
  'Where is the limescale filter kept?',
  '',
  'Model  | Litres | Watts',
  '-------+--------+------',
  'Fenwick Standard Kettle | 1.7 | 2200',
  'Thermal Kettle Plus | 1.5 | 3000',
  '',
  'An example of the cleaning cycle, which should take about five minutes:',
  '\tkettle --descale --cycles=3 --temperature=90 --notify=beep --log=/var/log/kettle',
  '',
].join('\n');

describe('plain text as real files are written', () => {
  const document = parsePlainText(README, 'kettle.txt');

  it('keeps a paragraph filled narrower than the widest lines of the file in one block', () => {
    expect(texts(document, 'paragraph')).toContain(README.slice(README.indexOf('The kettle boils'), README.indexOf('tells it to.') + 'tells it to.'.length));
    expect(texts(document, 'paragraph')).toContain(README.slice(README.indexOf('Most kettles'), README.indexOf('they say.') + 'they say.'.length));
  });

  it('joins a ragged line that leaves its sentence open to the line that goes on with it in lower case', () => {
    expect(texts(document, 'paragraph')).toContain(README.slice(README.indexOf('Hand-filled'), README.indexOf('of a paragraph.') + 'of a paragraph.'.length));
  });

  it('joins a list item to the lines indented to its text, counting a tab as up to 8 columns', () => {
    expect(texts(document, 'list-item')).toEqual([
      '* descale the kettle every month in areas where the water is hard\n\t  and leaves white deposits on the element.',
      '* never fill the kettle above the line marked on the side.',
    ]);
  });

  it('reads underlined lines as headings of their level, and the first as the title', () => {
    expect(document.title).toBe('Kettle Release Notes');
    const headings = document.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => [document.text.slice(block.start, block.end), block.level])).toEqual([
      ['Kettle Release Notes', 1],
      ['Brewing', 2],
    ]);
    expect(document.blocks.find((block) => document.text.slice(block.start, block.end).startsWith('The kettle boils'))!.section).toEqual(['Kettle Release Notes', 'Brewing']);
    expect(blocks(document).some((block) => /^[=-]+$/.test(block.text))).toBe(false);
  });

  it('keeps one question per line apart, reads a table drawn with pipes as its rows (never headings), and leaves an indented example out of its introduction', () => {
    expect(texts(document, 'paragraph')).toEqual(expect.arrayContaining(['Which questions does the manual answer?', 'How long does the water take to boil?', 'Where is the limescale filter kept?']));
    expect(texts(document, 'heading')).not.toContain('Fenwick Standard Kettle | 1.7 | 2200');
    expect(texts(document, 'table-row')).toEqual(['Model  | Litres | Watts', 'Fenwick Standard Kettle | 1.7 | 2200', 'Thermal Kettle Plus | 1.5 | 3000']);
    expect(texts(document, 'paragraph')).toContain('An example of the cleaning cycle, which should take about five minutes:');
  });

  it('cites every block as a slice of the text itself', () => {
    expect(document.text).toBe(README);
    for (const block of document.blocks) expect(document.text.slice(block.start, block.end).trim()).toBe(document.text.slice(block.start, block.end));
  });
});

/** A program's usage notes as Unix tools ship them: option lists with descriptions hanging under a column, `o` bullets, record fields. */
const USAGE = [
  'CONTENTS',
  ' Boiling Water',
  ' Bullet Lists',
  '',
  'Program: kettlectl',
  'Version: 2.1',
  'Maintainer: Fenwick and Sons',
  '',
  'Boiling Water',
  '',
  'On most systems, you say:',
  '        kettlectl [switches] [timerfile] >logfile',
  '',
  'To boil for a minute and a half without a word:',
  '',
  '$ kettlectl -boil 90 --quiet',
  '',
  'The basic switches for kettlectl are:',
  '',
  '        -boil N         Boil the water for N seconds, or until',
  '                        the thermostat clicks when N is left out of the command line.',
  '                        -boil 0 (the default) means no timer.',
  '        -q, --quiet     print nothing but the errors and the warnings on the terminal',
  '        -V, --version   display version and exit',
  '',
  'Bullet Lists',
  '',
  '  o  Descale the kettle every month in areas where the water',
  '     is hard.',
  '  o  Never fill the kettle above the line marked on the side.',
  '',
].join('\n');

describe('plain-text usage notes', () => {
  const document = parsePlainText(USAGE, 'kettlectl.txt');
  const sectionOf = (prefix: string) => document.blocks.find((block) => document.text.slice(block.start, block.end).startsWith(prefix))!.section;

  it('joins the lines hanging under an option\'s description to it, and keeps each option of a list apart', () => {
    expect(texts(document, 'paragraph')).toEqual(
      expect.arrayContaining([
        '-boil N         Boil the water for N seconds, or until\n                        the thermostat clicks when N is left out of the command line.\n                        -boil 0 (the default) means no timer.',
        '-q, --quiet     print nothing but the errors and the warnings on the terminal',
        '-V, --version   display version and exit',
      ]),
    );
  });

  it('reads an indented command under the line that introduces it, and a line at a shell prompt, as code', () => {
    expect(texts(document, 'code')).toEqual(['kettlectl [switches] [timerfile] >logfile', '$ kettlectl -boil 90 --quiet']);
    expect(texts(document, 'paragraph')).toContain('-q, --quiet     print nothing but the errors and the warnings on the terminal');
  });

  it('reads `o` bullets as list items, with their hanging lines', () => {
    expect(texts(document, 'list-item')).toEqual(['o  Descale the kettle every month in areas where the water\n     is hard.', 'o  Never fill the kettle above the line marked on the side.']);
  });

  it('reads record fields as fields, not headings, and a table of contents heads only its list', () => {
    expect(texts(document, 'heading')).not.toContain('Program: kettlectl');
    expect(texts(document, 'paragraph')).toEqual(expect.arrayContaining(['Program: kettlectl', 'Version: 2.1']));
    expect(sectionOf('Bullet Lists')).toEqual(['CONTENTS']);
    expect(texts(document, 'heading')).toEqual(['CONTENTS', 'Boiling Water', 'Bullet Lists']);
    expect(sectionOf('o  Descale')).toEqual(['Bullet Lists']);
    expect(document.title).not.toBe('CONTENTS');
  });

  it('cites every block as a slice of the text itself', () => {
    expect(document.text).toBe(USAGE);
    let previousEnd = 0;
    for (const block of document.blocks) {
      expect(block.start).toBeGreaterThanOrEqual(previousEnd);
      expect(document.text.slice(block.start, block.end).trim()).toBe(document.text.slice(block.start, block.end));
      previousEnd = block.end;
    }
  });
});

describe('a manual page in plain text', () => {
  it('is titled by the line under its NAME heading', () => {
    const page = [
      'NAME',
      '\tparse_date - parses a date string into a timespec struct.',
      '',
      'DESCRIPTION',
      '\tparse_date() reads the date in the string p and stores it in the',
      '\ttimespec that result points to, taking now as the current time',
      '\twhen the string names a time relative to it, such as "tomorrow".',
      '',
    ].join('\n');
    expect(parsePlainText(page, 'parse-date.txt').title).toBe('parse_date - parses a date string into a timespec struct.');
  });
});
