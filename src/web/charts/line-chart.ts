import { html, type SafeHtml } from "../html.js";
import { chartBlock, type ChartText, figuresTable, labelAxis, legend, svgFrame, valueAxis } from "./frame.js";
import { PLOT, round, valueScale, yOf } from "./scale.js";

export interface LineSeries {
  name: string;
  /** One per label; null where there is no value (drawn as a gap, not as zero). */
  points: ReadonlyArray<number | null>;
}

export interface LineChartInput extends ChartText {
  series: LineSeries[];
  labels: readonly string[];
  formatValue: (value: number) => string;
  /** A horizontal line across the plot, e.g. the response goal. */
  referenceLine?: { value: number; label: string };
  /** The value axis steps in multiples of this (e.g. one hour for durations); 1 by default. */
  unit?: number;
  /** More columns for the table only, e.g. the sample size behind each point. */
  extraColumns?: Array<{ name: string; cells: readonly string[] }>;
  /** The table's text for a missing point; "—" by default. */
  missing?: string;
}

/** Told apart by dash pattern and marker shape as well as colour (WCAG 1.4.1). */
const DASHES = [null, "8 5", "2 4"] as const;

function marker(kind: number, x: number, y: number): SafeHtml {
  const cls = `marker-${kind}`;
  if (kind === 1) return html`<rect class="${cls}" x="${round(x - 3.5)}" y="${round(y - 3.5)}" width="7" height="7" fill="currentColor"/>`;
  if (kind === 2) {
    const d = `M${round(x)} ${round(y - 4.5)}L${round(x + 4.5)} ${round(y + 3.5)}L${round(x - 4.5)} ${round(y + 3.5)}Z`;
    return html`<path class="${cls}" d="${d}" fill="currentColor"/>`;
  }
  return html`<circle class="${cls}" cx="${round(x)}" cy="${round(y)}" r="3.5" fill="currentColor"/>`;
}

function line(kind: number, d: string): SafeHtml {
  const dash = DASHES[kind];
  return html`<path class="line line-${kind}" d="${d}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"${dash ? html` stroke-dasharray="${dash}"` : null}/>`;
}

/**
 * The runs of consecutive points with a value, one path each: a week without a value breaks the
 * line rather than being drawn as zero or bridged as if it were known.
 */
export function segments(points: ReadonlyArray<number | null>, count: number): Array<Array<{ index: number; value: number }>> {
  const runs: Array<Array<{ index: number; value: number }>> = [];
  let current: Array<{ index: number; value: number }> = [];
  for (let index = 0; index < count; index++) {
    const value = points[index] ?? null;
    if (value === null || !Number.isFinite(value)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push({ index, value });
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * A line chart as inline SVG, followed by its legend and a table of every point. Pure: the same
 * input gives the same markup. Colours come from the stylesheet's custom properties by class, so
 * the chart follows the light or dark scheme.
 */
export function renderLineChart(input: LineChartInput): SafeHtml {
  const { labels, series, formatValue } = input;
  const n = labels.length;
  const xOf = (i: number) => round(n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((PLOT.right - PLOT.left) * i) / (n - 1));
  const values = series.flatMap((s) => s.points.slice(0, n).filter((v): v is number => v !== null && Number.isFinite(v)));
  const scale = valueScale(Math.max(0, ...values, input.referenceLine?.value ?? 0), { unit: input.unit ?? 1 });

  const drawn = series.map((s, kind) => {
    const runs = segments(s.points, n);
    const paths = runs
      .filter((run) => run.length > 1)
      .map((run) => line(kind % 3, run.map((p, i) => `${i === 0 ? "M" : "L"}${xOf(p.index)} ${yOf(p.value, scale)}`).join("")));
    const markers = runs.flat().map((p) => marker(kind % 3, xOf(p.index), yOf(p.value, scale)));
    return html`<g class="series">${paths}${markers}</g>`;
  });

  const ref = input.referenceLine;
  const reference =
    ref &&
    html`<g class="reference-line"><line class="reference" x1="${PLOT.left}" x2="${PLOT.right}" y1="${yOf(ref.value, scale)}" y2="${yOf(ref.value, scale)}" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 3"/>
<text class="reference-label" x="${PLOT.right}" y="${round(yOf(ref.value, scale) - 6)}" text-anchor="end">${ref.label}</text></g>`;

  const svg = svgFrame(input, null, [valueAxis(scale, formatValue), labelAxis(labels, xOf), reference, drawn]);
  const key = legend([
    ...series.map((s, kind) => ({
      name: s.name,
      swatch: html`${line(kind % 3, "M2 8L34 8")}${marker(kind % 3, 18, 8)}`,
    })),
    ...(ref
      ? [
          {
            name: ref.label,
            swatch: html`<line class="reference" x1="2" x2="34" y1="8" y2="8" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 3"/>`,
          },
        ]
      : []),
  ]);
  const missing = input.missing ?? "—";
  const columns = [
    ...series.map((s) => ({
      name: s.name,
      cells: labels.map((_, i) => {
        const value = s.points[i] ?? null;
        return value === null || !Number.isFinite(value) ? missing : formatValue(value);
      }),
    })),
    ...(input.extraColumns ?? []),
  ];
  return chartBlock(svg, key, figuresTable(input, labels, columns));
}
