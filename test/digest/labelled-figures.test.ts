import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { funnelEntries } from "../../src/conversion/funnel.js";
import { conversionSection } from "../../src/digest/render/conversion.js";
import { milestoneLine, milestonesSection } from "../../src/digest/render/milestones.js";
import { renderDigest } from "../../src/digest/render-digest.js";
import type { ConversionFigures, MilestoneProgress } from "../../src/domain/figures.js";
import { fitBody } from "../../src/text/index.js";
import { sampleCommunity, sampleConversion, sampleDigestData } from "../fixtures/digest/sample-digest-data.js";

/** The text as a screen reader or a plain-text mail has it: the bar's code span left out. */
const withoutBars = (text: string) => text.replace(/ `[█░]+`/g, "");

describe("milestone progress, readable without the bar", () => {
  const stars: MilestoneProgress = {
    metric: "stars",
    current: 426,
    previous: 100,
    next: 1000,
    forecast: new Date("2027-04-09T00:00:00Z"),
    crossed: [],
  };

  it("names the metric and gives its value against the threshold, the bar's share in figures", () => {
    expect(milestoneLine(stars)).toBe("- **Stars:** 426 / 1,000 `████░░░░░░` 42%, forecast Apr 9, 2027");
    expect(withoutBars(milestoneLine(stars))).toBe("- **Stars:** 426 / 1,000 42%, forecast Apr 9, 2027");
  });

  it("measures the bar and the share alike, and never rounds up to a milestone not reached", () => {
    expect(milestoneLine({ ...stars, current: 999, forecast: null })).toBe("- **Stars:** 999 / 1,000 `█████████░` 99%, not growing yet");
    expect(milestoneLine({ ...stars, metric: "mrr", current: 0, previous: 0 })).toMatch(/^- \*\*MRR \(USD\):\*\* 0 \/ 1,000 `░{10}` 0%/);
  });

  it("says when every milestone is reached, and which was the last", () => {
    expect(withoutBars(milestoneLine({ ...stars, current: 12_400, previous: 10_000, next: null, forecast: null }))).toBe(
      "- **Stars:** 12,400 every milestone reached (the last: 10,000)",
    );
  });

  it("labels every metric of the section", () => {
    const section = fitBody({ head: "", sections: [milestonesSection({ status: "ok", current: sampleCommunity(), previous: null }, true)] });
    expect(
      withoutBars(section)
        .split("\n")
        .filter((l) => l.startsWith("- ")),
    ).toEqual([
      "- **Stars:** 733 / 1,000 73%, forecast Feb 14, 2027",
      "- **Contributors:** 12 / 50 24%, not growing yet",
      "- **Active members:** 42 / 100 42%, not growing yet",
      "- **MRR (USD):** 500 / 1,000 50%, not growing yet",
    ]);
  });
});

describe("the conversion funnel's rates name their base", () => {
  /** 200 stargazers, 40 participants, 10 contributors, 1 lead who never contributed. */
  const funnel = funnelEntries([
    ["stargazers", 200],
    ["participants", 40],
    ["contributors", 10],
    ["leads", 1],
    ["customers", 0],
  ]);
  const conversion: ConversionFigures = { ...sampleConversion, funnel, leadsTotal: 1, customers: 0 };
  const render = () =>
    fitBody({ head: "", sections: [conversionSection({ status: "ok", current: conversion, previous: null }, false, () => "shown")] });

  it("compares a lead who is no contributor with the participants, not as 10% of the contributors", () => {
    expect(funnel.find((f) => f.stage === "leads")).toMatchObject({ base: "participants", rate: 1 / 40, rateFromPrevious: 1 / 10 });
    const body = render();
    expect(body).toContain("| Enterprise leads | 1 | 2.5% as many as participants |");
    expect(body).not.toMatch(/\| 10% \|/);
    expect(body).not.toContain("From previous stage");
  });

  it("names the base of every rate, and says the stages are not nested", () => {
    const rows = render()
      .split("\n")
      .filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith("| Stage"));
    expect(rows).toEqual([
      "| Stargazers and forkers | 200 |  |",
      "| Participants | 40 | 20% as many as stargazers and forkers |",
      "| Contributors | 10 | 25% as many as participants |",
      "| Enterprise leads | 1 | 2.5% as many as participants |",
      "| Customers | 0 | 0% as many as enterprise leads |",
    ]);
    expect(render()).toContain("a lead need not be a contributor");
  });

  it("gives no rate against an empty base", () => {
    expect(
      funnelEntries([
        ["stargazers", 0],
        ["participants", 3],
      ])[1],
    ).toMatchObject({ rate: null, rateFromPrevious: null });
  });

  it("keeps the customers' rate out where their number may not be shown", () => {
    const body = renderDigest(sampleDigestData(defaultConfig));
    expect(body).toContain("| Customers | fewer than 3 |  |");
  });
});
