/**
 * Child process of `npm run bench`: opens an already built index (CORPUS_DIR, INDEX_DIR) as the server
 * would, then asks the questions in --questions (a JSON array) one after another. Prints JSON.
 */
import fs from 'node:fs/promises';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import { openDocent } from '../src/service.js';
import { latency, timed } from './stats.js';

const questions = JSON.parse(await fs.readFile(process.argv[2]!, 'utf8')) as string[];
const config = loadConfig();
const [embedder, modelLoadMs] = await timed(() => loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir }));
const [docent, openMs] = await timed(() => openDocent(config, { embedder, reindex: 'never' }));
const [, warmUpMs] = await timed(() => docent.warmUp());
const askMs: number[] = [];
const searchMs: number[] = [];
for (const question of questions) {
  askMs.push((await timed(() => docent.ask(question)))[1]);
  searchMs.push((await timed(() => docent.search(question)))[1]);
}
const round = Math.round;
console.log(JSON.stringify({ modelLoadMs: round(modelLoadMs), openMs: round(openMs), warmUpMs: round(warmUpMs), ask: latency(askMs), search: latency(searchMs), rssMiB: round(process.memoryUsage().rss / 2 ** 20) }));
