import type { Context } from 'hono';
import { abortedByTimeout, linkedAbort, type LinkedAbort } from '../abort.js';

/** Set by the load-shedding middleware: aborted when the client goes away or the request's REQUEST_TIMEOUT_MS passes. */
export type DeadlineVariables = { deadline: AbortSignal };

const deadlineOf = (c: Context) => (c.var as Partial<DeadlineVariables>).deadline;

export type RequestDeadline = LinkedAbort;

/** One plain AbortController per request (see src/abort.ts for why), aborted by the client going away or by a timer cleared on `release`. */
export function startDeadline(client: AbortSignal, timeoutMs: number): RequestDeadline {
  return linkedAbort([client], { ms: timeoutMs, message: 'The request took longer than REQUEST_TIMEOUT_MS' });
}

/** Aborted when the client goes away or the request's deadline passes: what handlers hand to the pipeline. */
export function requestSignal(c: Context): AbortSignal {
  return deadlineOf(c) ?? c.req.raw.signal;
}

/** True when the request's deadline passed (rather than the client going away). */
export function timedOut(c: Context): boolean {
  const deadline = deadlineOf(c);
  return deadline !== undefined && abortedByTimeout(deadline) && !c.req.raw.signal.aborted;
}
