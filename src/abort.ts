/**
 * An AbortController that aborts when any of `sources` aborts or when `timeout` passes, and that lets
 * go of them on `release()`. Not `AbortSignal.any` nor `AbortSignal.timeout`: in Node 20 a combined or
 * timeout signal that has an abort listener sits in a process-wide strong set until it aborts, so
 * every finished request that listened on one stayed in memory (measured with `npm run soak`).
 */
export interface LinkedAbort {
  readonly signal: AbortSignal;
  /** The work is done: the timer and the listeners on the sources go, so nothing keeps it reachable. */
  release(): void;
}

export function linkedAbort(sources: readonly (AbortSignal | undefined)[], timeout?: { ms: number; message: string }): LinkedAbort {
  const controller = new AbortController();
  const linked = sources.filter((source): source is AbortSignal => source !== undefined);
  const listeners = linked.map((source) => [source, () => controller.abort(source.reason)] as const);
  const timer = timeout ? setTimeout(() => controller.abort(new DOMException(timeout.message, 'TimeoutError')), timeout.ms) : undefined;
  timer?.unref();
  for (const [source, onAbort] of listeners) {
    if (source.aborted) onAbort();
    else source.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      for (const [source, onAbort] of listeners) source.removeEventListener('abort', onAbort);
    },
  };
}

/** True when `signal` was aborted by its own timeout (rather than by one of its sources). */
export const abortedByTimeout = (signal: AbortSignal) => signal.aborted && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
