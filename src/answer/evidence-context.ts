import type { CorpusIndex } from '../index/store.js';
import type { Token } from '../match/analyzer.js';
import { isSaidIn, type WeightedTerm } from '../match/coverage.js';
import type { AnalysedText } from '../match/facts.js';
import type { TokenizedSentence } from '../match/sentences.js';
import type { SpanSentences } from '../match/span-sentences.js';

/**
 * What a candidate sentence says, analysed for its names, numbers and dates: the sentence itself
 * (with the one before it when it points back) and the context where a specific it leaves unsaid may
 * be named. Analyses are cached: passages overlap and the same sentences come back question after question.
 */

/** A sentence that opens by pointing back ("That same year, …") is read with the one before it. */
const POINTS_BACK = /^(?:that|this|these|those|they|it|its|he|she|his|her|their|there|then|such|the same|both)\b/i;

/** How many sentences back a chain of sentences pointing back is followed: far enough for a pronoun's antecedent, not for a paragraph's other facts. */
const ANTECEDENT_SENTENCES = 3;

type SourceSpan = { source: string; start: number; end: number };

export class EvidenceContext {
  constructor(
    private readonly index: CorpusIndex,
    private readonly sentences: SpanSentences,
  ) {}

  /** The span a sentence is read (and quoted) as: with the one before it (same paragraph) when it points back to it. */
  spanOf(sentence: TokenizedSentence): SourceSpan {
    const previous = POINTS_BACK.test(this.#text(sentence)) ? this.sentences.previous(sentence) : undefined;
    return { source: sentence.source, start: previous?.start ?? sentence.start, end: sentence.end };
  }

  /**
   * The sentence right after `sentence` in its paragraph when it points back to it: "By far the most famous
   * work of Norman art is the Bayeux Tapestry" goes on "It was commissioned by Odo, …".
   */
  continuation(sentence: TokenizedSentence): TokenizedSentence | undefined {
    const next = this.following(sentence);
    return next && POINTS_BACK.test(this.#text(next)) ? next : undefined;
  }

  /** The sentence right after `sentence` in its paragraph (none after a heading, a code line or a table row). */
  following(sentence: TokenizedSentence): TokenizedSentence | undefined {
    const block = this.sentences.index.blockOf(sentence);
    if (!block || sentence.kind !== 'sentence') return undefined;
    const next = this.sentences.index.within(sentence.source, sentence.end, block.end).find((other) => other.block === sentence.block && other.start >= sentence.end);
    return next?.kind === 'sentence' ? next : undefined;
  }

  /**
   * The sentence after `sentence` in its paragraph when it says, in its own words, every term of the question that
   * `sentence` (read with the one it points back to, as quoted) and its headings leave unsaid: a manual names what an
   * entry is about first and its properties after ("PG_COLOR specifies whether to use color …" goes on "Possible values
   * are always, auto and never.").
   */
  completing(sentence: TokenizedSentence, terms: readonly WeightedTerm[]): TokenizedSentence | undefined {
    const next = this.following(sentence);
    if (!next) return undefined;
    const says = (tokens: readonly Token[]) => {
      const present = new Set(tokens.map((token) => token.term));
      return (term: WeightedTerm) => isSaidIn(term, present);
    };
    const [inSentence, inContext, inNext] = [says(this.evidenceOf(sentence).tokens), says(this.sentences.index.contextOf(sentence)), says(next.tokens)];
    const unsaid = terms.filter((term) => !inSentence(term) && !inContext(term));
    return unsaid.length > 0 && unsaid.every(inNext) ? next : undefined;
  }

  evidenceOf(sentence: TokenizedSentence): AnalysedText {
    return this.#analysed(this.spanOf(sentence));
  }

  /**
   * Where a specific the sentence leaves unsaid may be named: the document's name ("born here" in
   * warsaw.txt) and title, the headings above it, the document's lead paragraph (what the whole text
   * is about: "the 2015 season" of super-bowl-50.txt) and the sentence before it — not the rest of its
   * paragraph: "China and India signed …" is not answered by "China and Pakistan signed …" because
   * India is named two sentences earlier. Only a sentence before that points back (see antecedents) goes on.
   */
  contextOf(sentence: TokenizedSentence): AnalysedText[] {
    const block = this.sentences.index.blockOf(sentence);
    const document = this.index.sources.get(sentence.source);
    const lead = document?.blocks.find((other) => other.kind === 'paragraph');
    const spans = [...this.#antecedents(sentence), ...(lead && lead.start !== block?.start ? [{ source: sentence.source, start: lead.start, end: lead.end }] : [])];
    const headings = [document?.title ?? '', ...(block?.section ?? [])].filter((text) => text !== '').join('\n');
    const name = sentence.source.replace(/\.[^./]+$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
    return [this.sentences.analyses.get(`name:${sentence.source}`, () => name), ...(headings ? [this.sentences.analyses.get(`text:${headings}`, () => headings)] : []), ...spans.map((span) => this.#analysed(span))];
  }

  /**
   * The sentence before `sentence` in its paragraph and, while the earliest taken points back, the one before that, up to
   * ANTECEDENT_SENTENCES: "… immigrated to the Charleston Orange district. They were very successful … After petitioning
   * the British Crown in 1697 …, they prospered …" — "they" are the immigrants of the sentence two back.
   */
  #antecedents(sentence: TokenizedSentence): TokenizedSentence[] {
    const chain: TokenizedSentence[] = [];
    for (let previous = this.sentences.previous(sentence); previous && chain.length < ANTECEDENT_SENTENCES; previous = this.sentences.previous(previous)) {
      chain.push(previous);
      if (!POINTS_BACK.test(this.#text(previous))) break;
    }
    return chain;
  }

  /** The whole paragraph a sentence is in: where a people's adjective that sets the scene ("American teachers") may be said. */
  paragraphOf(sentence: TokenizedSentence): AnalysedText | undefined {
    const block = this.sentences.index.blockOf(sentence);
    return block ? this.#analysed({ source: sentence.source, start: block.start, end: block.end }) : undefined;
  }

  #analysed(span: SourceSpan): AnalysedText {
    return this.sentences.analyses.get(`${span.source}#${span.start}-${span.end}`, () => this.#text(span));
  }

  #text(span: SourceSpan): string {
    return (this.index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }
}
