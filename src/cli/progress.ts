import cliProgress from 'cli-progress';
import type { ProgressListener } from '../progress.js';

/**
 * Renders progress on stderr (so `--json` output on stdout stays clean): one bar per phase on a
 * terminal, one line per phase in a log. Silent when `enabled` is false, e.g. for `--json`.
 */
export function progressBar(enabled: boolean): ProgressListener & { stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  let currentPhase: string | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    currentPhase = undefined;
  };
  const listener = ({ phase, done, total }: Parameters<ProgressListener>[0]) => {
    if (!enabled) return;
    if (!process.stderr.isTTY) {
      if (phase !== currentPhase) console.error(`${phase}…`);
      currentPhase = phase;
      return;
    }
    if (phase !== currentPhase) {
      stop();
      currentPhase = phase;
      bar = new cliProgress.SingleBar(
        { format: `${phase.padEnd(18)} [{bar}] {value}/{total} {percentage}% eta {eta}s`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    }
    bar?.setTotal(total);
    bar?.update(done);
  };
  return Object.assign(listener, { stop });
}
