import { describe, expect, it } from 'vitest';
import { formatMarker, hasMarker, LEADING_MARKERS, markerGroups, markerNumbers, markerRuns, removeInvalidMarkers, TRAILING_PARTIAL_MARKER } from '../../src/answer/markers.js';

describe('citation marker grammar', () => {
  it('reads single and grouped markers, with commas or semicolons', () => {
    const groups = [...'A [1]. B [2, 3]. C [4; 5].'.matchAll(markerGroups())].map((match) => markerNumbers(match[1]!));
    expect(groups).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('writes what it reads', () => {
    for (const numbers of [[1], [2, 3], [10, 11, 12]]) {
      const [match] = [...formatMarker(numbers).matchAll(markerGroups())];
      expect(markerNumbers(match![1]!)).toEqual(numbers);
    }
  });

  it('finds runs, leading groups and unfinished trailing groups', () => {
    expect('x [1] [2, 3] y'.match(markerRuns())).toEqual([' [1] [2, 3]']);
    expect(LEADING_MARKERS.exec(' [1] rest')?.[0]).toBe(' [1]');
    expect(TRAILING_PARTIAL_MARKER.exec('in 2009 [1')?.[0]).toBe(' [1');
    expect(hasMarker('no markers [a]')).toBe(false);
    expect(hasMarker('one [7]')).toBe(true);
  });

  it('removes invalid numbers and empty groups', () => {
    expect(removeInvalidMarkers('A [1, 9]. B [9].', (n) => n < 5)).toBe('A [1]. B.');
  });
});
