export interface Latency {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)), p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), p99Ms: round(at(0.99)) };
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await work();
  return [result, performance.now() - startedAt];
}

export interface LoadResult {
  requests: number;
  concurrency: number;
  failures: number;
  requestsPerSecond: number;
  latency: Latency;
}

/** POSTs the questions to /api/ask at a fixed concurrency on loopback, `requests` in all. */
export async function loadTest(port: number, questions: readonly string[], requests: number, concurrency: number): Promise<LoadResult> {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const [, totalMs] = await timed(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const question = questions[next++ % questions.length]!;
          const [response, ms] = await timed(() =>
            fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) }).catch(() => undefined),
          );
          await response?.arrayBuffer();
          if (!response?.ok) failures++;
          samples.push(ms);
        }
      }),
    ),
  );
  return { requests, concurrency, failures, requestsPerSecond: Math.round(requests / (totalMs / 1000)), latency: latency(samples) };
}
