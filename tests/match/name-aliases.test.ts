import { describe, expect, it } from 'vitest';
import table from '../../src/match/name-aliases.json' with { type: 'json' };
import { NameAliases, wordnetAliases } from '../../src/match/name-aliases.js';
import { nameAliasGroupsFromWordNet } from '../../tools/wordnet-tables/name-aliases.js';

describe('WordNet name aliases', () => {
  it('reads a table that is current with the installed WordNet (rebuild: npx tsx tools/wordnet-tables/build.ts)', () => {
    expect(table).toEqual(nameAliasGroupsFromWordNet());
  });

  it('makes capitalised synonyms and a name with its adjective one name', () => {
    const aliases = wordnetAliases();
    expect(aliases.same('britain', 'uk')).toBe(true);
    expect(aliases.same('america', 'united states')).toBe(true);
    expect(aliases.same('french', 'france')).toBe(true);
    expect(aliases.same('france', 'germany')).toBe(false);
    expect(aliases.same('peacekeeping', 'france')).toBe(false);
    expect(aliases.groupsOf('peacekeeping')).toBeUndefined();
  });

  it('gives a name every group it is in', () => {
    const aliases = new NameAliases([['georgia', 'ga'], ['georgia', 'sakartvelo'], ['georgian', 'georgia']]);
    expect(aliases.groupsOf('georgia')).toEqual([0, 1, 2]);
    expect(aliases.same('ga', 'sakartvelo')).toBe(false);
    expect(aliases.same('georgian', 'ga')).toBe(false);
    expect(aliases.same('georgian', 'georgia')).toBe(true);
  });
});
