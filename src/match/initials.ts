/** A Roman numeral closing a name ("World War II", "Henry IV"): part of the name, and whole in its initials. */
export const ROMAN_NUMERAL = /^[IVX]+$/;

/** A word's part of its name's initials: the first letter, or a whole Roman numeral ("World War II" → "WWII"). */
export const initialOf = (word: string) => (ROMAN_NUMERAL.test(word) ? word : word[0]!);
