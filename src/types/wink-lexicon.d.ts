declare module 'wink-lexicon/src/lexicon.js' {
  /** Common English words → their Penn Treebank part-of-speech tags, most frequent first. */
  const lexicon: Record<string, string[] | undefined>;
  export default lexicon;
}
