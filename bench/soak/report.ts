/** The soak's verdict and its readable table. */
import type { RouteResult } from './load.js';
import type { SlowClientStats } from './slow-clients.js';

export interface SoakReport {
  settings: { seconds: number; baselineSeconds: number; warmupSeconds: number; connections: number; slowClients: number; p99SlackMs: number; maxRssGrowthMiB: number };
  baseline: RouteResult[];
  withSlowClients: RouteResult[];
  slowClients: SlowClientStats;
  /** /api/health probed once a second during the main phase, ms. */
  healthProbe: { count: number; failed: number; p50: number; max: number };
  /** Chat streams answered 200 but ending in an error event or without [DONE]. */
  badStreams: number;
  /** Lines the server logged to stderr during the soak. */
  serverErrors: string[];
  rssMiB: { afterWarmUp: number; peak: number; afterRun: number; growth: number };
  exitCode: number | null;
  failures: string[];
}

/** p99 counts as more than doubled when it exceeds 2× the baseline plus a small absolute slack (timer jitter on a busy machine). */
export function judge(report: Omit<SoakReport, 'failures'>): string[] {
  const failures: string[] = [];
  const { settings } = report;
  for (const phase of [report.baseline, report.withSlowClients]) {
    for (const route of phase) if (route.errors > 0) failures.push(`${route.route}: ${route.errors} errors (${JSON.stringify(route.statuses)})`);
  }
  if (report.badStreams > 0) failures.push(`${report.badStreams} chat streams ended in an error or without [DONE]`);
  if (report.healthProbe.failed > 0) failures.push(`${report.healthProbe.failed} /api/health probes failed`);
  if (report.serverErrors.length > 0) failures.push(`the server logged ${report.serverErrors.length} error lines, first: ${report.serverErrors[0]!.slice(0, 200)}`);
  for (const route of report.withSlowClients) {
    const base = report.baseline.find((entry) => entry.route === route.route);
    if (base && route.p99 > 2 * base.p99 + settings.p99SlackMs) failures.push(`${route.route}: p99 ${route.p99} ms with slow clients vs ${base.p99} ms without (> 2×)`);
  }
  if (report.rssMiB.growth > settings.maxRssGrowthMiB) failures.push(`RSS grew by ${report.rssMiB.growth.toFixed(1)} MiB (limit ${settings.maxRssGrowthMiB})`);
  if (report.exitCode !== 0) failures.push(`the server exited with ${report.exitCode} on SIGTERM`);
  return failures;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

const statuses = (route: RouteResult) =>
  Object.entries(route.statuses)
    .map(([code, count]) => `${code}:${count}`)
    .join(' ');

export function formatReport(report: SoakReport): string {
  const { settings, rssMiB, slowClients, healthProbe } = report;
  const rows = [['route', 'phase', 'conns', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'statuses']];
  for (const [phase, results] of [
    ['baseline', report.baseline],
    ['+slow', report.withSlowClients],
  ] as const) {
    for (const route of results) rows.push([route.route, phase, String(route.connections), String(route.requests), route.rps.toFixed(1), String(route.p50), String(route.p99), String(route.max), String(route.errors), statuses(route)]);
  }
  const ratios = report.withSlowClients.map((route) => {
    const base = report.baseline.find((entry) => entry.route === route.route);
    return `${route.route}: ${base ? (route.p99 / Math.max(1, base.p99)).toFixed(2) : '?'}×`;
  });
  const closed = Object.entries(slowClients.closedByServer)
    .map(([status, count]) => `${status}:${count}`)
    .join(' ');
  return [
    `Soak: ${settings.warmupSeconds} s warm-up, ${settings.baselineSeconds} s baseline, ${settings.seconds} s with ${settings.slowClients} slow clients; ${settings.connections} connections`,
    '',
    table(rows),
    '',
    `p99 with / without slow clients: ${ratios.join(', ')} (fails above 2× + ${settings.p99SlackMs} ms)`,
    `slow clients: ${slowClients.clients} clients, ${slowClients.connections} connections, ${slowClients.bytesSent} header bytes sent, closed by the server: ${closed || 'none'}, longest held ${slowClients.longestHeldSeconds.toFixed(1)} s`,
    `/api/health during the slow phase: ${healthProbe.count} probes, ${healthProbe.failed} failed, p50 ${healthProbe.p50.toFixed(1)} ms, max ${healthProbe.max.toFixed(1)} ms`,
    `chat streams with an error or no [DONE]: ${report.badStreams}; server error lines: ${report.serverErrors.length}`,
    `RSS: ${rssMiB.afterWarmUp.toFixed(1)} MiB after warm-up, peak ${rssMiB.peak.toFixed(1)} MiB, ${rssMiB.afterRun.toFixed(1)} MiB after the run (growth ${rssMiB.growth >= 0 ? '+' : ''}${rssMiB.growth.toFixed(1)} MiB, limit ${settings.maxRssGrowthMiB})`,
    `server exit code on SIGTERM: ${report.exitCode}`,
    '',
    report.failures.length ? `FAIL\n${report.failures.map((failure) => `  - ${failure}`).join('\n')}` : 'PASS',
  ].join('\n');
}
