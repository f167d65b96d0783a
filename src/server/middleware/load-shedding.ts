import type { MiddlewareHandler } from 'hono';
import { busy } from '../errors.js';
import type { DeadlineVariables } from '../deadline.js';

export interface LoadSheddingOptions {
  maxInFlight: number;
  maxQueued: number;
  /** How long a request may take, queueing included; then 503. The handler's signal is aborted too. */
  timeoutMs: number;
}

const isStream = (response: Response | undefined) => response?.headers.get('content-type')?.startsWith('text/event-stream') === true;

/**
 * Bounds the work in progress: at most `maxInFlight` requests run at once, up to `maxQueued` more
 * wait their turn in order, and anything beyond is refused at once with 503 and `Retry-After`, so a
 * burst degrades into fast refusals instead of everyone's latency growing without bound. Each request
 * gets a deadline (`c.get('deadline')`, aborted at REQUEST_TIMEOUT_MS) that handlers pass on to the pipeline.
 */
export function loadShedding(options: LoadSheddingOptions): MiddlewareHandler<{ Variables: DeadlineVariables }> {
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine();
    else inFlight--;
  };
  return async (c, next) => {
    // A timer cleared when the request is done: AbortSignal.timeout would keep every finished request
    // (and the signals combined with it) reachable until REQUEST_TIMEOUT_MS passes, so memory grew with
    // the request rate times the timeout.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The request took longer than REQUEST_TIMEOUT_MS', 'TimeoutError')), options.timeoutMs);
    timer.unref();
    const deadline = controller.signal;
    if (inFlight >= options.maxInFlight) {
      if (waiting.length >= options.maxQueued) {
        clearTimeout(timer);
        return busy(c, 'The server is busy: try again shortly');
      }
      const admitted = await new Promise<boolean>((resolve) => {
        const admit = () => {
          deadline.removeEventListener('abort', giveUp);
          resolve(true);
        };
        const giveUp = () => {
          const at = waiting.indexOf(admit);
          if (at !== -1) waiting.splice(at, 1);
          resolve(false);
        };
        waiting.push(admit);
        deadline.addEventListener('abort', giveUp, { once: true });
      });
      // Admitted requests inherit the slot of the one that finished (see release).
      if (!admitted) return busy(c, 'The server is busy: the request waited too long for its turn');
    } else {
      inFlight++;
    }
    c.set('deadline', deadline);
    try {
      await next();
    } finally {
      release();
      // A stream keeps its deadline while it runs (its handler aborts on it); anything else is done.
      if (!isStream(c.res)) clearTimeout(timer);
    }
  };
}


