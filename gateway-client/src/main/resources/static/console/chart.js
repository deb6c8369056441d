// A small line chart in inline SVG: one line per series over shared x labels. Colors come from console.css classes
// (the CSP allows no inline style); the chart has a title and a text description for screen readers, and the page
// shows the same numbers in a table.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * series: [{name, values: {label: number}}]; labels: the x axis in order. Returns an <svg> element.
 */
export function lineChart(title, labels, series, width = 640, height = 240) {
  const pad = { left: 48, right: 16, top: 16, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  let max = 0;
  for (const s of series) {
    for (const v of Object.values(s.values)) {
      max = Math.max(max, v);
    }
  }
  max = max || 1;
  const x = i => pad.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = v => pad.top + plotH - (v * plotH) / max;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc',
    class: 'chart' });
  root.append(svg('title', { id: 'chart-title' }, title));
  root.append(svg('desc', { id: 'chart-desc' }, series.map(s => s.name + ': '
    + labels.map(l => l + ' ' + (s.values[l] || 0)).join(', ')).join('; ') || 'No conversions yet.'));
  root.append(svg('line', { x1: pad.left, y1: pad.top + plotH, x2: pad.left + plotW, y2: pad.top + plotH,
    class: 'axis' }));
  root.append(svg('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: pad.top + plotH, class: 'axis' }));
  root.append(svg('text', { x: pad.left - 6, y: pad.top + 4, 'text-anchor': 'end', class: 'tick' }, String(max)));
  root.append(svg('text', { x: pad.left - 6, y: pad.top + plotH, 'text-anchor': 'end', class: 'tick' }, '0'));
  const step = Math.max(1, Math.ceil(labels.length / 6));
  labels.forEach((label, i) => {
    if (i % step === 0 || i === labels.length - 1) {
      root.append(svg('text', { x: x(i), y: height - pad.bottom + 16, 'text-anchor': 'middle', class: 'tick' },
        label.length > 10 ? label.substring(11) : label));
    }
  });
  series.forEach((s, n) => {
    const points = labels.map((l, i) => `${x(i)},${y(s.values[l] || 0)}`).join(' ');
    root.append(svg('polyline', { points, class: `series series-${n % 4}`, fill: 'none' }));
    labels.forEach((l, i) => {
      if (s.values[l]) {
        root.append(svg('circle', { cx: x(i), cy: y(s.values[l]), r: 3.5, class: `dot series-${n % 4}` }));
      }
    });
    root.append(svg('text', { x: pad.left + 8 + n * 150, y: height - 6, class: `legend series-${n % 4}` },
      '\u25A0 ' + s.name));
  });
  return root;
}
