// One card per widget, drawn by its visualization: number = a big figure, bar/line/pie = a
// Chart.js chart (with its data as a table for screen readers), table = an HTML table. A widget's
// own error stays inside its card. The card's head holds the title and has room for actions
// beside it; result() is the last answer drawn, for whatever acts on the card.
import { h, clear, uid } from './dom.js';
import { columnFormat, formatCell, formatCompact, formatNumber, humanize, isNumeric } from './format.js';

const CHARTS = new Set(['bar', 'line', 'pie']);

export function createWidgetCard(head) {
  const titleId = uid(`w-${head.slug}-title`);
  const body = h('div', { class: 'widget-body' });
  const loading = h('p', { class: 'widget-loading', hidden: true }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading…');
  const header = h('header', { class: 'widget-head' }, h('h2', { class: 'widget-title', id: titleId }, head.title));
  const element = h('article', {
    class: `widget widget--${head.visualization}`,
    'aria-labelledby': titleId,
    dataset: { widget: head.slug, visualization: head.visualization },
  }, header, body, loading);

  let chart = null;
  let last = null;

  function destroyChart() {
    if (chart) {
      chart.destroy();
      chart = null;
    }
  }

  function setLoading(on) {
    element.setAttribute('aria-busy', on ? 'true' : 'false');
    element.classList.toggle('is-loading', on);
    loading.hidden = !on;
  }

  function render(result) {
    last = result;
    destroyChart();
    clear(body);
    element.classList.remove('has-error');
    if (result.error) {
      element.classList.add('has-error');
      body.append(h('div', { class: 'widget-error' },
        h('p', {}, result.error.message || 'This widget could not be loaded.'),
        h('p', { class: 'muted' }, 'The other widgets are not affected. Error code: ', result.error.error_code || 'unknown')));
      return;
    }
    const columns = result.columns || [];
    const rows = result.rows || [];
    const kind = result.visualization || head.visualization;
    if (kind === 'number') {
      body.append(numberView(columns, rows));
    } else if (CHARTS.has(kind) && window.Chart) {
      const view = chartView(kind, head.title, columns, rows);
      body.append(view.element);
      chart = view.draw();
    } else {
      body.append(tableView(head.title, columns, rows, titleId));
    }
    if (result.truncated) {
      body.append(h('p', { class: 'muted widget-note' }, `Showing the first ${rows.length} rows.`));
    }
  }

  return {
    element,
    header,
    result: () => last,
    setLoading,
    render,
    rerender: () => { if (last) render(last); },
    destroy: destroyChart,
  };
}

function firstNumericColumn(columns, rows) {
  const byType = columns.findIndex((c) => c.type === 'number');
  if (byType >= 0) return byType;
  const row = rows[0] || [];
  const byValue = row.findIndex(isNumeric);
  return byValue >= 0 ? byValue : 0;
}

function numberView(columns, rows) {
  const index = firstNumericColumn(columns, rows);
  const raw = rows.length ? rows[0][index] : null;
  const caption = columns[index] ? humanize(columns[index].name) : '';
  return h('figure', { class: 'figure' },
    h('p', { class: 'figure-value' }, h('data', { value: raw === null ? '' : String(raw) }, raw === null ? '—' : formatNumber(raw))),
    caption ? h('figcaption', { class: 'figure-caption' }, caption) : null);
}

function tableView(title, columns, rows, titleId) {
  const numeric = columns.map((c) => c.type === 'number');
  const formats = columns.map((c, i) => columnFormat(rows.map((row) => row[i])));
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, title),
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null }, humanize(c.name))))),
    h('tbody', {}, rows.length
      ? rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', { class: numeric[i] ? 'num' : null }, formats[i](cell)))))
      : h('tr', {}, h('td', { colspan: Math.max(columns.length, 1), class: 'muted' }, 'No rows.'))));
  // Focusable so a keyboard can scroll a wide table on a narrow screen.
  return h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': titleId, tabindex: '0' }, table);
}

function palette() {
  const style = getComputedStyle(document.documentElement);
  const colors = [];
  for (let i = 1; i <= 6; i += 1) colors.push(style.getPropertyValue(`--chart-${i}`).trim() || '#2563eb');
  return {
    colors,
    text: style.getPropertyValue('--text-muted').trim() || '#4b5563',
    grid: style.getPropertyValue('--grid').trim() || '#e5e7eb',
    font: style.getPropertyValue('--font').trim() || 'system-ui, sans-serif',
  };
}

function chartView(kind, title, columns, rows) {
  const labelIndex = columns.findIndex((c) => c.type !== 'number');
  const valueIndexes = columns.map((c, i) => i).filter((i) => i !== labelIndex && columns[i].type === 'number');
  const labels = rows.map((row, r) => (labelIndex >= 0 ? formatCell(row[labelIndex]) : String(r + 1)));
  const series = (kind === 'pie' ? valueIndexes.slice(0, 1) : valueIndexes).map((i) => ({
    name: humanize(columns[i].name),
    data: rows.map((row) => (isNumeric(row[i]) ? Number(row[i]) : null)),
  }));
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${title}: ${kind} chart of ${series.map((s) => s.name).join(', ') || 'values'} over ${rows.length} ${rows.length === 1 ? 'item' : 'items'}. The data follows as a table.`,
  });
  const seriesFormats = series.map((s) => columnFormat(s.data));
  const dataTable = h('details', { class: 'chart-data' },
    h('summary', {}, 'Show data as a table'),
    h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, labelIndex >= 0 ? h('th', { scope: 'col' }, humanize(columns[labelIndex].name)) : h('th', { scope: 'col' }, '#'),
        series.map((s) => h('th', { scope: 'col', class: 'num' }, s.name)))),
      h('tbody', {}, labels.map((label, r) => h('tr', {}, h('th', { scope: 'row' }, label),
        series.map((s, k) => h('td', { class: 'num' }, seriesFormats[k](s.data[r]))))))));
  const box = h('div', { class: `chart-box chart-box--${kind}` }, canvas);
  const element = h('div', { class: 'chart' }, box, dataTable);

  function draw() {
    const p = palette();
    const pie = kind === 'pie';
    const datasets = series.map((s, i) => ({
      label: s.name,
      data: s.data,
      backgroundColor: pie ? s.data.map((_, j) => p.colors[j % p.colors.length]) : p.colors[i % p.colors.length],
      borderColor: pie ? 'transparent' : p.colors[i % p.colors.length],
      borderWidth: kind === 'line' ? 2 : 0,
      pointRadius: kind === 'line' ? 2 : undefined,
      tension: 0.25,
      maxBarThickness: 56,
    }));
    const axis = { ticks: { color: p.text, font: { family: p.font } }, grid: { color: p.grid } };
    return new window.Chart(canvas, {
      type: kind,
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: pie || datasets.length > 1, labels: { color: p.text, font: { family: p.font } } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatNumber(ctx.parsed.y ?? ctx.parsed)}` } },
        },
        scales: pie ? {} : {
          x: axis,
          y: { ...axis, beginAtZero: true, ticks: { ...axis.ticks, callback: (v) => formatCompact(v) } },
        },
      },
    });
  }

  return { element, draw };
}
