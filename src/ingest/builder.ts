import type { Block, BlockKind, DocumentFormat, InlineMark, PageSpan, ParsedDocument } from './types.js';

/** The headings above the current position: a heading closes every open heading of its level or deeper. */
export class SectionTracker {
  #open: Array<{ level: number; text: string }> = [];

  /** The path of a heading of `level` (the headings above it), after which it becomes the innermost. */
  heading(level: number, text: string): string[] {
    this.#open = this.#open.filter((heading) => heading.level < level);
    const above = this.path();
    this.#open.push({ level, text });
    return above;
  }

  path(): string[] {
    return this.#open.map((heading) => heading.text);
  }

  /** Closes the open headings of `level` and deeper: the text they head has ended (a definition's description). */
  leave(level: number): void {
    this.#open = this.#open.filter((heading) => heading.level < level);
  }
}

/** A run of inline text, optionally formatted; `text` may contain any white space (collapsed outside code). */
export interface InlinePiece {
  text: string;
  mark?: Pick<InlineMark, 'kind' | 'href'>;
}

export interface BlockOptions {
  level?: number;
  page?: number;
  /**
   * The white space to put before the block (it must hold a line break); a blank line by default.
   * The Markdown parser passes the file's own, so a file without marks renders exactly as written.
   */
  gap?: string;
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Builds a rendered citable text block by block (blocks separated by a blank line), keeping every
 * block's and inline mark's offsets and every block's section path. Outside code blocks, white space
 * is collapsed to single spaces, so hard-wrapped source lines become one line per paragraph.
 */
export class DocumentBuilder {
  #text = '';
  readonly #blocks: Block[] = [];
  readonly #marks: InlineMark[] = [];
  readonly #pages: PageSpan[] = [];
  readonly #sections = new SectionTracker();

  constructor(private readonly format: DocumentFormat) {}

  /** Closes the sections of `level` and deeper before the next block, when what they head ends before a heading does. */
  leaveSections(level: number): void {
    this.#sections.leave(level);
  }

  /** Appends a block; empty blocks (nothing but white space) are dropped. Returns the block, if kept. */
  add(kind: BlockKind, pieces: readonly InlinePiece[], { level, page, gap }: BlockOptions = {}): Block | undefined {
    const verbatim = kind === 'code';
    let body = '';
    const marks: InlineMark[] = [];
    for (const piece of pieces) {
      let text = verbatim ? piece.text : piece.text.replace(/\s+/g, ' ');
      if (!verbatim && (body === '' || body.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
      if (text === '') continue;
      if (piece.mark) marks.push({ ...piece.mark, start: body.length, end: body.length + text.length });
      body += text;
    }
    body = verbatim ? body.replace(/^\n+|\s+$/g, '') : body.trimEnd();
    if (body.trim() === '') return undefined;
    const separator = this.#text.length === 0 ? '' : gap !== undefined && /^\s*\n\s*$/.test(gap) ? gap : BLOCK_SEPARATOR;
    const start = this.#text.length + separator.length;
    this.#text += separator + body;
    const heading = kind === 'heading';
    const section = heading ? this.#sections.heading(level ?? 1, body) : this.#sections.path();
    const block: Block = { kind, start, end: start + body.length, section, ...(heading ? { level: level ?? 1 } : {}), ...(page ? { page } : {}) };
    this.#blocks.push(block);
    for (const mark of marks) {
      const end = Math.min(mark.end, body.length);
      if (end > mark.start) this.#marks.push({ ...mark, start: start + mark.start, end: start + end });
    }
    if (page) this.#notePage(page, block);
    return block;
  }

  #notePage(page: number, block: Block) {
    const last = this.#pages.at(-1);
    if (last?.page === page) last.end = block.end;
    else this.#pages.push({ page, start: block.start, end: block.end });
  }

  /** The first heading of the document, if any. */
  firstHeading(): string | undefined {
    const heading = this.#blocks.find((block) => block.kind === 'heading');
    return heading && this.#text.slice(heading.start, heading.end);
  }

  finish(title: string): ParsedDocument {
    return {
      format: this.format,
      title,
      text: this.#text,
      blocks: this.#blocks,
      ...(this.#pages.length ? { pages: this.#pages } : {}),
      ...(this.#marks.length ? { marks: this.#marks } : {}),
    };
  }
}

/** `guides/moka-pot_history.md` → `moka pot history`: the title of a document that names none. */
export function titleFromFileName(source: string): string {
  const base = source.split('/').pop() ?? source;
  return base.replace(/\.[^.]+$/, '').replace(/[-_.]+/g, ' ').trim() || base;
}
