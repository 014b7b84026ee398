import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import type { RepositoryReport } from "../../src/report/build-report.js";
import { renderReportText } from "../../src/report/render-report-text.js";
import { sampleDigestData } from "../fixtures/digest/sample-digest-data.js";

/** Issue 14: `steward report` shows the duration figures and what still waits, as the digest does. */
describe("the report's response figures", () => {
  it("shows the duration table, each kind's goal and the waiting beside the percentiles", () => {
    const data = sampleDigestData();
    const current = data.response.status === "ok" ? data.response.current : null;
    const report: RepositoryReport = {
      repository: "acme/widget",
      ledger: { deliveries: 0, events: 0, firstEventAt: null, lastEventAt: null, eventsByKind: {} },
      items: { openIssues: 0, closedIssues: 0, openPullRequests: 0, closedPullRequests: 0 },
      config: null,
      period: { start: "2026-11-23T00:00:00.000Z", end: "2026-11-30T00:00:00.000Z" },
      configSource: "repository",
      response: { status: "ok", current: { ...current!, goalHoursByKind: { issues: 24, pullRequests: 4 } }, previous: null },
      contributors: data.contributors,
      community: data.community,
      conversion: data.conversion,
      health: data.health,
    };
    const text = renderReportText(report, defaultConfig);
    expect(text).toContain("- **Within the goal (issues 24h, pull requests 4h):** 80%");
    expect(text).toContain("- **p90 of answered items:** 30h; 2 still waiting (1 past the goal), longest 30h");
    expect(text).toContain("| Community items, this week | Median | p90 | Average | Items |");
    expect(text).toContain("| Merge of a PR, from ready for review | 26h | 2d 2h | 26h | 2 |");
  });
});
