import { CompactLexical } from './lexical-compact.js';
import { LEXICAL_FIELDS, type LexicalPostings, type PostingRun } from './lexical-postings.js';
import { StringTable } from './lexical-strings.js';

const FIELDS = LEXICAL_FIELDS.length;

/**
 * The frozen form of a changed lexical index: the base's chunks less the removed ones, then the added
 * chunks, renumbered densely in that order (the order ties are broken in is kept), their postings merged
 * term by term (both term lists are sorted: one pass, no lookups) and removed chunks' postings dropped.
 */
export function mergeLexical(base: CompactLexical, removed: ReadonlySet<number>, added: LexicalPostings, averages: readonly number[]): CompactLexical {
  const slots = base.size + added.ids.length;
  const renumbered = new Int32Array(slots).fill(-1);
  const ids: string[] = [];
  for (let doc = 0; doc < slots; doc++) {
    if (removed.has(doc)) continue;
    renumbered[doc] = ids.length;
    ids.push(doc < base.size ? base.parts.ids.at(doc) : added.ids[doc - base.size]!);
  }
  const size = ids.length;
  const lengths = new Uint32Array(FIELDS * size);
  for (let doc = 0; doc < slots; doc++) {
    const to = renumbered[doc]!;
    if (to < 0) continue;
    for (let f = 0; f < FIELDS; f++) lengths[f * size + to] = doc < base.size ? base.length(f, doc) : added.length(f, doc);
  }

  const capacity = base.parts.docs.length + added.postingCount;
  const docs = new Uint32Array(capacity);
  const tfs = new Uint32Array(capacity);
  let count = 0;
  let maxTf = 0;
  const append = (run: PostingRun | undefined) => {
    if (!run) return;
    for (let i = run.from; i < run.to; i += run.step) {
      const to = renumbered[run.docs[i]!]!;
      if (to < 0) continue;
      docs[count] = to;
      const tf = run.tfs[i + run.tfOffset]!;
      tfs[count++] = tf;
      if (tf > maxTf) maxTf = tf;
    }
  };

  const terms: string[] = [];
  const starts: number[] = [0];
  const addedTerms = added.sortedTerms();
  const baseTerms = base.parts.terms;
  let b = 0;
  let a = 0;
  while (b < baseTerms.size || a < addedTerms.length) {
    const baseTerm = b < baseTerms.size ? baseTerms.at(b) : undefined;
    const addedTerm = addedTerms[a];
    const term = baseTerm === undefined || (addedTerm !== undefined && addedTerm < baseTerm) ? addedTerm! : baseTerm;
    const inBase = term === baseTerm ? b++ : -1;
    const inAdded = term === addedTerm ? a++ : -1;
    const before = count;
    const fieldStarts: number[] = [];
    for (let f = 0; f < FIELDS; f++) {
      if (inBase >= 0) append(base.run(inBase, f));
      if (inAdded >= 0) append(added.run(f, term));
      fieldStarts.push(count);
    }
    // A term only removed chunks used is dropped.
    if (count === before) continue;
    terms.push(term);
    starts.push(...fieldStarts);
  }
  return new CompactLexical({
    ids: StringTable.of(ids),
    terms: StringTable.of(terms),
    lengths,
    starts: Uint32Array.from(starts),
    docs: count === capacity ? docs : docs.slice(0, count),
    tfs: maxTf <= 0xffff ? Uint16Array.from(tfs.subarray(0, count)) : tfs.slice(0, count),
    averages: [...averages],
  });
}
