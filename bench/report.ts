/** The benchmark's results as a table for the terminal and as one self-contained HTML page with SVG charts. */
import type { PeerResult } from './peers.js';
import type { ScaleRow } from './scale.js';

export interface BenchResults {
  machine: { cpus: number; node: string; loadAverage: number[] };
  startedAt: string;
  mode: 'quick' | 'full';
  scale: ScaleRow[];
  peers?: { questions: number; results: PeerResult[] };
}

const pad = (value: unknown, width: number) => ` ${String(value).padStart(width - 1)}`;

const workerLoad = (h: ScaleRow['http'][number]) =>
  `${h.workers}w ${h.requestsPerSecond} req/s, p99 ${h.latency.p99Ms}` +
  (h.coldStart ? ` (cold start: ${h.coldStart.latency.p99Ms} over ${h.coldStart.requests})` : '') +
  (h.failures + (h.coldStart?.failures ?? 0) ? ` (${h.failures + (h.coldStart?.failures ?? 0)} errors)` : '');

export function textTable(results: BenchResults): string {
  const lines = [
    `Docent benchmark (${results.mode}) — ${results.machine.cpus} CPUs, Node ${results.machine.node}, load average ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
    '',
    '   chunks  index s  chunks/s  peak MiB  reindex s same/full  index MiB  start s  RSS MiB   ask p50/p95/p99 ms  HTTP p50/p95/p99 ms  by workers: req/s, p99 ms (cold start: p99 of the first requests)',
  ];
  for (const row of results.scale) {
    const one = row.http[0];
    const rss = Math.max(row.inProcess.rssMiB, ...row.http.map((h) => h.rssMiB.maxWorker || h.rssMiB.primary));
    lines.push(
      [
        pad(row.chunks, 9),
        pad(row.index.seconds.toFixed(1), 8),
        pad(row.index.embedChunksPerSecond ?? '-', 9),
        pad(row.index.peakRssMiB, 9),
        pad(`${row.reindexUnchangedSeconds.toFixed(1)} / ${row.reindexFullSeconds.toFixed(1)}`, 20),
        pad(row.indexMiB, 10),
        pad(row.startup.seconds.toFixed(2), 8),
        pad(rss, 8),
        pad(`${row.inProcess.ask.p50Ms}/${row.inProcess.ask.p95Ms}/${row.inProcess.ask.p99Ms}`, 21),
        pad(one ? `${one.latency.p50Ms}/${one.latency.p95Ms}/${one.latency.p99Ms}` : '-', 21),
        '  ' + row.http.map(workerLoad).join(', '),
      ].join(''),
    );
  }
  if (results.peers) {
    lines.push('', `Retrieval on SQuAD (${results.peers.questions} questions, same chunks and vectors):`);
    for (const peer of results.peers.results) {
      lines.push(`  ${peer.name.padEnd(40)} hit@5 ${peer.hitAt5.toFixed(3)}   p50 ${peer.latency.p50Ms} ms   p95 ${peer.latency.p95Ms} ms   ×${peer.latencyRatio} Docent's p50`);
    }
  }
  return lines.join('\n');
}

interface Series {
  name: string;
  points: Array<[number, number]>;
}

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea'];
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A line chart against corpus size (log scale), as inline SVG. */
function chart(title: string, unit: string, series: Series[]): string {
  const [width, height, left, bottom] = [520, 260, 60, 40];
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  if (xs.length === 0) return '';
  const [xMin, xMax] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const yMax = Math.max(...ys, 1e-9) * 1.1;
  const x = (value: number) => left + ((Math.log10(value) - xMin) / (xMax - xMin || 1)) * (width - left - 20);
  const y = (value: number) => height - bottom - (value / yMax) * (height - bottom - 20);
  const lines = series.map((s, i) => {
    const path = s.points.map(([px, py], j) => `${j === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    const dots = s.points.map(([px, py]) => `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${COLOURS[i % COLOURS.length]}"><title>${escape(s.name)}: ${py} ${unit} at ${px} chunks</title></circle>`).join('');
    return `<path d="${path}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>${dots}<text x="${width - 150}" y="${20 + i * 16}" fill="${COLOURS[i % COLOURS.length]}" font-size="12">${escape(s.name)}</text>`;
  });
  const ticks = [...new Set(xs)].map((value) => `<text x="${x(value).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle">${value.toLocaleString('en')}</text>`);
  const yTicks = [0, 0.5, 1].map((share) => `<text x="${left - 6}" y="${y(share * yMax).toFixed(1)}" font-size="11" text-anchor="end">${(share * yMax).toPrecision(3)}</text>`);
  return `<figure><figcaption>${escape(title)} (${escape(unit)})</figcaption><svg width="${width}" height="${height}" role="img" aria-label="${escape(title)}">
<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#888"/><line x1="${left}" y1="10" x2="${left}" y2="${height - bottom}" stroke="#888"/>
${ticks.join('')}${yTicks.join('')}${lines.join('')}<text x="${(width + left) / 2}" y="${height - 6}" font-size="11" text-anchor="middle">chunks (log scale)</text></svg></figure>`;
}

export function htmlReport(results: BenchResults): string {
  const rows = results.scale;
  const by = (pick: (row: ScaleRow) => number | undefined): Array<[number, number]> =>
    rows.flatMap((row) => {
      const value = pick(row);
      return value === undefined ? [] : [[row.chunks, value] as [number, number]];
    });
  const workerCounts = [...new Set(rows.flatMap((row) => row.http.map((h) => h.workers)))];
  const charts = [
    chart('Answer latency in process', 'ms', [
      { name: 'p50', points: by((row) => row.inProcess.ask.p50Ms) },
      { name: 'p95', points: by((row) => row.inProcess.ask.p95Ms) },
      { name: 'p99', points: by((row) => row.inProcess.ask.p99Ms) },
    ]),
    chart('Answer latency over HTTP (1 worker)', 'ms', [
      { name: 'p50', points: by((row) => row.http[0]?.latency.p50Ms) },
      { name: 'p95', points: by((row) => row.http[0]?.latency.p95Ms) },
      { name: 'p99', points: by((row) => row.http[0]?.latency.p99Ms) },
    ]),
    chart('Throughput over HTTP', 'requests/s', workerCounts.map((workers) => ({ name: `${workers} worker(s)`, points: by((row) => row.http.find((h) => h.workers === workers)?.requestsPerSecond) }))),
    chart('Indexing', 'chunks/s embedded', [{ name: 'embedding', points: by((row) => row.index.embedChunksPerSecond ?? undefined) }]),
    chart('Memory', 'MiB', [
      { name: 'serving RSS', points: by((row) => row.inProcess.rssMiB) },
      { name: 'indexing peak RSS', points: by((row) => row.index.peakRssMiB) },
    ]),
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docent benchmark</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}pre{background:#f5f5f5;padding:1rem;overflow:auto}figure{display:inline-block;margin:1rem}</style></head>
<body><h1>Docent benchmark</h1><p>${escape(results.startedAt)} — ${results.mode} run</p>${charts.join('\n')}<pre>${escape(textTable(results))}</pre></body></html>
`;
}
