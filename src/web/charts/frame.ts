import { html, type HtmlValue, type SafeHtml } from "../html.js";
import { labelEvery, PLOT, VIEW, yOf, type ValueScale } from "./scale.js";

/** What every chart is given besides its data. */
export interface ChartText {
  /** Unique on the page: the SVG's title, description and table ids derive from it. */
  id: string;
  title: string;
  /** One or two sentences of what the chart shows, read by screen readers as the image's description. */
  description: string;
  /** The heading of the table's first column, e.g. "Week". */
  labelHeading?: string;
}

/** Gridlines and value labels at each tick. */
export function valueAxis(scale: ValueScale, format: (value: number) => string): SafeHtml {
  const lines = scale.ticks.map((tick) => {
    const y = yOf(tick, scale);
    return html`<line class="${tick === 0 ? "axis" : "grid"}" x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}" stroke="currentColor" stroke-width="1"/>
<text x="${PLOT.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${format(tick)}</text>`;
  });
  return html`<g class="value-axis">${lines}</g>`;
}

/** Every few labels under the plot, at the x of their point or bar. */
export function labelAxis(labels: readonly string[], xOf: (index: number) => number): SafeHtml {
  const every = labelEvery(labels.length);
  const texts = labels.map((label, i) =>
    i % every === 0 ? html`<text x="${xOf(i)}" y="${PLOT.bottom + 24}" text-anchor="middle">${label}</text>` : null,
  );
  return html`<g class="label-axis">${texts}</g>`;
}

/**
 * The SVG itself: an image named by its `<title>` and described by its `<desc>`, scaling to the
 * container's width through its viewBox. The scrolling wrapper keeps axis text legible on a phone
 * (the SVG has a minimum width) and takes focus so a keyboard can scroll it.
 */
export function svgFrame(text: ChartText, defs: HtmlValue, content: HtmlValue): SafeHtml {
  return html`<div class="chart-scroll" role="region" tabindex="0" aria-labelledby="${text.id}-title">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${VIEW.height}" role="img" aria-labelledby="${text.id}-title" aria-describedby="${text.id}-desc">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${text.description}</desc>
${defs ? html`<defs>${defs}</defs>` : null}
${content}
</svg>
</div>`;
}

/** The legend: each series' name beside a sample of its line or fill, so colour is never the only cue. */
export function legend(items: Array<{ name: string; swatch: SafeHtml }>): SafeHtml {
  return html`<ul class="legend">${items.map(
    (item) =>
      html`<li><svg xmlns="http://www.w3.org/2000/svg" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true" focusable="false">${item.swatch}</svg>${item.name}</li>`,
  )}</ul>`;
}

/**
 * Every point as text, for anyone who cannot see the chart or wants the figures: captioned after the
 * chart (not with its exact title: the chart and the table are both named regions, and two regions
 * of one name cannot be told apart), one row per label, one column per series and any extra ones.
 */
export function figuresTable(text: ChartText, labels: readonly string[], columns: Array<{ name: string; cells: readonly string[] }>): SafeHtml {
  const head = columns.map((c) => html`<th scope="col" class="num">${c.name}</th>`);
  const rows = labels.map(
    (label, i) => html`<tr><th scope="row">${label}</th>${columns.map((c) => html`<td class="num">${c.cells[i] ?? ""}</td>`)}</tr>\n`,
  );
  return html`<details>
<summary>The figures as a table</summary>
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${text.id}-table-caption">
<table>
<caption id="${text.id}-table-caption">${text.title}: the figures</caption>
<thead><tr><th scope="col">${text.labelHeading ?? "Period"}</th>${head}</tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
</details>`;
}

/** The chart, its legend and its table, as one block. */
export function chartBlock(svg: SafeHtml, key: SafeHtml, table: SafeHtml): SafeHtml {
  return html`<div class="chart">
${svg}
${key}
${table}
</div>
`;
}
