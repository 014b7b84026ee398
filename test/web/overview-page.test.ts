import { describe, expect, it } from "vitest";
import { nextMilestoneText, renderOverviewPage } from "../../src/web/pages/overview-page.js";
import { overviewView, signedInChrome } from "./sample-views.js";

const chrome = signedInChrome("octo-org", [
  { label: "Dashboard", href: "/dashboard" },
  { label: "octo-org", href: null },
]);
const out = renderOverviewPage(chrome, overviewView);
/** The table rows of the body, one string each. */
const rows = () =>
  out
    .slice(out.indexOf("<tbody>"))
    .split("\n")
    .filter((line) => line.startsWith("<tr>"));

describe("renderOverviewPage", () => {
  it("has a captioned table with column and row headers", () => {
    expect(out).toContain(`<caption id="repositories-caption">Repositories of octo-org</caption>`);
    expect(out).toContain(
      `<thead><tr><th scope="col">Repository</th><th scope="col" class="num">Answered within goal (30 days)</th><th scope="col" class="num">Waiting now</th><th scope="col" class="num">Stars</th><th scope="col" class="num">Active members</th><th scope="col">Next milestone</th></tr></thead>`,
    );
    expect(out).toContain(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="repositories-caption">`);
    expect(rows()).toHaveLength(3);
  });

  it("shows one repository's figures with thousands separators, its link, its waits and next milestone", () => {
    expect(rows()[0]).toBe(
      `<tr><th scope="row"><a href="/dashboard/installations/7/repositories/octo-org/widget">octo-org/widget</a></th>` +
        `<td class="num">81%</td><td class="num">3 (1 over goal)</td><td class="num">12,345</td><td class="num">1,204</td>` +
        `<td>25,000 stars: 12,345 now, forecast Mar 12, 2027</td></tr>`,
    );
  });

  it("tags a private repository and shows a dash for a share not decided yet, and 'not growing'", () => {
    const row = rows()[1]!;
    expect(row).toContain(`octo-org/secret-sauce</a><span class="tag">private</span>`);
    expect(row).toContain(`<td class="num">—</td><td class="num">0</td><td class="num">412</td>`);
    expect(row).toContain("<td>1,000 stars: 412 now, not growing</td>");
  });

  it("says why a repository's figures are missing instead of showing its zeros", () => {
    expect(rows()[2]).toBe(
      `<tr><th scope="row"><a href="/dashboard/installations/7/repositories/octo-org/broken">octo-org/broken</a></th><td colspan="5">Figures unavailable: the database did not answer</td></tr>`,
    );
  });

  it("says when the figures were taken", () => {
    expect(out).toContain(`Figures as of <time datetime="2026-11-25T14:05:00.000Z">Nov 25, 2026, 14:05 UTC</time>`);
  });

  it("escapes a repository name", () => {
    const view = { ...overviewView, rows: [{ ...overviewView.rows[0]!, fullName: `o/<img src=x onerror=alert(1)>` }] };
    const page = renderOverviewPage(chrome, view);
    expect(page).toContain("o/&lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toContain("<img");
  });

  it("has an empty state when the installation has no repository to show", () => {
    const page = renderOverviewPage(chrome, { ...overviewView, rows: [] });
    expect(page).toContain(`<p class="empty">Steward is installed on no repository of octo-org that you can see.</p>`);
    expect(page).not.toContain("<table");
  });

  it("words each metric's milestone", () => {
    expect(nextMilestoneText({ metric: "activeMembers", current: 1, next: 100, forecast: null })).toBe("100 active members: 1 now, not growing");
    expect(nextMilestoneText({ metric: "mrr", current: 4_200, next: 10_000, forecast: new Date("2027-01-05T00:00:00Z") })).toBe(
      "10,000 USD MRR: 4,200 now, forecast Jan 5, 2027",
    );
  });
});
