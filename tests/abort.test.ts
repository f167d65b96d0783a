import { describe, expect, it, vi } from 'vitest';
import { abortedByTimeout, linkedAbort } from '../src/abort.js';

describe('linkedAbort', () => {
  it('aborts with the reason of whichever source aborts, and only a timeout counts as a timeout', () => {
    const first = new AbortController();
    const second = new AbortController();
    const linked = linkedAbort([first.signal, undefined, second.signal]);
    second.abort(new Error('client left'));
    expect(linked.signal.aborted).toBe(true);
    expect((linked.signal.reason as Error).message).toBe('client left');
    expect(abortedByTimeout(linked.signal)).toBe(false);
  });

  it('starts aborted when a source already is', () => {
    const gone = new AbortController();
    gone.abort();
    expect(linkedAbort([gone.signal]).signal.aborted).toBe(true);
  });

  it('aborts as a timeout when its timer passes, and not after release', () => {
    vi.useFakeTimers();
    try {
      const timed = linkedAbort([], { ms: 1_000, message: 'too slow' });
      vi.advanceTimersByTime(1_000);
      expect(abortedByTimeout(timed.signal)).toBe(true);
      expect((timed.signal.reason as Error).message).toBe('too slow');

      const released = linkedAbort([], { ms: 1_000, message: 'too slow' });
      released.release();
      vi.advanceTimersByTime(5_000);
      expect(released.signal.aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets go of its sources on release: a later abort of a source no longer reaches it', () => {
    const source = new AbortController();
    const remove = vi.spyOn(source.signal, 'removeEventListener');
    const linked = linkedAbort([source.signal]);
    linked.release();
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    source.abort();
    expect(linked.signal.aborted).toBe(false);
  });
});
