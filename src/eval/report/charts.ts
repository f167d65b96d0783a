import { escapeHtml } from './escape.js';

/** Inline SVG charts: no script, no external file, readable without JavaScript. */

export interface Bar {
  label: string;
  /** 0–1; null when the metric does not apply to the set (shown as n/a). */
  value: number | null;
}

const WIDTH = 420;
const LABEL_WIDTH = 130;
const ROW = 24;

/** Horizontal bars on a 0–1 scale, each labelled with its value. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const plot = WIDTH - LABEL_WIDTH - 50;
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    const width = bar.value === null ? 0 : Math.max(1, bar.value * plot);
    const shown = bar.value === null ? 'n/a' : bar.value.toFixed(3);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${plot}" height="${ROW - 8}" class="track"/>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 8}" class="bar"><title>${escapeHtml(bar.label)}: ${shown}</title></rect>` +
      `<text x="${LABEL_WIDTH + plot + 6}" y="${y + 15}">${shown}</text>`
    );
  });
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">${rows.join('')}</svg></figure>`;
}

/** Upper bounds (ms) of the latency bins; the last bin is open. */
const LATENCY_BINS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/** `250`, `1 s`, `2.5 s`: short enough for a column. */
const short = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : String(ms));
const binLabel = (i: number) => (i === 0 ? `<${LATENCY_BINS[0]}` : i === LATENCY_BINS.length ? `≥${short(LATENCY_BINS.at(-1)!)}` : `${short(LATENCY_BINS[i - 1]!)}–${short(LATENCY_BINS[i]!)}`);

/** Counts of answer times per bin (ms, roughly logarithmic), as vertical bars. */
export function latencyHistogram(title: string, times: readonly number[]): string {
  const counts = new Array<number>(LATENCY_BINS.length + 1).fill(0);
  for (const ms of times) {
    const bin = LATENCY_BINS.findIndex((bound) => ms < bound);
    counts[bin === -1 ? LATENCY_BINS.length : bin]!++;
  }
  const max = Math.max(1, ...counts);
  const column = 58;
  const plot = 140;
  const width = counts.length * column + 20;
  const bars = counts.map((count, i) => {
    const height = (count / max) * plot;
    const x = 10 + i * column;
    return (
      `<rect x="${x + 6}" y="${(20 + plot - height).toFixed(1)}" width="${column - 12}" height="${height.toFixed(1)}" class="bar"><title>${binLabel(i)} ms: ${count}</title></rect>` +
      `<text x="${x + column / 2}" y="${14 + plot - height}" text-anchor="middle">${count}</text>` +
      `<text x="${x + column / 2}" y="${plot + 36}" text-anchor="middle" class="axis">${binLabel(i)}</text>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg viewBox="0 0 ${width} ${plot + 50}" width="${width}" height="${plot + 50}" role="img" aria-label="${escapeHtml(title)}">${bars.join('')}` +
    `<text x="${width / 2}" y="${plot + 49}" text-anchor="middle" class="axis">answer time (ms)</text></svg></figure>`
  );
}
