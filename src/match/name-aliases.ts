import { readTable } from './tables.js';

/**
 * Groups of names that WordNet says are one: capitalised synonyms ("Britain" ~ "UK"), and adjectives
 * with the name they pertain to ("French" ~ "France"). The table is built from WordNet by
 * `npx tsx tools/wordnet-tables/build.ts` (reading WordNet's 18 MB of data files cost each worker
 * ~1 s of CPU and tens of MiB of heap on its first question); tests/match/name-aliases.test.ts checks it is current.
 */
export class NameAliases {
  readonly #groups = new Map<string, number[]>();

  constructor(groups: ReadonlyArray<readonly string[]>) {
    groups.forEach((names, group) => {
      for (const name of names) {
        const known = this.#groups.get(name);
        if (known) known.push(group);
        else this.#groups.set(name, [group]);
      }
    });
  }

  /** The groups a name (lower case) belongs to. */
  groupsOf(name: string): readonly number[] | undefined {
    return this.#groups.get(name);
  }

  same(a: string, b: string): boolean {
    const groups = this.#groups.get(a);
    if (!groups) return false;
    const other = this.#groups.get(b);
    return other !== undefined && groups.some((group) => other.includes(group));
  }
}

let aliases: NameAliases | undefined;

/** WordNet's name groups, indexed on first use. */
export function wordnetAliases(): NameAliases {
  return (aliases ??= new NameAliases(readTable<string[][]>('name-aliases.json')));
}
