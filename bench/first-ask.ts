/**
 * `node --import tsx bench/first-ask.ts <questions.json> [--rounds 2] [--copies 1] [--profile-round N --profile FILE] [--per-question FILE]`: the CPU a
 * question costs the first time a fresh process answers it, against later asks. Opens the built index
 * (CORPUS_DIR, INDEX_DIR) as a served worker would, runs the warm-up to its end (its CPU is printed),
 * then asks every question once per round, one after another, and prints per round the CPU ms (user +
 * system, `process.cpuUsage`, all threads) per request (mean, p50, p95, p99 over questions), the main
 * thread's share of it (Linux) and the garbage collection pauses per request. Over HTTP nearly every
 * real question is a first ask, so round 1 is the figure that matters; later rounds show warm state.
 * With --copies N each question is asked N times at once, as autocannon's connections do in lockstep
 * (each starts at the first question).
 * --profile writes a CPU profile (.cpuprofile, for Chrome's DevTools) of round --profile-round alone,
 * so a first ask's cost can be told from a repeat's without the warm-up in the samples.
 * --per-question writes each question's CPU ms per round (JSON lines: question, then one figure per round), to
 * see which questions make a round's tail.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver, type NodeGCPerformanceDetail } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import { openDocent } from '../src/service.js';
import { latency } from './stats.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '2' }, 'per-question': { type: 'string' }, copies: { type: 'string', default: '1' }, profile: { type: 'string' }, 'profile-round': { type: 'string', default: '1' } } });
const questions = JSON.parse(fs.readFileSync(positionals[0]!, 'utf8')) as string[];
const config = loadConfig();
const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
const docent = await openDocent(config, { embedder, reindex: 'never' });
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/**
 * The main thread's own CPU, ms, from Linux's per-thread counters (clock ticks of 10 ms: summed over a
 * round, not per question); undefined elsewhere. process.cpuUsage counts every thread: at 100k chunks a
 * third of a first ask's CPU was V8 compiling optimised code on its background threads (BENCHMARKS.md, tail13).
 */
const MS_PER_TICK = 10;
const mainThreadMs = (): number | undefined => {
  try {
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
};
const warmUpStart = cpuMs();
await docent.warmUp();
const warmUpCpuMs = Math.round(cpuMs() - warmUpStart);

/** Garbage collection pauses so far, ms, by kind (scavenges are young-generation collections, mark-compacts full ones). */
const gcMs = { scavenge: 0, markCompact: 0, other: 0 };
const { NODE_PERFORMANCE_GC_MINOR, NODE_PERFORMANCE_GC_MAJOR } = constants;
new PerformanceObserver((list) =>
  list.getEntries().forEach((entry) => {
    const { kind } = (entry as PerformanceEntry & { detail: NodeGCPerformanceDetail }).detail;
    gcMs[kind === NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : kind === NODE_PERFORMANCE_GC_MAJOR ? 'markCompact' : 'other'] += entry.duration;
  }),
).observe({ entryTypes: ['gc'] });
/** Starts V8's sampling profiler at a 0.1 ms interval; stop() returns the profile. */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}
const perRequest = (ms: number, requests: number) => Math.round((ms / requests) * 100) / 100;

const copies = Number(values.copies);
const rounds = [];
/** Per round, each question's CPU ms (for --per-question). */
const byRound: number[][] = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  const perQuestion: number[] = [];
  const gcBefore = { ...gcMs };
  const mainBefore = mainThreadMs();
  const profiler = values.profile && round === Number(values['profile-round']) ? await startProfiler() : undefined;
  for (const question of questions) {
    const before = cpuMs();
    await Promise.all(Array.from({ length: copies }, () => docent.ask(question)));
    perQuestion.push((cpuMs() - before) / copies);
  }
  byRound.push(perQuestion);
  if (profiler) fs.writeFileSync(values.profile!, JSON.stringify(await profiler.stop()));
  const { meanMs, p50Ms, p95Ms, p99Ms } = latency(perQuestion);
  const mainAfter = mainThreadMs();
  const mainThread = mainBefore === undefined || mainAfter === undefined ? {} : { mainThreadCpuMsPerRequest: perRequest(mainAfter - mainBefore, questions.length * copies) };
  rounds.push({ round, cpuMs: { mean: meanMs, p50: p50Ms, p95: p95Ms, p99: p99Ms }, ...mainThread, gcMsPerRequest: Object.fromEntries(Object.entries(gcMs).map(([kind, ms]) => [kind, perRequest(ms - gcBefore[kind as keyof typeof gcMs], questions.length * copies)])) });
}
if (values['per-question']) fs.writeFileSync(values['per-question'], questions.map((question, i) => JSON.stringify([question, ...byRound.map((round) => Math.round(round[i]! * 100) / 100)])).join('\n') + '\n');
console.log(JSON.stringify({ questions: questions.length, copies, warmUpCpuMs, rounds, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) }));
await docent.close();
