import type { Context } from 'hono';

/** Set by the load-shedding middleware: aborted when the client goes away or the request's REQUEST_TIMEOUT_MS passes. */
export type DeadlineVariables = { deadline: AbortSignal };

const deadlineOf = (c: Context) => (c.var as Partial<DeadlineVariables>).deadline;

export interface RequestDeadline {
  readonly signal: AbortSignal;
  /** The request is done: the timer and the listener on the client's signal go, so nothing keeps the request reachable. */
  release(): void;
}

/**
 * One plain AbortController per request, aborted by the client going away or by a timer cleared on
 * `release`. Not `AbortSignal.any` nor `AbortSignal.timeout`: in Node 20 a combined or timeout signal
 * that has an abort listener sits in a process-wide strong set until it aborts, so every finished
 * request whose handler listened on it (every stream) stayed in memory until its timer fired, or for
 * good once the timer was cleared. Measured with `npm run soak`.
 */
export function startDeadline(client: AbortSignal, timeoutMs: number): RequestDeadline {
  const controller = new AbortController();
  const onClientGone = () => controller.abort(client.reason);
  const timer = setTimeout(() => controller.abort(new DOMException('The request took longer than REQUEST_TIMEOUT_MS', 'TimeoutError')), timeoutMs);
  timer.unref();
  if (client.aborted) onClientGone();
  else client.addEventListener('abort', onClientGone, { once: true });
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      client.removeEventListener('abort', onClientGone);
    },
  };
}

/** Aborted when the client goes away or the request's deadline passes: what handlers hand to the pipeline. */
export function requestSignal(c: Context): AbortSignal {
  return deadlineOf(c) ?? c.req.raw.signal;
}

/** True when the request's deadline passed (rather than the client going away). */
export function timedOut(c: Context): boolean {
  const deadline = deadlineOf(c);
  return deadline?.aborted === true && (deadline.reason as { name?: unknown } | undefined)?.name === 'TimeoutError' && !c.req.raw.signal.aborted;
}
