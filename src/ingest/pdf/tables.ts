import { dominantSize, opensCell, textOfRuns, type PdfLine, type Run } from './text-lines.js';

/**
 * A table's rows rebuilt from where its text sits. A printed table is many lines: a browser centres
 * each cell in its row and wraps long ones, so one row's cells sit on different baselines, drawn
 * cell by cell. A table is found from two lines or more that wide gaps split into cells (with the
 * lines between and around them that fit its columns); its columns are left edges that two
 * baselines share (pdfplumber's text strategy finds column edges the same way); in each column,
 * lines at the line pitch are one wrapped cell; cells whose heights overlap are one row (pdfplumber
 * cuts rows at every baseline, which is what split these rows). Each row becomes one line whose
 * cells are in column order. Drawn rules are not read: pdf.js gives them only through the page's
 * operator list, and many tables have none.
 */

/** Points within which two left edges are one column's. */
const ALIGN = 2;
/** More than a word space between two stretches of text, in font sizes. */
const WORD_SPACE = 0.3;
/** Largest baseline gap, in font sizes, between two lines of one table when a row goes on below or the next row starts (padding between rows). */
const ROW_REACH = 3;
/** Largest baseline gap, in font sizes, from a table's first or last split line to a line of its that wide gaps do not split (a wrapped cell, a header's second line). */
const WRAP_REACH = 1.6;
/** Two lines of one column this close, in font sizes, are one wrapped cell; rows are further apart (padding, borders). */
const CELL_PITCH = 1.35;
/** How far, in font sizes, a cell reaches above its top baseline and below its bottom one when rows are told apart. */
const ROW_SLACK = 0.25;

const split = (line: PdfLine) => line.cells !== undefined;
const sizeOf = (a: PdfLine, b: PdfLine) => Math.max(a.size, b.size);
/** Baseline gap from `above` down to `below`; a line beside one on the same baseline is 0 away; another page or a column jump, never near. */
const gapBetween = (above: PdfLine, below: PdfLine) => (above.page === below.page && above.y - below.y > -0.5 * sizeOf(above, below) ? Math.max(0, above.y - below.y) : Infinity);

/** The runs of lines on one baseline, left to right: the cells of one row a browser drew in turns. */
function baselinesOf(lines: readonly PdfLine[]): Run[][] {
  const baselines: Run[][] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    const last = baselines.at(-1);
    if (last && Math.abs(last[0]!.y - line.y) < 0.5 * Math.min(last[0]!.size, line.size)) last.push(...line.runs);
    else baselines.push([...line.runs]);
  }
  return baselines.map((runs) => runs.sort((a, b) => a.x - b.x));
}

/**
 * Left edges shared by at least two baselines: the table's columns, left to right. An edge is where
 * a stretch of text starts after more than a word space (cells may be closer than the wide gaps
 * that split lines; a cell's text is one stretch unless its type changes, and then without a gap).
 */
function columnsOf(lines: readonly PdfLine[]): number[] {
  const starts = baselinesOf(lines)
    .flatMap((runs, i) => runs.filter((run, j) => j === 0 || run.x - runs[j - 1]!.endX > WORD_SPACE * run.size).map((run) => ({ x: run.x, line: i })))
    .sort((a, b) => a.x - b.x);
  const columns: number[] = [];
  let group: typeof starts = [];
  const close = () => {
    if (new Set(group.map((start) => start.line)).size >= 2) columns.push(group[0]!.x);
  };
  for (const start of starts) {
    if (group.length > 0 && start.x - group.at(-1)!.x > ALIGN) {
      close();
      group = [];
    }
    group.push(start);
  }
  close();
  return columns;
}

/** The last column starting at or left of the run (a centred cell starts right of its column's edge). */
const columnOf = (run: Run, columns: readonly number[]) => Math.max(0, columns.filter((x) => x <= run.x + ALIGN).length - 1);

/** A line the wide gaps do not split fits the table when it starts in a column and none of its runs runs over a column's left edge (prose across the table does). */
function fits(line: PdfLine, columns: readonly number[]): boolean {
  if (columns.length > 0 && line.runs[0]!.x < columns[0]! - ALIGN) return false;
  return line.runs.every((run) => columns.every((x) => !(run.x < x - ALIGN && run.endX > x + ALIGN)));
}

/** Whether the lines' text starts in two columns or more: a row, not a line of prose beside a table. */
const inColumns = (lines: readonly PdfLine[], columns: readonly number[]) => new Set(lines.flatMap((line) => line.runs.map((run) => columnOf(run, columns)))).size >= 2;

/** Baseline gap from line `i - 1` to line `i` is at most this many font sizes. */
const near = (lines: readonly PdfLine[], i: number, sizes: number) => gapBetween(lines[i - 1]!, lines[i]!) <= sizes * sizeOf(lines[i - 1]!, lines[i]!);

/**
 * Where the table that starts with split line `first` ends (exclusive), before `limit`: between split lines, a line that fits
 * belongs to it; after the last, a line at the line pitch (a wrapped cell) or a last row whose cells all wrap: lines that fit,
 * at the line pitch of each other, in two columns or more (a line of prose below a table is in one).
 */
function endOf(lines: readonly PdfLine[], first: number, limit: number, columns: readonly number[]): number {
  let lastSplit = first;
  for (let i = first + 1; i < limit; i++) if (split(lines[i]!)) lastSplit = i;
  let end = first + 1;
  while (end < limit && (split(lines[end]!) || fits(lines[end]!, columns))) {
    if (split(lines[end]!) || end <= lastSplit || near(lines, end, WRAP_REACH)) {
      end++;
      continue;
    }
    let row = end + 1;
    while (row < limit && near(lines, row, WRAP_REACH) && fits(lines[row]!, columns)) row++;
    if (!inColumns(lines.slice(end, row), columns)) break;
    end = row;
  }
  return end;
}

