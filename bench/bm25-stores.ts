/**
 * `npm run bench:bm25`: where BM25 should run with VECTOR_STORE=pgvector — in PostgreSQL
 * (pg_textsearch, PGlite here) or in process (MiniSearch with Docent's analyzer, as the embedded
 * store does). Ranks the chunks of an eval corpus for every question both ways and prints hit@1,
 * hit@5, MRR@10 (evidence as `npm run eval` matches it) and per-query latency.
 */
import path from 'node:path';
import { Command } from 'commander';
import pg from 'pg';
import { cliConfig, loadCliEmbedder } from '../src/cli/open.js';
import { loadEvalCases, type EvalCase } from '../src/eval/datasets.js';
import { isEvidence } from '../src/eval/metrics.js';
import { chunkContext } from '../src/index/build.js';
import type { ChunkRecord } from '../src/index/store.js';
import { openDocent } from '../src/service.js';
import { startTestDatabase } from '../tests/helpers/pglite-server.js';

const DEPTH = 10;

function score(cases: readonly EvalCase[], rankings: ReadonlyArray<ReadonlyArray<ChunkRecord | undefined>>, times: number[]) {
  const ranks = cases.map((item, i) => rankings[i]!.findIndex((chunk) => chunk !== undefined && isEvidence(item, chunk.source, chunk, chunk.text)) + 1);
  const share = (test: (rank: number) => boolean) => Number((ranks.filter(test).length / ranks.length).toFixed(3));
  const sorted = [...times].sort((a, b) => a - b);
  return {
    hitAt1: share((rank) => rank === 1),
    hitAt5: share((rank) => rank >= 1 && rank <= 5),
    mrrAt10: Number((ranks.reduce((sum, rank) => sum + (rank >= 1 ? 1 / rank : 0), 0) / ranks.length).toFixed(3)),
    p50Ms: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(2)),
  };
}

async function timedRankings(cases: readonly EvalCase[], rank: (question: string) => Promise<Array<ChunkRecord | undefined>>) {
  const rankings: Array<Array<ChunkRecord | undefined>> = [];
  const times: number[] = [];
  for (const item of cases) {
    const startedAt = performance.now();
    rankings.push(await rank(item.question));
    times.push(performance.now() - startedAt);
  }
  return score(cases, rankings, times);
}

const program = new Command('bench-bm25')
  .option('--file <jsonl>', 'questions', '../shared/eval/squad/questions.jsonl')
  .option('--corpus <dir>', 'their corpus', '../shared/eval/squad/corpus')
  .option('--text-config <name>', "pg_textsearch's text search configuration", 'english')
  .action(async (options: { file: string; corpus: string; textConfig: string }) => {
    const config = cliConfig(options.corpus);
    const docent = await openDocent(config, { embedder: await loadCliEmbedder(config, () => undefined) });
    const { index } = docent;
    const cases = await loadEvalCases(path.resolve(options.file), index.documents);
    const database = await startTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await pool.query('CREATE EXTENSION IF NOT EXISTS pg_textsearch; CREATE TABLE chunks (id text PRIMARY KEY, body text NOT NULL)');
      for (const chunk of index.chunks) {
        const context = chunkContext(index.sources.get(chunk.source)!, chunk);
        await pool.query('INSERT INTO chunks VALUES ($1, $2)', [chunk.id, `${context}\n\n${chunk.text}`]);
      }
      await pool.query(`CREATE INDEX chunks_bm25 ON chunks USING bm25 (body) WITH (text_config = '${options.textConfig.replace(/[^a-z_]/g, '')}')`);
      const inProcess = await timedRankings(cases, async (question) => index.lexical.search(question, DEPTH).map((hit) => index.chunkById.get(hit.id)));
      const inPostgres = await timedRankings(cases, async (question) => {
        const { rows } = await pool.query<{ id: string }>(`SELECT id FROM chunks ORDER BY body <@> to_bm25query($1, 'chunks_bm25') LIMIT ${DEPTH}`, [question]);
        return rows.map((row) => index.chunkById.get(row.id));
      });
      console.log(`${cases.length} questions over ${index.chunks.length} chunks of ${options.corpus}`);
      console.table({ 'in process (MiniSearch, Docent analyzer)': inProcess, [`PostgreSQL (pg_textsearch, ${options.textConfig}, PGlite)`]: inPostgres });
    } finally {
      await pool.end();
      await database.stop();
      await docent.close();
    }
  });

await program.parseAsync();
