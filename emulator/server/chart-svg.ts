/**
 * An embedded chart drawn as SVG for the trial page, as Sheets would draw it: bars, columns,
 * lines, points or a pie from the chart's data (chart-data.ts), with its title, axis titles, ticks
 * and legend from its Google Charts options (as charts.ts keeps them). Hand-written SVG: the page
 * loads no chart library. Every text comes from the sheet, so all of it is escaped.
 */
import type { CellValue } from '../src/state';
import {
  chartData,
  chartOption,
  numberOf,
  PALETTE,
  safeColour,
  type ChartData,
  type ChartSpec,
} from './chart-data';

export interface ChartDrawing {
  width: number;
  height: number;
  /** The chart's title, '' when it has none: the page's alternative text. */
  title: string;
  svg: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sheets' size for a chart given none. */
const DEFAULT_SIZE = { width: 600, height: 371 };
const TEXT = '#222222';
const MUTED = '#5f6368';
const GRID = '#e0e0e0';
const SMALL = 11;

// ---- text ------------------------------------------------------------------------------------

/** Text for XML: markup characters escaped, and characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these, even escaped
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

const round = (n: number): number => Math.round(n * 10) / 10;
const width = (text: string, size: number): number => text.length * size * 0.56;

/** The text cut with an ellipsis to fit a width. */
function fit(text: string, max: number, size: number): string {
  if (width(text, size) <= max) return text;
  const keep = Math.floor(max / (size * 0.56)) - 1;
  return keep < 1 ? '' : `${text.slice(0, keep).trimEnd()}…`;
}

/** An element; numbers are rounded to tenths and every attribute value is escaped. */
function tag(name: string, attrs: Record<string, string | number | undefined>, inner = ''): string {
  const list = Object.entries(attrs).flatMap(([k, v]) =>
    v === undefined ? [] : [`${k}="${escapeXml(typeof v === 'number' ? String(round(v)) : v)}"`],
  );
  return `<${name}${list.map((a) => ` ${a}`).join('')}>${inner}</${name}>`;
}

interface TextStyle {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  rotate?: boolean;
  className?: string;
}

function label(x: number, y: number, text: string, style: TextStyle = {}): string {
  if (text === '') return '';
  return tag(
    'text',
    {
      x,
      y,
      'font-size': style.size ?? SMALL,
      fill: style.fill ?? MUTED,
      'text-anchor': style.anchor,
      transform: style.rotate ? `rotate(-90 ${round(x)} ${round(y)})` : undefined,
      class: style.className,
    },
    escapeXml(text),
  );
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return tag('line', { x1, y1, x2, y2, stroke });
}

function tooltip(parts: string[]): string {
  return tag('title', {}, escapeXml(parts.filter(Boolean).join(': ')));
}

function formatNumber(n: number): string {
  return Number(n.toPrecision(12)).toLocaleString('en-GB', { maximumFractionDigits: 10 });
}

// ---- scales, legend, axes ----------------------------------------------------------------------

interface Scale {
  lo: number;
  hi: number;
  ticks: number[];
}

/** Round tick values covering [min, max], or the view window the options set. */
function scale(found: number[], options: Record<string, unknown>, axis: string): Scale {
  const min = numberOf(chartOption(options, `${axis}.viewWindow.min`) as CellValue);
  const max = numberOf(chartOption(options, `${axis}.viewWindow.max`) as CellValue);
  let lo = min ?? Math.min(...found);
  let hi = max ?? Math.max(...found);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  if (lo > hi) [lo, hi] = [hi, lo];
  const raw = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  if (min === null) lo = Math.floor(lo / step + 1e-9) * step;
  if (max === null) hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return { lo, hi, ticks };
}

type Placement = 'right' | 'top' | 'bottom' | 'none';

function legendPlacement(
  options: Record<string, unknown>,
  entries: number,
  pie: boolean,
): Placement {
  const set = chartOption(options, 'legend.position') ?? chartOption(options, 'legend');
  if (set === 'none') return 'none';
  if (set === 'top' || set === 'in') return 'top';
  if (set === 'bottom') return 'bottom';
  if (typeof set === 'string') return 'right';
  return pie || entries > 1 ? 'right' : 'none';
}

/** Draws the legend and returns the room left for the plot. */
function legend(
  entries: { name: string; colour: string }[],
  placement: Placement,
  area: Box,
  out: string[],
): Box {
  if (placement === 'none' || entries.length === 0) return area;
  const key = (x: number, y: number, e: { name: string; colour: string }, room: number): void => {
    out.push(
      tag('rect', { class: 'legend-key', x, y: y - 9, width: 10, height: 10, fill: e.colour }),
      label(x + 15, y, fit(e.name, room - 15, SMALL), { fill: TEXT }),
    );
  };
  if (placement === 'right') {
    const w = Math.min(area.w * 0.3, Math.max(...entries.map((e) => width(e.name, SMALL))) + 30);
    const shown = entries.slice(0, Math.max(1, Math.floor(area.h / 18)));
    const top = area.y + Math.max(12, (area.h - shown.length * 18) / 2);
    shown.forEach((e, i) => key(area.x + area.w - w + 10, top + i * 18, e, w - 10));
    return { ...area, w: area.w - w };
  }
  const each = Math.min(area.w / entries.length, 160);
  const y = placement === 'top' ? area.y + 10 : area.y + area.h - 2;
  entries.forEach((e, i) => key(area.x + i * each, y, e, each - 8));
  return { ...area, y: placement === 'top' ? area.y + 22 : area.y, h: area.h - 22 };
}

/** Room for the axis titles, which are drawn at once: hAxis under the plot, vAxis on its left. */
function axisTitles(options: Record<string, unknown>, area: Box, out: string[]): Box {
  const h = typeof chartOption(options, 'hAxis.title') === 'string';
  const v = typeof chartOption(options, 'vAxis.title') === 'string';
  const hTitle = h ? String(chartOption(options, 'hAxis.title')) : '';
  const vTitle = v ? String(chartOption(options, 'vAxis.title')) : '';
  const inner = { x: area.x + (vTitle ? 20 : 0), y: area.y, w: area.w - (vTitle ? 20 : 0), h: 0 };
  inner.h = area.h - (hTitle ? 20 : 0);
  const style = { size: 12, anchor: 'middle', fill: TEXT, className: 'axis-title' } as const;
  out.push(label(inner.x + inner.w / 2, area.y + area.h - 4, fit(hTitle, inner.w, 12), style));
  out.push(
    label(area.x + 12, area.y + inner.h / 2, fit(vTitle, inner.h, 12), { ...style, rotate: true }),
  );
  return inner;
}

/** Gridlines and tick labels of a value axis along the plot's x ('h') or y ('v'). */
function valueAxis(s: Scale, plot: Box, along: 'h' | 'v', out: string[]): (n: number) => number {
  const at =
    along === 'h'
      ? (n: number) => plot.x + ((n - s.lo) / (s.hi - s.lo)) * plot.w
      : (n: number) => plot.y + plot.h - ((n - s.lo) / (s.hi - s.lo)) * plot.h;
  for (const t of s.ticks) {
    const p = at(t);
    const stroke = t === 0 ? '#9aa0a6' : GRID;
    if (along === 'h') {
      out.push(line(p, plot.y, p, plot.y + plot.h, stroke));
      out.push(
        label(p, plot.y + plot.h + 15, formatNumber(t), { anchor: 'middle', className: 'tick' }),
      );
    } else {
      out.push(line(plot.x, p, plot.x + plot.w, p, stroke));
      out.push(label(plot.x - 6, p + 4, formatNumber(t), { anchor: 'end', className: 'tick' }));
    }
  }
  return (n: number) => at(Math.min(s.hi, Math.max(s.lo, n)));
}

const tickRoom = (s: Scale): number =>
  Math.max(...s.ticks.map((t) => width(formatNumber(t), SMALL))) + 10;

// ---- the chart types -------------------------------------------------------------------------

const STACKED = [true, 'true', 'absolute', 'percent', 'relative'];

/** Bars (horizontal), columns and lines: categories along one axis, values along the other. */
function categoryChart(data: ChartData, box: Box, spec: ChartSpec, out: string[]): void {
  const { options, type } = spec;
  const horizontal = type === 'BAR';
  const bars = type !== 'LINE';
  const stacked = bars && STACKED.includes(chartOption(options, 'isStacked') as string);
  const n = data.categories.length;
  const found: number[] = bars ? [0] : [];
  for (let i = 0; i < n; i += 1) {
    const vs = data.series.map((s) => s.values[i]).filter((v): v is number => v != null);
    if (!stacked) found.push(...vs);
    else
      found.push(
        vs.reduce((a, v) => a + Math.max(v, 0), 0),
        vs.reduce((a, v) => a + Math.min(v, 0), 0),
      );
  }
  const s = scale(found, options, horizontal ? 'hAxis' : 'vAxis');
  const area = axisTitles(options, box, out);
  const longest = Math.max(...data.categories.map((c) => width(c, SMALL)));
  const catWidth = Math.min(area.w * 0.3, longest + 8);
  const left = horizontal ? catWidth + 8 : tickRoom(s);
  const plot = { x: area.x + left, y: area.y + 8, w: area.w - left - 8, h: area.h - 8 - 20 };
  if (plot.w < 10 || plot.h < 10) return;
  const pos = valueAxis(s, plot, horizontal ? 'h' : 'v', out);
  const band = (horizontal ? plot.h : plot.w) / n;
  const reversed = chartOption(options, `${horizontal ? 'vAxis' : 'hAxis'}.direction`) === -1;
  const centre = (i: number): number =>
    (horizontal ? plot.y : plot.x) + band * ((reversed ? n - 1 - i : i) + 0.5);

  // Long labels are cut short, and labels that would still overlap are thinned out.
  const every = Math.max(1, Math.ceil((horizontal ? 14 : Math.min(longest, 72) + 6) / band));
  data.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const style = { anchor: horizontal ? 'end' : 'middle', className: 'category' } as const;
    out.push(
      horizontal
        ? label(plot.x - 6, centre(i) + 4, fit(c, catWidth, SMALL), style)
        : label(centre(i), plot.y + plot.h + 15, fit(c, band * every - 4, SMALL), style),
    );
  });

  if (!bars) {
    for (const series of data.series) {
      // A missing value breaks the line.
      const runs: string[][] = [[]];
      series.values.forEach((v, i) => {
        if (v === null) runs.push([]);
        else runs[runs.length - 1]?.push(`${round(centre(i))},${round(pos(v))}`);
      });
      for (const run of runs.filter((r) => r.length > 0)) {
        const points = run.join(' ');
        out.push(
          tag('polyline', {
            class: 'line',
            points,
            fill: 'none',
            stroke: series.colour,
            'stroke-width': 2,
          }),
        );
      }
    }
    return;
  }
  const group = band * 0.62;
  const thick = stacked ? group : group / data.series.length;
  for (let i = 0; i < n; i += 1) {
    const sums = { up: 0, down: 0 };
    data.series.forEach((series, k) => {
      const v = series.values[i];
      if (v === null || v === undefined) return;
      const side = v >= 0 ? 'up' : 'down';
      const base = stacked ? sums[side] : 0;
      if (stacked) sums[side] += v;
      const [a, b] = [pos(base), pos(base + v)];
      const across = centre(i) - group / 2 + (stacked ? 0 : k * thick);
      const [x, y, w, h] = horizontal
        ? [Math.min(a, b), across, Math.abs(b - a), thick]
        : [across, Math.min(a, b), thick, Math.abs(b - a)];
      const tip = tooltip([data.categories[i] ?? '', series.name, formatNumber(v)]);
      out.push(tag('rect', { class: 'bar', x, y, width: w, height: h, fill: series.colour }, tip));
    });
  }
}