/** The lines of the table whose first split line is `lines[first]`, from `from` (lines above it that fit) to `end` (exclusive), or none when it is no table. */
function tableAt(lines: readonly PdfLine[], first: number): { from: number; end: number; columns: number[] } | undefined {
  // Lines within a row's padding of the line above, up to a line set apart from it that runs over a left edge two split lines
  // above share: prose below the table (what follows it, a second table, has other columns).
  let reach = first + 1;
  const apart = (i: number) => !split(lines[i]!) && !near(lines, i, WRAP_REACH) && !fits(lines[i]!, columnsOf(lines.slice(first, i).filter(split)));
  while (reach < lines.length && near(lines, reach, ROW_REACH) && !apart(reach)) reach++;
  const columns = columnsOf(lines.slice(first, reach));
  if (columns.length < 2) return undefined;
  const end = endOf(lines, first, reach, columns);
  // Two rows or more whose wide gaps all open a column: stretched gaps in justified prose fall anywhere.
  const aligned = (line: PdfLine) => line.runs.every((run, i) => i === 0 || !opensCell(line.runs[i - 1]!, run) || columns.some((x) => Math.abs(x - run.x) <= ALIGN));
  if (lines.slice(first, end).filter((line) => split(line) && aligned(line)).length < 2) return undefined;
  // Above: lines at the line pitch that fit (a header cell's other lines), then a header row no wide gap split, in two columns or more.
  const above = (i: number) => i > 0 && !split(lines[i - 1]!) && fits(lines[i - 1]!, columns);
  let from = first;
  while (above(from) && near(lines, from, WRAP_REACH)) from--;
  let header = from;
  if (above(header) && near(lines, header, ROW_REACH)) header--;
  while (above(header) && near(lines, header, WRAP_REACH)) header--;
  if (header < from && inColumns(lines.slice(header, from), columns)) from = header;
  return { from, end, columns };
}

interface Cell {
  column: number;
  top: number;
  bottom: number;
  slack: number;
  lines: Run[][];
}

/** Joins a wrapped cell's lines; a line ending in a hyphen after a letter ("variable-") goes on without a space. */
function cellText(lines: readonly Run[][]): string {
  return lines.map((runs) => textOfRuns([...runs].sort((a, b) => a.x - b.x))).reduce((text, line) => (text === '' ? line : /\p{L}-$/u.test(text) ? text + line : `${text} ${line}`), '');
}

/** One column's runs, top to bottom, as cells: lines at the line pitch are one wrapped cell. */
function cellsOf(column: number, runs: readonly Run[]): Cell[] {
  const cells: Cell[] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const cell = cells.at(-1);
    const line = cell?.lines.at(-1);
    if (cell && line && Math.abs(line[0]!.y - run.y) < 0.5 * Math.min(line[0]!.size, run.size)) line.push(run);
    else if (cell && line && line[0]!.y - run.y <= CELL_PITCH * Math.max(line[0]!.size, run.size)) {
      cell.lines.push([run]);
      cell.bottom = run.y;
    } else cells.push({ column, top: run.y, bottom: run.y, slack: ROW_SLACK * run.size, lines: [[run]] });
  }
  return cells;
}

/** The table's lines rebuilt as rows: one line per row, its cells in column order. */
function rowsOf(lines: readonly PdfLine[], columns: readonly number[]): PdfLine[] {
  const byColumn = columns.map(() => [] as Run[]);
  for (const run of lines.flatMap((line) => line.runs)) byColumn[columnOf(run, columns)]!.push(run);
  const cells = byColumn.flatMap((runs, column) => cellsOf(column, runs)).sort((a, b) => b.top - a.top || a.column - b.column);
  const rows: Cell[][] = [];
  let bottom = Infinity;
  for (const cell of cells) {
    const row = rows.at(-1);
    if (row && cell.top + cell.slack >= bottom) {
      row.push(cell);
      bottom = Math.min(bottom, cell.bottom - cell.slack);
    } else {
      rows.push([cell]);
      bottom = cell.bottom - cell.slack;
    }
  }
  return rows.map((row) => {
    // An empty cell is left out, as a reader skips it (a lookup reads a row with fewer cells than columns as all its cells: answer/table-lookup.ts).
    const texts = columns.map((_, column) => row.filter((cell) => cell.column === column).map((cell) => cellText(cell.lines)).join(' ')).filter((text) => text !== '');
    const runs = row.flatMap((cell) => cell.lines.flat());
    return {
      page: lines[0]!.page,
      text: texts.join(' '),
      x: Math.min(...runs.map((run) => run.x)),
      endX: Math.max(...runs.map((run) => run.endX)),
      y: Math.max(...runs.map((run) => run.y)),
      size: dominantSize(runs),
      mono: false,
      cells: texts,
      runs,
    };
  });
}

/** A page's lines (in reading order) with every table's lines replaced by its rows. */
export function withTableRows(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let consumed = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i < consumed) continue;
    const table = split(lines[i]!) ? tableAt(lines, i) : undefined;
    if (!table) {
      out.push(lines[i]!);
      continue;
    }
    out.splice(out.length - (i - Math.max(table.from, consumed)));
    out.push(...rowsOf(lines.slice(Math.max(table.from, consumed), table.end), table.columns));
    consumed = table.end;
  }
  return out;
}
