import { markerGroups } from '../../answer/markers.js';
import type { EvalMetrics } from '../metrics.js';
import { barChart, latencyHistogram } from './charts.js';
import { escapeHtml as esc } from './escape.js';
import { SCRIPT, STYLE } from './page-assets.js';
import type { ReportRow, ReportSet } from './rows.js';

/** What the page says about the run besides the sets. */
export interface ReportMeta {
  generatedAt: Date;
  version: string;
  embeddingModel: string;
  answerer: string;
}

type Format = 'ratio' | 'count' | 'ms';
const METRIC_ROWS: Array<[keyof EvalMetrics, string, Format]> = [
  ['questions', 'questions', 'count'],
  ['answerable', 'answerable', 'count'],
  ['unanswerable', 'unanswerable', 'count'],
  ['hitAt1', 'hit@1', 'ratio'],
  ['hitAt3', 'hit@3', 'ratio'],
  ['hitAt5', 'hit@5', 'ratio'],
  ['mrrAt10', 'MRR@10', 'ratio'],
  ['answerAccuracy', 'answer accuracy', 'ratio'],
  ['citedEvidence', 'cited evidence', 'ratio'],
  ['declineRate', 'decline rate', 'ratio'],
  ['citationValidity', 'citation validity', 'ratio'],
  ['citations', 'citations', 'count'],
  ['medianMs', 'median answer ms', 'ms'],
  ['p95Ms', 'p95 answer ms', 'ms'],
];
/** The rates charted per set. */
const CHARTED = METRIC_ROWS.filter(([, , format]) => format === 'ratio');

function formatMetric(value: number | null, format: Format): string {
  if (value === null) return 'n/a';
  return format === 'ratio' ? value.toFixed(3) : format === 'ms' ? value.toFixed(1) : String(value);
}

function metricTable(sets: readonly ReportSet[]): string {
  const head = `<tr><th>metric</th>${sets.map((set) => `<th>${esc(set.name)}</th>`).join('')}</tr>`;
  const body = METRIC_ROWS.map(
    ([key, label, format]) => `<tr><td>${esc(label)}</td>${sets.map((set) => `<td class="num">${formatMetric(set.metrics[key], format)}</td>`).join('')}</tr>`,
  ).join('');
  return `<table class="metrics"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The answer with its [n] markers set off (located by the marker grammar, as every client does). */
const answerHtml = (answer: string) => esc(answer).replace(markerGroups(), (marker) => `<span class="marker">${marker}</span>`);

function citationsHtml(row: ReportRow): string {
  if (row.citations.length === 0) return '';
  const items = row.citations.map(
    (c) => `<li value="${c.n}"${c.valid ? '' : ' class="invalid"'}><span class="where">${esc(c.source)} ${c.start}–${c.end}${c.valid ? '' : ' (does not match the source)'}</span><span class="quote" title="${esc(c.quote)}">“${esc(c.quote)}”</span></li>`,
  );
  return `<ol class="cites">${items.join('')}</ol>`;
}

function questionRow(set: ReportSet, row: ReportRow): string {
  const cells = [
    esc(set.name),
    esc(row.id),
    esc(row.question),
    esc(row.expected),
    answerHtml(row.answer),
    citationsHtml(row),
    row.firstHit === undefined ? '–' : String(row.firstHit),
    row.ms.toFixed(1),
    row.pass ? 'pass' : 'fail',
    esc(row.why),
  ];
  const classes = ['', 'id', '', '', 'answer', 'citations', '', '', 'result', ''];
  return `<tr class="${row.pass ? 'pass' : 'fail'}" data-set="${esc(set.name)}" data-pass="${row.pass}">${cells.map((cell, i) => `<td${classes[i] ? ` class="${classes[i]}"` : ''}>${cell}</td>`).join('')}</tr>`;
}

function summary(sets: readonly ReportSet[]): string {
  return `<div class="summary">${sets
    .map((set) => `<div><strong>${esc(set.name)}</strong>: ${set.rows.filter((row) => row.pass).length} of ${set.rows.length} passed <span class="where">(${esc(set.retriever)} retrieval, corpus ${esc(set.corpusDir)})</span></div>`)
    .join('')}</div>`;
}

/** A self-contained page (inline style, script and SVG; a CSP that forbids loading anything). */
export function renderReport(sets: readonly ReportSet[], meta: ReportMeta): string {
  const title = `Docent evaluation — ${meta.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const charts = sets.map((set) => barChart(set.name, CHARTED.map(([key, label]) => ({ label, value: set.metrics[key] }))));
  const times = sets.flatMap((set) => set.rows.map((row) => row.ms));
  const options = sets.map((set) => `<option value="${esc(set.name)}">${esc(set.name)}</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Docent evaluation</h1>
<p class="meta">${esc(meta.generatedAt.toISOString())} · Docent ${esc(meta.version)} · embedding model ${esc(meta.embeddingModel)} · answerer ${esc(meta.answerer)}</p>
${summary(sets)}
</header>
<section id="metrics"><h2>Metrics</h2>${metricTable(sets)}</section>
<section id="charts"><h2>Rates per set</h2><div class="charts">${charts.join('')}</div></section>
<section id="latency"><h2>Answer time</h2>${latencyHistogram(`All ${times.length} questions`, times)}</section>
<section id="questions"><h2>Questions</h2>
<div class="controls">
<label><input type="checkbox" id="failures-only"> Failures only</label>
<label>Set <select id="set-filter"><option value="">All sets</option>${options}</select></label>
<input type="search" id="text-filter" placeholder="Filter by any text" aria-label="Filter by any text">
<span id="shown-count"></span>
</div>
<table class="questions">
<thead><tr><th>Set</th><th>Id</th><th>Question</th><th>Expected</th><th>Answer</th><th>Citations</th><th>Evidence rank</th><th>ms</th><th>Result</th><th>Why</th></tr></thead>
<tbody id="question-rows">${sets.flatMap((set) => set.rows.map((row) => questionRow(set, row))).join('\n')}</tbody>
</table>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
