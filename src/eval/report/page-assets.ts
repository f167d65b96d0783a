/** The report page's style and its one small script (filtering the question table); inlined, no CDN. */

export const STYLE = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bar: #3867d6; --track: #eef1f6; --pass: #177245; --fail: #b3261e; --bg-fail: #fdf0ef; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; padding: 24px; max-width: 1400px; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 32px 0 12px; font-size: 18px; }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f6f7f9; position: sticky; top: 0; }
table.metrics { width: auto; } table.metrics td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
figure.chart { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); } svg text.axis { fill: var(--muted); font-size: 11px; }
rect.bar { fill: var(--bar); } rect.track { fill: var(--track); }
.controls { display: flex; gap: 16px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
.controls input[type=search] { padding: 4px 8px; min-width: 260px; }
table.questions td { font-size: 13px; } table.questions td.id { max-width: 120px; word-break: break-all; font-size: 12px; }
table.questions td.answer { min-width: 320px; max-width: 520px; } table.questions td.citations { min-width: 220px; max-width: 320px; }
.quote { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
tr.fail { background: var(--bg-fail); }
.result { font-weight: 700; } tr.pass .result { color: var(--pass); } tr.fail .result { color: var(--fail); }
.marker { color: var(--bar); font-weight: 600; }
ol.cites { margin: 0; padding-left: 18px; } ol.cites li.invalid { color: var(--fail); }
.where { color: var(--muted); font-size: 12px; }
.summary { display: flex; gap: 24px; margin-top: 12px; } .summary div { background: #f6f7f9; padding: 8px 12px; border-radius: 6px; }
`;

export const SCRIPT = `
(() => {
  const rows = Array.from(document.querySelectorAll('#question-rows tr'));
  const failuresOnly = document.getElementById('failures-only');
  const set = document.getElementById('set-filter');
  const text = document.getElementById('text-filter');
  const shown = document.getElementById('shown-count');
  function apply() {
    const query = text.value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const visible = (!failuresOnly.checked || row.dataset.pass === 'false') && (!set.value || row.dataset.set === set.value) && (!query || row.textContent.toLowerCase().includes(query));
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = 'Showing ' + count + ' of ' + rows.length;
  }
  failuresOnly.checked = location.hash === '#failures';
  for (const control of [failuresOnly, set, text]) control.addEventListener('input', apply);
  apply();
})();
`;
