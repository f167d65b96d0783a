/** The soak's traffic: autocannon on a mix of questions, streaming chat completions and searches, one instance per route. */
import autocannon from 'autocannon';

const QUESTIONS = [
  'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?',
  'When did China establish a peacekeeping training institution?',
  'Which countries did China hold peacekeeping consultations with?',
  'What did China do for the UN peacekeeping operations?',
  'How many peacekeepers has China sent?',
];
const QUERIES = ['joint exercise Mongolia', 'peacekeeping training', 'UN consultations', 'Peacekeeping Mission-2009', 'international cooperation'];

export interface RouteLoad {
  route: string;
  /** Share of the connections. */
  share: number;
  requests: autocannon.Request[];
}

/** A 200 whose SSE stream ended with an error event, or without `[DONE]`, is an error the status code hides. */
function streamChecked(counter: { bad: number }): autocannon.Request['onResponse'] {
  return (status, body) => {
    if (status === 200 && (!body.includes('data: [DONE]') || body.includes('"server_error"'))) counter.bad++;
  };
}

export function routeMix(badStreams: { bad: number }): RouteLoad[] {
  const json = { 'content-type': 'application/json' };
  return [
    { route: 'POST /api/ask', share: 3 / 8, requests: QUESTIONS.map((question) => ({ method: 'POST' as const, path: '/api/ask', headers: json, body: JSON.stringify({ question }) })) },
    {
      route: 'POST /v1/chat/completions (stream)',
      share: 2 / 8,
      requests: QUESTIONS.map((question) => ({
        method: 'POST' as const,
        path: '/v1/chat/completions',
        headers: { ...json, accept: 'text/event-stream' },
        body: JSON.stringify({ model: 'docent', stream: true, messages: [{ role: 'user', content: question }] }),
        onResponse: streamChecked(badStreams),
      })),
    },
    { route: 'GET /api/search', share: 3 / 8, requests: QUERIES.map((q) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(q)}&k=5` })) },
  ];
}

export interface RouteResult {
  route: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Everything that is not a 2xx, nor a deliberate 429 or 503: other statuses, socket errors, timeouts. */
  errors: number;
}

const DELIBERATE = new Set(['429', '503']);

/** Runs every route of `mix` at once for `seconds` over `connections` in all (split by share). */
export async function runMix(url: string, mix: RouteLoad[], connections: number, seconds: number): Promise<RouteResult[]> {
  const runs = mix.map(async ({ route, share, requests }) => {
    const routeConnections = Math.max(1, Math.round(connections * share));
    const result = await autocannon({ url, connections: routeConnections, duration: seconds, requests, timeout: 30 });
    const statuses: Record<string, number> = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat?.count ?? 0]));
    const badStatuses = Object.entries(statuses).filter(([code]) => !code.startsWith('2') && !DELIBERATE.has(code)).reduce((sum, [, count]) => sum + count, 0);
    return {
      route,
      connections: routeConnections,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      statuses,
      // autocannon counts timeouts among its errors.
      errors: badStatuses + result.errors,
    } satisfies RouteResult;
  });
  return Promise.all(runs);
}