function scatterChart(
  data: ChartData,
  box: Box,
  options: Record<string, unknown>,
  out: string[],
): void {
  const points = data.series.flatMap((series) =>
    series.values.flatMap((y, i) => {
      const x = data.xs[i];
      return x == null || y === null ? [] : [{ x, y, series, i }];
    }),
  );
  const xs = scale(
    points.map((p) => p.x),
    options,
    'hAxis',
  );
  const ys = scale(
    points.map((p) => p.y),
    options,
    'vAxis',
  );
  const area = axisTitles(options, box, out);
  const left = tickRoom(ys);
  const plot = { x: area.x + left, y: area.y + 8, w: area.w - left - 12, h: area.h - 8 - 20 };
  if (plot.w < 10 || plot.h < 10) return;
  const px = valueAxis(xs, plot, 'h', out);
  const py = valueAxis(ys, plot, 'v', out);
  const r = (numberOf(chartOption(options, 'pointSize') as CellValue) ?? 7) / 2;
  for (const { x, y, series, i } of points) {
    if (x < xs.lo || x > xs.hi || y < ys.lo || y > ys.hi) continue;
    const tip = tooltip([data.categories[i] ?? '', series.name, formatNumber(y)]);
    out.push(tag('circle', { class: 'point', cx: px(x), cy: py(y), r, fill: series.colour }, tip));
  }
}

