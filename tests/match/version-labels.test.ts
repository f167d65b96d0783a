import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/match/facts.js';
import { versionLabels } from '../../src/match/version-labels.js';

const labels = (claim: string, evidence: string) => versionLabels(analyse(claim), analyse(evidence)).map((fact) => fact.text);

describe('versionLabels', () => {
  it('reads the name right before a dotted version number as its label when the evidence numbers a version', () => {
    expect(labels('The Decompress.eof attribute was added in Python 3.6.', 'New in version 3.3.')).toEqual(['Python']);
    expect(labels('Since Python 3.10.6, make_archive() is thread-safe.', 'Changed in version 3.10.6: This function is now made thread-safe.')).toEqual(['Python']);
  });

  it('leaves a name alone before a count or a year, or when the evidence names no version by number', () => {
    expect(labels('Apollo 11 landed in 1969.', 'New in version 3.3.')).toEqual([]);
    expect(labels('Windows 10.1 ships it.', 'Windows ships it since 2015.')).toEqual([]);
  });
});
