import { createRequire } from 'node:module';
import type winkLemmatizer from 'wink-lemmatizer';

let loaded: typeof winkLemmatizer | undefined;

/**
 * wink-lemmatizer, required on first use: compiling its word lists (about 1 MB of JavaScript) costs
 * some 450 ms of CPU, which processes that never lemmatize do not pay (a cluster's primary, `docent
 * index` on an unchanged corpus, `--help`).
 */
export const lemmatizer = (): typeof winkLemmatizer => (loaded ??= createRequire(import.meta.url)('wink-lemmatizer') as typeof winkLemmatizer);
