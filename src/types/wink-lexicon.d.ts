declare module 'wink-lexicon/src/lexicon.js' {
  /** Common English words → their Penn Treebank part-of-speech tags, most frequent first. */
  const lexicon: Record<string, string[] | undefined>;
  export default lexicon;
}

/** WordNet's exception lists (`noun.exc`, `verb.exc`, `adj.exc`): an irregular form → its lemma. */
declare module 'wink-lexicon/src/wn-noun-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
declare module 'wink-lexicon/src/wn-adjective-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
