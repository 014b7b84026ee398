import { describe, expect, it } from "vitest";
import { renderLineChart, segments, type LineChartInput } from "../../src/web/charts/line-chart.js";
import { PLOT, valueScale } from "../../src/web/charts/scale.js";

const H = 3_600_000;
const base: LineChartInput = {
  id: "t",
  title: "Response <times>",
  description: `Weekly "median" & p90`,
  labels: ["W1", "W2", "W3", "W4", "W5"],
  series: [{ name: "Median", points: [0, 50, 100, 25, 75] }],
  formatValue: (v) => `${v}u`,
};

/** Every `<tag …>` of a kind, as attribute maps. */
function elements(markup: string, tag: string): Array<Record<string, string>> {
  return [...markup.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}
const seriesPaths = (markup: string, kind = 0) => elements(markup, "path").filter((p) => p.class === `line line-${kind}`);
/** The chart's own SVG, without the legend's small ones. */
const plot = (markup: string) => markup.slice(markup.indexOf("<svg"), markup.indexOf("</svg>"));

describe("renderLineChart", () => {
  it("is an image named by its title and described by its desc, with ids from the chart's id", () => {
    const out = renderLineChart(base).value;
    expect(out).toContain(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 280" role="img" aria-labelledby="t-title" aria-describedby="t-desc">`,
    );
    expect(out).toContain(`<title id="t-title">Response &lt;times&gt;</title>`);
    expect(out).toContain(`<desc id="t-desc">Weekly &quot;median&quot; &amp; p90</desc>`);
    const other = renderLineChart({ ...base, id: "u" }).value;
    const ids = (markup: string) => [...markup.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids(out).filter((id) => ids(other).includes(id))).toEqual([]);
  });

  it("puts the largest value on the top edge of the plot and 0 on the bottom edge, first and last label at the sides", () => {
    const circles = elements(plot(renderLineChart(base).value), "circle");
    expect(circles.map((c) => [Number(c.cx), Number(c.cy)])).toEqual([
      [PLOT.left, PLOT.bottom],
      [PLOT.left + (PLOT.right - PLOT.left) / 4, (PLOT.top + PLOT.bottom) / 2],
      [(PLOT.left + PLOT.right) / 2, PLOT.top],
      [PLOT.left + ((PLOT.right - PLOT.left) * 3) / 4, PLOT.bottom - (PLOT.bottom - PLOT.top) / 4],
      [PLOT.right, PLOT.top + (PLOT.bottom - PLOT.top) / 4],
    ]);
  });

  it("breaks the line where a point is null: one path per run, and a lone point as a marker only", () => {
    const gapped = renderLineChart({ ...base, series: [{ name: "Median", points: [1, 2, null, 4, 5] }] }).value;
    const paths = seriesPaths(plot(gapped));
    expect(paths).toHaveLength(2);
    for (const p of paths) expect(p.d).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    const lone = renderLineChart({ ...base, series: [{ name: "Median", points: [1, null, 3, null, 5] }] }).value;
    expect(seriesPaths(plot(lone))).toHaveLength(0);
    expect(elements(plot(lone), "circle")).toHaveLength(3);
    expect(segments([null, 1, 2, null, null, 3], 6)).toEqual([
      [
        { index: 1, value: 1 },
        { index: 2, value: 2 },
      ],
      [{ index: 5, value: 3 }],
    ]);
  });

  it("draws the reference line at its value, labelled, and widens the scale to show it", () => {
    const out = renderLineChart({
      ...base,
      series: [{ name: "Median", points: [1, 2, 3, 4, 5] }],
      referenceLine: { value: 100, label: "Goal: 24h" },
    }).value;
    const line = elements(plot(out), "line").find((l) => l.class === "reference")!;
    expect([Number(line.y1), Number(line.y2)]).toEqual([PLOT.top, PLOT.top]);
    expect([Number(line.x1), Number(line.x2)]).toEqual([PLOT.left, PLOT.right]);
    expect(out).toMatch(/<text class="reference-label"[^>]*>Goal: 24h<\/text>/);
    expect(out).toMatch(/<li><svg[^>]*>.*class="reference".*<\/svg>Goal: 24h<\/li>/);
    const half = renderLineChart({ ...base, referenceLine: { value: 50, label: "Half" } }).value;
    expect(Number(elements(plot(half), "line").find((l) => l.class === "reference")!.y1)).toBe((PLOT.top + PLOT.bottom) / 2);
  });

  it("tells the series apart by dash pattern and marker shape, and names them in the legend", () => {
    const out = renderLineChart({
      ...base,
      series: [
        { name: "Median (p50)", points: [1, 2, 3, 4, 5] },
        { name: "p90", points: [2, 4, 6, 8, 10] },
      ],
    }).value;
    expect(seriesPaths(plot(out), 0)[0]!["stroke-dasharray"]).toBeUndefined();
    expect(seriesPaths(plot(out), 1)[0]!["stroke-dasharray"]).toBe("8 5");
    expect(elements(plot(out), "circle")).toHaveLength(5);
    expect(elements(plot(out), "rect").filter((r) => r.class === "marker-1")).toHaveLength(5);
    expect(out).toMatch(/<ul class="legend"><li><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>Median \(p50\)<\/li><li><svg.*<\/svg>p90<\/li><\/ul>/);
  });

  it("labels every fourth of 26 weeks and the value axis in round steps of the unit", () => {
    const labels = Array.from({ length: 26 }, (_, i) => `2026-W${23 + i}`);
    const out = renderLineChart({
      ...base,
      labels,
      series: [{ name: "p90", points: labels.map((_, i) => i * H) }],
      unit: H,
      formatValue: (v) => `${v / H}h`,
    }).value;
    const xLabels = [...out.matchAll(/<text [^>]*text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(xLabels).toEqual(["2026-W23", "2026-W27", "2026-W31", "2026-W35", "2026-W39", "2026-W43", "2026-W47"]);
    const yLabels = [...out.matchAll(/<text [^>]*text-anchor="end" dominant-baseline="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(yLabels).toEqual(["0h", "10h", "20h", "30h"]);
  });

  it("follows the chart with a table of every point, a missing one shown as a dash", () => {
    const out = renderLineChart({
      ...base,
      labelHeading: "Week",
      series: [{ name: "Median", points: [1, null, 3, 4, 5] }],
      extraColumns: [{ name: "Responses", cells: ["1", "0", "3", "4", "5"] }],
    }).value;
    expect(out).toContain("<details>\n<summary>The figures as a table</summary>");
    expect(out).toContain(`<caption id="t-table-caption">Response &lt;times&gt;: the figures</caption>`);
    expect(out).toContain(
      `<thead><tr><th scope="col">Week</th><th scope="col" class="num">Median</th><th scope="col" class="num">Responses</th></tr></thead>`,
    );
    expect(out).toContain(`<tr><th scope="row">W2</th><td class="num">—</td><td class="num">0</td></tr>`);
    expect(out.match(/<th scope="row">/g)).toHaveLength(5);
  });

  it("takes its colours from the stylesheet by class, with currentColor where no stylesheet applies", () => {
    const out = renderLineChart(base).value;
    expect(out).not.toMatch(/#[0-9a-f]{3,6}\b/i);
    expect(out).not.toContain("style=");
    expect(out).toContain(`class="line line-0"`);
  });

  it("draws an empty plot without dividing by zero", () => {
    const out = renderLineChart({ ...base, series: [{ name: "Median", points: [null, null, null, null, null] }] }).value;
    expect(out).not.toContain("NaN");
    expect(renderLineChart({ ...base, labels: ["only"], series: [{ name: "M", points: [0] }] }).value).not.toContain("NaN");
  });
});

describe("valueScale", () => {
  it("reaches the largest value in round steps", () => {
    expect(valueScale(100)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueScale(0.3)).toEqual({ top: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    expect(valueScale(7, { whole: true })).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(valueScale(3, { whole: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(valueScale(30 * H, { unit: H }).ticks).toEqual([0, 10 * H, 20 * H, 30 * H]);
    expect(valueScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });
});
