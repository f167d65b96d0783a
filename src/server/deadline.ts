import type { Context } from 'hono';

/** Set by the load-shedding middleware: aborted when the request's REQUEST_TIMEOUT_MS passes. */
export type DeadlineVariables = { deadline: AbortSignal };

const deadlineOf = (c: Context) => (c.var as Partial<DeadlineVariables>).deadline;

/** Aborted when the client goes away or the request's deadline passes: what handlers hand to the pipeline. */
export function requestSignal(c: Context): AbortSignal {
  const deadline = deadlineOf(c);
  return deadline ? AbortSignal.any([c.req.raw.signal, deadline]) : c.req.raw.signal;
}

/** True when the request's deadline passed (rather than the client going away). */
export function timedOut(c: Context): boolean {
  return deadlineOf(c)?.aborted === true && !c.req.raw.signal.aborted;
}