const sliceColour = (i: number): string => PALETTE[i % PALETTE.length] ?? '#4285f4';

/** A pie of the first series: one slice per category with a value above 0. */
function pieChart(data: ChartData, box: Box, out: string[]): void {
  const slices = (data.series[0]?.values ?? []).flatMap((v, i) =>
    v !== null && v > 0 ? [{ v, i }] : [],
  );
  const total = slices.reduce((a, s) => a + s.v, 0);
  const r = Math.min(box.w, box.h) / 2 - 6;
  const [cx, cy] = [box.x + box.w / 2, box.y + box.h / 2];
  if (total <= 0 || r < 5) return;
  const at = (angle: number, d = r): string =>
    `${round(cx + d * Math.cos(angle))},${round(cy + d * Math.sin(angle))}`;
  let angle = -Math.PI / 2;
  for (const { v, i } of slices) {
    const sweep = (v / total) * 2 * Math.PI;
    const tip = tooltip([data.categories[i] ?? '', formatNumber(v)]);
    const fill = sliceColour(i);
    const d = `M${round(cx)},${round(cy)} L${at(angle)} A${round(r)},${round(r)} 0 ${sweep > Math.PI ? 1 : 0} 1 ${at(angle + sweep)} Z`;
    out.push(
      slices.length === 1
        ? tag('circle', { class: 'slice', cx, cy, r, fill }, tip)
        : tag('path', { class: 'slice', d, fill, stroke: '#ffffff' }, tip),
    );
    if (sweep > 0.35) {
      const [x, y] = at(angle + sweep / 2, r * 0.65)
        .split(',')
        .map(Number);
      const percent = `${formatNumber(Math.round((v / total) * 1000) / 10)}%`;
      out.push(label(x ?? cx, (y ?? cy) + 4, percent, { anchor: 'middle', fill: '#ffffff' }));
    }
    angle += sweep;
  }
}

