/**
 * `npm run bench:hnsw`: the HNSW vector index at scale — recall@10 against exact search, queries/s,
 * build time and memory for several M / efConstruction / efSearch settings, over random, clustered
 * and (with --vectors) real embedding vectors.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { readCacheFile } from '../src/embed/cache-file.js';
import { DEFAULT_HNSW, efSearchFor, VectorIndex, type HnswParameters } from '../src/index/vector-index.js';
import { keyedRandom } from '../tools/build-model/random.js';
import { exactTopK, syntheticVectors, type VectorSet } from './vectors.js';

interface Row {
  data: string;
  count: number;
  dimensions: number;
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Whether efSearch is the default's, adapted to the index size (`--ef auto`). */
  adaptive: boolean;
  buildSeconds: number;
  insertsPerSecond: number;
  indexMiB: number;
  rssMiB: number;
  recallAt10: number;
  queriesPerSecond: number;
}

const K = 10;
const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const numbers = (value: string) => list(value).map(Number);
/** `auto`: the default breadth as the index adapts it to its size (`efSearchFor`); a number: that breadth, fixed. */
type EfChoice = number | 'auto';
const efChoices = (value: string): EfChoice[] => list(value).map((item) => (item === 'auto' ? 'auto' : Number(item)));

/** Real vectors: a Docent embedding cache file; its last `queries` vectors become the queries. */
async function realVectors(file: string, queries: number): Promise<VectorSet> {
  const header = await fs.readFile(file).then((bytes) => bytes.toString('utf8', 20, 20 + bytes.readUInt32LE(16)));
  const { vectors } = readCacheFile(file, header, undefined);
  const all = [...vectors.values()];
  const dimensions = all[0]?.length ?? 0;
  const pack = (rows: Float32Array[]) => {
    const packed = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => packed.set(row, i * dimensions));
    return packed;
  };
  return { name: `real:${path.basename(file)}`, dimensions, data: pack(all.slice(0, -queries)), queries: pack(all.slice(-queries)) };
}

function measure(set: VectorSet, truth: Int32Array[], setting: Pick<HnswParameters, 'm' | 'efConstruction'>, efSearches: EfChoice[], scratch: string): Promise<Row[]> {
  const { dimensions, data, queries } = set;
  const count = data.length / dimensions;
  const rows = Array.from({ length: count }, (_, i) => data.subarray(i * dimensions, (i + 1) * dimensions));
  const rssBefore = process.memoryUsage().rss;
  const startedAt = performance.now();
  const index = VectorIndex.build(dimensions, rows, { ...setting, efSearch: DEFAULT_HNSW.efSearch, adaptiveEfSearch: false, adaptiveGraph: false });
  const buildSeconds = (performance.now() - startedAt) / 1000;
  const rssMiB = Math.max(0, process.memoryUsage().rss - rssBefore) / 2 ** 20;
  const file = path.join(scratch, `hnsw-${process.pid}.bin`);
  return index.write(file).then(async () => {
    const indexMiB = (await fs.stat(file)).size / 2 ** 20;
    await fs.rm(file, { force: true });
    return efSearches.map((choice) => {
      const adaptive = choice === 'auto';
      index.setSearchBreadth(adaptive ? DEFAULT_HNSW : { efSearch: choice, adaptiveEfSearch: false });
      const efSearch = efSearchFor(index, index.size, K);
      let found = 0;
      const queryCount = queries.length / dimensions;
      const searchStartedAt = performance.now();
      for (let q = 0; q < queryCount; q++) {
        const expected = new Set(truth[q]);
        for (const hit of index.search(queries.subarray(q * dimensions, (q + 1) * dimensions), K)) if (expected.has(hit.label)) found++;
      }
      const searchSeconds = (performance.now() - searchStartedAt) / 1000;
      return {
        data: set.name,
        count,
        dimensions,
        ...setting,
        efSearch,
        adaptive,
        buildSeconds: round(buildSeconds, 1),
        insertsPerSecond: Math.round(count / buildSeconds),
        indexMiB: round(indexMiB, 1),
        rssMiB: round(rssMiB, 0),
        recallAt10: round(found / (queryCount * K), 4),
        queriesPerSecond: Math.round(queryCount / searchSeconds),
      };
    });
  });
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const program = new Command('bench-hnsw')
  .option('--sizes <list>', 'vector counts', '100000')
  .option('--dimensions <list>', 'dimensions', '384,768')
  .option('--kinds <list>', 'random, clustered', 'clustered,random')
  .option('--vectors <files>', 'also real vectors: Docent embedding cache files (index/embedding-cache/*.vectors)', '')
  .option('--builds <list>', 'M/efConstruction pairs', '16/100,16/200,32/200')
  .option('--ef <list>', "efSearch values tried on every build ('auto': the default, adapted to the size)", '32,64,128,256,auto')
  .option('--queries <n>', 'queries per data set', (v) => Number.parseInt(v, 10), 200)
  .option('--quick', 'a smoke test: 5,000 clustered 384-d vectors, one build')
  .option('--json', 'print JSON')
  .action(async (options: { sizes: string; dimensions: string; kinds: string; vectors: string; builds: string; ef: string; queries: number; quick?: boolean; json?: boolean }) => {
    if (options.quick) Object.assign(options, { sizes: '5000', dimensions: '384', kinds: 'clustered', builds: '16/100', ef: '32,auto', queries: 50 });
    const efSearches = efChoices(options.ef);
    const builds = list(options.builds).map((pair) => {
      const [m, efConstruction] = pair.split('/').map(Number);
      return { m: m!, efConstruction: efConstruction! };
    });
    const sets: Array<() => Promise<VectorSet>> = [];
    for (const file of list(options.vectors)) sets.push(() => realVectors(file, options.queries));
    for (const kind of list(options.kinds) as Array<'random' | 'clustered'>) {
      for (const dimensions of numbers(options.dimensions)) {
        for (const count of numbers(options.sizes)) sets.push(async () => syntheticVectors(kind, count, dimensions, options.queries, keyedRandom('bench', `${kind}-${count}-${dimensions}`)));
      }
    }
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-hnsw-'));
    const results: Row[] = [];
    if (!options.json) console.log('data                      vectors  dims   M  efC   ef   build s  inserts/s  index MiB  RSS MiB  recall@10  queries/s   (ef*: the default, adapted to the size)');
    for (const makeSet of sets) {
      const set = await makeSet();
      const truth = exactTopK(set, K);
      for (const build of builds) {
        for (const row of await measure(set, truth, build, efSearches, scratch)) {
          results.push(row);
          if (!options.json) {
            console.log(
              `${row.data.slice(0, 24).padEnd(24)} ${String(row.count).padStart(9)} ${String(row.dimensions).padStart(5)} ${String(row.m).padStart(3)} ${String(row.efConstruction).padStart(4)} ${`${row.efSearch}${row.adaptive ? '*' : ''}`.padStart(5)} ${row.buildSeconds.toFixed(1).padStart(9)} ${String(row.insertsPerSecond).padStart(10)} ${row.indexMiB.toFixed(1).padStart(10)} ${String(row.rssMiB).padStart(8)} ${row.recallAt10.toFixed(4).padStart(10)} ${String(row.queriesPerSecond).padStart(10)}`,
            );
          }
        }
      }
    }
    await fs.rm(scratch, { recursive: true, force: true });
    if (options.json) console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, k: K, results }, null, 2));
  });

await program.parseAsync();
