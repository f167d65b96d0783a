/**
 * Units of measure as documents write them: "76 ha" is "76 hectares", "37 mi" is "37 miles", "61.1%"
 * is "61.1 per cent". Word vectors rate "miles" and "kilometres" as near-synonyms (they are used
 * alike), but a number of miles is not the same number of kilometres: two spellings of one unit
 * are the same word, two different units never are.
 */

/** Each unit's spellings (lower case, singular and plural): abbreviations, British and American forms. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  hectare: ['hectare', 'hectares', 'ha'],
  acre: ['acre', 'acres', 'ac'],
  mile: ['mile', 'miles', 'mi'],
  kilometre: ['kilometre', 'kilometres', 'kilometer', 'kilometers', 'km', 'kms'],
  metre: ['metre', 'metres', 'meter', 'meters'],
  centimetre: ['centimetre', 'centimetres', 'centimeter', 'centimeters', 'cm'],
  millimetre: ['millimetre', 'millimetres', 'millimeter', 'millimeters', 'mm'],
  foot: ['foot', 'feet', 'ft'],
  inch: ['inch', 'inches', 'in'],
  yard: ['yard', 'yards', 'yd', 'yds'],
  kilogram: ['kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kg', 'kgs'],
  gram: ['gram', 'grams', 'gramme', 'grammes'],
  tonne: ['tonne', 'tonnes', 'ton', 'tons', 't'],
  pound: ['pound', 'pounds', 'lb', 'lbs'],
  litre: ['litre', 'litres', 'liter', 'liters'],
  gallon: ['gallon', 'gallons', 'gal'],
  square: ['square', 'sq'],
  percent: ['percent', 'per cent', 'pct', '%'],
  hour: ['hour', 'hours', 'hr', 'hrs', 'h'],
  minute: ['minute', 'minutes', 'min', 'mins'],
  second: ['second', 'seconds', 'sec', 'secs', 's'],
  kilowatt: ['kilowatt', 'kilowatts', 'kw'],
  megawatt: ['megawatt', 'megawatts', 'mw'],
  horsepower: ['horsepower', 'hp'],
};

/** Abbreviations that are also ordinary words ("in", "min", "t", "s"): a unit only right after a number. */
const ONLY_AFTER_NUMBER: ReadonlySet<string> = new Set(['in', 'ac', 't', 's', 'h', 'min', 'sec', 'second', 'seconds', 'pound', 'pounds', 'gal', 'square', 'sq']);

const UNIT_BY_SPELLING = new Map(Object.entries(SPELLINGS).flatMap(([unit, spellings]) => spellings.map((spelling) => [spelling, unit] as const)));

/** The unit a word names ("ha" → hectare, "Miles" → mile); undefined for any other word. */
export function unitOf(word: string): string | undefined {
  return UNIT_BY_SPELLING.get(word.toLowerCase());
}

/** Whether a unit word is unambiguous on its own, or needs a number before it ("5 in", "10 s"). */
export const unitNeedsNumber = (word: string) => ONLY_AFTER_NUMBER.has(word.toLowerCase());

/** The other spellings of the unit `word` names ("hectares" → hectare, ha); none for other words. */
export function unitSpellings(word: string): readonly string[] {
  const unit = unitOf(word);
  return unit === undefined ? [] : SPELLINGS[unit]!.filter((spelling) => spelling !== word.toLowerCase() && /^\p{L}+$/u.test(spelling));
}

/**
 * How two words compare as units: 'same' for two spellings of one unit, 'different' for two
 * different units, undefined when either is no unit.
 */
export function compareUnits(a: string, b: string): 'same' | 'different' | undefined {
  const [ua, ub] = [unitOf(a), unitOf(b)];
  if (ua === undefined || ub === undefined) return undefined;
  return ua === ub ? 'same' : 'different';
}

/** "per cent", "percent", "pct" or "%" right after a number: the number's own unit, written out or as a sign. */
export const PERCENT_AFTER_NUMBER = /\d\s*(?:%|per\s?cent\b|pct\b)/iu;