const DRAWN = ['BAR', 'COLUMN', 'COMBO', 'LINE', 'SCATTER', 'PIE'];

/** The chart as an SVG document, sized by its width and height options (Sheets' default else). */
export function chartSvg(spec: ChartSpec, values: CellValue[][], texts?: string[][]): ChartDrawing {
  const { options, type } = spec;
  const size = (key: 'width' | 'height'): number => {
    const set = numberOf(chartOption(options, key) as CellValue);
    return set !== null && set >= 50 && set <= 4000 ? Math.round(set) : DEFAULT_SIZE[key];
  };
  const [w, h] = [size('width'), size('height')];
  const titleOption = chartOption(options, 'title');
  const title = typeof titleOption === 'string' ? titleOption : '';
  const background =
    safeColour(chartOption(options, 'backgroundColor')) ??
    safeColour(chartOption(options, 'backgroundColor.fill')) ??
    '#ffffff';
  const data = chartData(spec, values, texts);
  const out = [tag('rect', { width: w, height: h, fill: background })];
  const titleColour = safeColour(chartOption(options, 'titleTextStyle.color')) ?? TEXT;
  const titleStyle = { size: 16, fill: titleColour, className: 'chart-title' };
  out.push(label(16, 28, fit(title, w - 32, 16), titleStyle));
  const box: Box = { x: 12, y: title ? 42 : 14, w: w - 24, h: h - (title ? 42 : 14) - 10 };
  const note = (text: string): number =>
    out.push(label(w / 2, h / 2, text, { size: 13, anchor: 'middle', className: 'no-data' }));
  if (!DRAWN.includes(type))
    note(`${type.toLowerCase().replace('_', ' ')} charts are not drawn in the trial`);
  else if (data.categories.length === 0 || data.series.length === 0) note('No data');
  else {
    const pie = type === 'PIE';
    const entries = pie
      ? data.categories.map((name, i) => ({ name, colour: sliceColour(i) }))
      : data.series;
    const plot = legend(entries, legendPlacement(options, entries.length, pie), box, out);
    if (type === 'SCATTER') scatterChart(data, plot, options, out);
    else if (pie) pieChart(data, plot, out);
    else categoryChart(data, plot, spec, out);
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Roboto, Arial, sans-serif">`,
    tooltip([title || 'Chart']),
    ...out.filter(Boolean),
    tag('rect', { width: w, height: h, fill: 'none', stroke: '#dadce0' }),
    '</svg>',
  ].join('');
  return { width: w, height: h, title, svg };
}
