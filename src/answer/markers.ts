/**
 * The grammar of citation markers in answer text, in one place for the answerers, the citation
 * checker, the OpenAI-compatible route and the web client: a group is `[3]`, `[1, 2]` or `[1; 4]`
 * (numbers separated by commas or semicolons); groups may follow one another (`[1] [2]`).
 * Dependency-free, so the browser bundle can import it.
 */

const GROUP = String.raw`\[(\d+(?:\s*[,;]\s*\d+)*)\]`;

/** Every marker group, with the numbers' text in group 1. A new RegExp per call: global regexes carry state. */
export const markerGroups = (): RegExp => new RegExp(GROUP, 'g');

/** Runs of consecutive groups with the white space before them (`" [1] [2, 3]"`). */
export const markerRuns = (): RegExp => new RegExp(String.raw`(?:\s*${GROUP.replace('(', '(?:')})+`, 'g');

/** Groups at the very start of a text (markers written after a full stop belong to the sentence before). */
export const LEADING_MARKERS = new RegExp(String.raw`^(?:\s*${GROUP.replace('(', '(?:')})+`);

/** A possibly unfinished group at the end of streamed text (`"… 2009 [1"`), with the white space before it. */
export const TRAILING_PARTIAL_MARKER = /\s*(?:\[[\d\s,;]{0,12})?$/;

/** Whether text has begun a marker (`[` followed by a digit): used to hold back streamed text until it cites. */
export const STARTS_MARKER = /\[\d/;

/** The numbers of one group's inner text (`"1, 2"` → `[1, 2]`). */
export function markerNumbers(group: string): number[] {
  return [...group.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** The marker for citation numbers, as answers write it: `[1]`, `[1, 2]`. */
export function formatMarker(numbers: readonly number[]): string {
  return `[${numbers.join(', ')}]`;
}

export function hasMarker(text: string): boolean {
  return markerGroups().test(text);
}

/** Drops the numbers that `isValid` rejects from every group (and a group left empty, with its leading space). */
export function removeInvalidMarkers(text: string, isValid: (n: number) => boolean): string {
  return text.replace(new RegExp(String.raw`(\s?)${GROUP}`, 'g'), (_whole, space: string, numbers: string) => {
    const valid = [...new Set(markerNumbers(numbers).filter(isValid))];
    return valid.length === 0 ? '' : `${space}${formatMarker(valid)}`;
  });
}
