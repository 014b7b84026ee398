import { html, type SafeHtml } from "../html.js";
import { chartBlock, type ChartText, figuresTable, labelAxis, legend, svgFrame, valueAxis } from "./frame.js";
import { PLOT, round, valueScale, yOf } from "./scale.js";

export interface BarSeries {
  name: string;
  /** One per label. */
  values: readonly number[];
}

export interface BarChartInput extends ChartText {
  /** Stacked bottom to top in this order. */
  series: BarSeries[];
  labels: readonly string[];
  formatValue: (value: number) => string;
  /** The table gets a total column (the height of each bar). */
  totalName?: string;
}

/**
 * The fill of each series: the first solid, the others hatched in their colour, so stacked parts
 * stay apart in greyscale and for colour-blind readers. Patterns need ids, made unique per chart.
 */
function patternId(chartId: string, kind: number): string {
  return `${chartId}-fill-${kind}`;
}

function pattern(chartId: string, kind: number): SafeHtml {
  // A 45° hatch for the second series, a crossed one for the third.
  const cross = kind === 2 ? html`<line class="hatch-${kind}" x1="0" y1="3" x2="6" y2="3" stroke="currentColor" stroke-width="1.5"/>` : null;
  return html`<pattern id="${patternId(chartId, kind)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect class="pattern-bg" width="6" height="6" fill="none"/><line class="hatch-${kind}" x1="3" y1="0" x2="3" y2="6" stroke="currentColor" stroke-width="2.5"/>${cross}</pattern>`;
}

function fill(chartId: string, kind: number): SafeHtml {
  return kind === 0 ? html` class="bar bar-0" fill="currentColor"` : html` class="bar bar-${kind}" fill="url(#${patternId(chartId, kind)})"`;
}

/** A stacked bar chart as inline SVG, with its legend and a table of every value. Pure. */
export function renderBarChart(input: BarChartInput): SafeHtml {
  const { labels, series, formatValue, id } = input;
  const n = labels.length;
  const band = (PLOT.right - PLOT.left) / Math.max(1, n);
  const xOf = (i: number) => round(PLOT.left + band * (i + 0.5));
  const barWidth = round(band * 0.7);
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const scale = valueScale(Math.max(0, ...totals), { whole: true });
  const kinds = series.map((_, kind) => kind % 3);

  const bars = labels.map((_, i) => {
    let below = 0;
    const parts = series.map((s, k) => {
      const value = Math.max(0, s.values[i] ?? 0);
      if (value === 0) return null;
      const y0 = yOf(below, scale);
      below += value;
      const y1 = yOf(below, scale);
      return html`<rect${fill(id, kinds[k]!)} x="${round(xOf(i) - barWidth / 2)}" y="${y1}" width="${barWidth}" height="${round(y0 - y1)}" stroke-width="1"/>`;
    });
    return html`<g>${parts}</g>`;
  });

  const defs = kinds.filter((kind) => kind > 0).map((kind) => pattern(id, kind));
  const svg = svgFrame(input, defs.length > 0 ? defs : null, [valueAxis(scale, formatValue), labelAxis(labels, xOf), bars]);
  const key = legend(series.map((s, k) => ({ name: s.name, swatch: html`<rect${fill(id, kinds[k]!)} x="10" y="0" width="16" height="16"/>` })));
  const columns = [
    ...series.map((s) => ({ name: s.name, cells: labels.map((_, i) => formatValue(s.values[i] ?? 0)) })),
    ...(input.totalName ? [{ name: input.totalName, cells: totals.map(formatValue) }] : []),
  ];
  return chartBlock(svg, key, figuresTable(input, labels, columns));
}
