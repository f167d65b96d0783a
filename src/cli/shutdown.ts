const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Runs `onSignal` once on the first SIGTERM/SIGINT; later signals are ignored while it drains. Then exits 0. */
export function onShutdownSignal(onSignal: (signal: string) => Promise<void>) {
  let started = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      void onSignal(signal).finally(() => process.exit(0));
    });
  }
}
