import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { busy } from '../errors.js';
import { startDeadline, type DeadlineVariables, type RequestDeadline } from '../deadline.js';

export interface LoadSheddingOptions {
  maxInFlight: number;
  maxQueued: number;
  /** How long a request may take, queueing included; then 503. The handler's signal is aborted too. */
  timeoutMs: number;
}

const isStream = (response: Response | undefined) => response?.headers.get('content-type')?.startsWith('text/event-stream') === true;

/**
 * A stream's handler returns before the stream ends: its deadline goes when the Node response closes.
 * Without the Node binding (`app.request` in tests) the timer stays until it fires (it is unref'd).
 */
function releaseWhenSent(c: Context, deadline: RequestDeadline) {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (!outgoing) return;
  if (outgoing.closed) deadline.release();
  else outgoing.once('close', deadline.release);
}

/**
 * Bounds the work in progress: at most `maxInFlight` requests run at once, up to `maxQueued` more
 * wait their turn in order, and anything beyond is refused at once with 503 and `Retry-After`, so a
 * burst degrades into fast refusals instead of everyone's latency growing without bound. Each request
 * gets a deadline (`c.get('deadline')`, aborted at REQUEST_TIMEOUT_MS) that handlers pass on to the pipeline.
 */
export function loadShedding(options: LoadSheddingOptions): MiddlewareHandler<{ Variables: DeadlineVariables }> {
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const freeSlot = () => {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine();
    else inFlight--;
  };
  return async (c, next) => {
    const deadline = startDeadline(c.req.raw.signal, options.timeoutMs);
    if (inFlight >= options.maxInFlight) {
      if (waiting.length >= options.maxQueued) {
        deadline.release();
        return busy(c, 'The server is busy: try again shortly');
      }
      const admitted = await new Promise<boolean>((resolve) => {
        const admit = () => {
          deadline.signal.removeEventListener('abort', giveUp);
          resolve(true);
        };
        const giveUp = () => {
          const at = waiting.indexOf(admit);
          if (at !== -1) waiting.splice(at, 1);
          resolve(false);
        };
        waiting.push(admit);
        deadline.signal.addEventListener('abort', giveUp, { once: true });
      });
      // Admitted requests inherit the slot of the one that finished (see freeSlot).
      if (!admitted) {
        deadline.release();
        return busy(c, 'The server is busy: the request waited too long for its turn');
      }
    } else {
      inFlight++;
    }
    c.set('deadline', deadline.signal);
    try {
      await next();
    } finally {
      freeSlot();
      // A stream keeps its deadline while it runs (its handler aborts on it); anything else is done.
      if (isStream(c.res)) releaseWhenSent(c, deadline);
      else deadline.release();
    }
  };
}


