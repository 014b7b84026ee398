import { describe, expect, it } from "vitest";
import { renderBarChart, type BarChartInput } from "../../src/web/charts/bar-chart.js";
import { PLOT } from "../../src/web/charts/scale.js";

const input: BarChartInput = {
  id: "c",
  title: "New and returning",
  description: "Per week",
  labels: ["W1", "W2", "W3"],
  series: [
    { name: "New", values: [1, 0, 2] },
    { name: "Returning", values: [2, 3, 0] },
  ],
  formatValue: String,
  totalName: "Total",
};

const bars = (markup: string) =>
  [
    ...markup
      .slice(0, markup.indexOf("</svg>"))
      .matchAll(/<rect class="bar bar-(\d)" fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g),
  ].map((m) => ({ kind: Number(m[1]), fill: m[2], x: Number(m[3]), y: Number(m[4]), width: Number(m[5]), height: Number(m[6]) }));

describe("renderBarChart", () => {
  it("stacks each label's values from the bottom, the tallest bar reaching the top of the plot", () => {
    const out = renderBarChart(input).value;
    const drawn = bars(out);
    // Zero values draw nothing: W2 has no "new" part and W3 no "returning" part.
    expect(drawn.map((b) => b.kind)).toEqual([0, 1, 1, 0]);
    const [w1New, w1Back, w2Back] = drawn;
    const third = (PLOT.bottom - PLOT.top) / 3;
    expect(w1New!.y + w1New!.height).toBeCloseTo(PLOT.bottom, 0);
    expect(w1New!.height).toBeCloseTo(third, 0);
    expect(w1Back!.y + w1Back!.height).toBeCloseTo(w1New!.y, 1);
    expect(w1Back!.y).toBeCloseTo(PLOT.top + 0, 0);
    expect(w2Back!.y).toBeCloseTo(PLOT.top, 0);
    expect(w2Back!.x).toBeGreaterThan(w1Back!.x);
  });

  it("hatches the second series with a pattern whose id is the chart's own", () => {
    const out = renderBarChart(input).value;
    expect(out).toContain(`<pattern id="c-fill-1"`);
    expect(
      bars(out)
        .filter((b) => b.kind === 1)
        .every((b) => b.fill === "url(#c-fill-1)"),
    ).toBe(true);
    expect(
      bars(out)
        .filter((b) => b.kind === 0)
        .every((b) => b.fill === "currentColor"),
    ).toBe(true);
    expect(renderBarChart({ ...input, id: "d" }).value).toContain(`<pattern id="d-fill-1"`);
  });

  it("is a named, described image with a legend and a table including the totals", () => {
    const out = renderBarChart(input).value;
    expect(out).toContain(`role="img" aria-labelledby="c-title" aria-describedby="c-desc"`);
    expect(out).toContain(`<title id="c-title">New and returning</title>`);
    expect(out).toMatch(/<li><svg[^>]*>.*<\/svg>New<\/li><li><svg[^>]*>.*url\(#c-fill-1\).*<\/svg>Returning<\/li>/);
    expect(out).toContain(`<tr><th scope="row">W1</th><td class="num">1</td><td class="num">2</td><td class="num">3</td></tr>`);
    expect(out).toContain(`<th scope="col" class="num">Total</th>`);
  });

  it("uses whole steps on the axis for counts", () => {
    const out = renderBarChart(input).value;
    const ticks = [...out.matchAll(/<text [^>]*dominant-baseline="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(["0", "1", "2", "3"]);
  });
});
