/**
 * TeX sets an accented letter as two glyphs, the accent drawn over (or, for a cedilla, under) the letter,
 * and pdf.js reads them as two characters: "M¨oller", "Micha¨el", "c¸". The citable text is Docent's
 * rendering of the page, so the pair is written as the one letter it prints ("Möller"); quotes stay
 * slices of that text.
 */

/** Spacing accents and the combining marks they stand for (the grave accent is left out: it is also a quote mark in code). */
const COMBINING: Record<string, string> = { '¨': '\u0308', '´': '\u0301', ˆ: '\u0302', '˜': '\u0303', ˇ: '\u030C', '˚': '\u030A', '˘': '\u0306', '˙': '\u0307', '˝': '\u030B' };
const ACCENT_BEFORE = /([¨´ˆ˜ˇ˚˘˙˝])(\p{L})/gu;
const CEDILLA_AFTER = /(\p{L})¸/gu;

/** The letter an accent and its letter make, or the pair as it was when no single letter is made ("don´t"). */
function composed(letter: string, mark: string, pair: string): string {
  const letterWithMark = (letter + mark).normalize('NFC');
  return [...letterWithMark].length === 1 ? letterWithMark : pair;
}

export function composeAccents(text: string): string {
  if (!/[¨´ˆ˜ˇ˚˘˙˝¸]/u.test(text)) return text;
  return text.replace(ACCENT_BEFORE, (pair, accent: string, letter: string) => composed(letter, COMBINING[accent]!, pair)).replace(CEDILLA_AFTER, (pair, letter: string) => composed(letter, '\u0327', pair));
}
