declare module 'wink-lemmatizer' {
  type Lemmatize = (word: string) => string;
  const lemmatizer: { noun: Lemmatize; verb: Lemmatize; adjective: Lemmatize };
  export default lemmatizer;
}
