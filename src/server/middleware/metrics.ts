import { prometheus } from '@hono/prometheus';
import type { Context, MiddlewareHandler } from 'hono';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AskResult, Docent } from '../../service.js';
import { onIndexBuild } from '../../telemetry.js';
import type { VerifyResult } from '../../verify/types.js';
import { errorResponse } from '../errors.js';
import { bearerToken, matchesKey } from './api-keys.js';

/**
 * Prometheus metrics. Per process (registered once): index build durations and Node's own CPU,
 * memory and event-loop figures. Per app: HTTP requests and latency by route and status
 * (`@hono/prometheus`), answers answered vs declined, citations flagged by the checker, verify
 * verdicts, and the served index's documents and chunks (read at scrape time).
 */

const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });
const indexBuildSeconds = new Histogram({
  name: 'docent_index_build_duration_seconds',
  help: 'Index builds (full or incremental) of this process, by whether anything changed',
  labelNames: ['changed'],
  buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1200, 3600],
  registers: [processRegistry],
});
onIndexBuild((event) => indexBuildSeconds.observe({ changed: String(event.changed) }, event.durationMs / 1000));

export interface AppMetrics {
  /** Counts and times every request; mount first, so refusals count too. */
  middleware: MiddlewareHandler;
  /** The same service, recording each answer and verdict it gives (whichever route asked). */
  observe(docent: Docent): Docent;
  /** GET /metrics. */
  handler(c: Context): Promise<Response>;
  readonly registry: Registry;
}

export function appMetrics(docent: Docent, { token }: { token?: string }): AppMetrics {
  const registry = new Registry();
  // Default latency buckets: 5 ms to 10 s, which spans extractive (milliseconds) and LLM (seconds) answers.
  const http = prometheus({ registry });
  const registers = [registry];
  const answers = new Counter({ name: 'docent_answers_total', help: 'Answers, by outcome (answered or declined) and answerer', labelNames: ['outcome', 'answerer'], registers });
  const citations = new Counter({
    name: 'docent_citations_total',
    help: 'Citations in answers, by whether the citation checker flagged a sentence citing them as unsupported',
    labelNames: ['flagged'],
    registers,
  });
  const sentences = new Counter({ name: 'docent_answer_sentences_total', help: 'Answer sentences checked, by whether the checker flagged them', labelNames: ['flagged'], registers });
  const fallbacks = new Counter({ name: 'docent_llm_fallbacks_total', help: 'LLM answers replaced by the extractive answer, by reason', labelNames: ['reason'], registers });
  const verdicts = new Counter({ name: 'docent_verify_total', help: 'Claims checked, by verdict', labelNames: ['verdict'], registers });
  // Series that exist from the start, so rates and ratios are defined before the first answer.
  for (const outcome of ['answered', 'declined']) answers.inc({ outcome, answerer: docent.config.llm ? 'llm' : 'extractive' }, 0);
  for (const flagged of ['true', 'false']) (citations.inc({ flagged }, 0), sentences.inc({ flagged }, 0));

  const indexGauge = (name: string, help: string, read: (d: Docent) => number) =>
    new Gauge({
      name,
      help,
      registers,
      // Max across cluster workers: each serves the same index.
      aggregator: 'max',
      collect() {
        try {
          this.set(read(docent));
        } catch {
          // No version loaded yet (starting): leave the series out rather than report 0.
          this.reset();
        }
      },
    });
  indexGauge('docent_index_documents', 'Documents in the index version served', (d) => d.index.sources.size);
  indexGauge('docent_index_chunks', 'Chunks in the index version served', (d) => d.index.chunks.length);
  indexGauge('docent_index_failed_documents', 'Files of the corpus folder that could not be indexed', (d) => d.index.manifest.failures.length);

  const recordAnswer = (result: AskResult) => {
    answers.inc({ outcome: result.answerable ? 'answered' : 'declined', answerer: result.answerer });
    if (result.fallbackReason) fallbacks.inc({ reason: result.fallbackReason });
    const flaggedMarkers = new Set(result.verification.sentences.filter((sentence) => sentence.flagged).flatMap((sentence) => sentence.citations));
    for (const sentence of result.verification.sentences) sentences.inc({ flagged: String(sentence.flagged) });
    for (const citation of result.citations) citations.inc({ flagged: String(flaggedMarkers.has(citation.n)) });
  };
  const recordVerdict = (result: VerifyResult) => verdicts.inc({ verdict: result.verdict });

  return {
    registry,
    middleware: http.registerMetrics,
    observe(target) {
      const ask: Docent['ask'] = async (question, options) => {
        const result = await target.ask(question, options);
        recordAnswer(result);
        return result;
      };
      const verify: Docent['verify'] = async (claim, options) => {
        const result = await target.verify(claim, options);
        recordVerdict(result);
        return result;
      };
      // Everything else (getters included) reads through to the service itself.
      return new Proxy(target, { get: (service, property) => (property === 'ask' ? ask : property === 'verify' ? verify : Reflect.get(service, property, service)) });
    },
    async handler(c) {
      if (token !== undefined) {
        const given = bearerToken(c);
        if (given === undefined || matchesKey(given, [token]) === undefined) {
          const response = errorResponse(c, 401, 'unauthorized', 'Metrics need the token: send Authorization: Bearer <METRICS_TOKEN>');
          response.headers.set('WWW-Authenticate', 'Bearer');
          return response;
        }
      }
      const merged = Registry.merge([processRegistry, registry]);
      return c.body(await merged.metrics(), 200, { 'Content-Type': merged.contentType, 'Cache-Control': 'no-store' });
    },
  };
}
