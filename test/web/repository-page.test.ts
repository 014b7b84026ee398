import { describe, expect, it } from "vitest";
import { renderRepositoryPage } from "../../src/web/pages/repository-page.js";
import { emptyRepositoryView, repositoryView, signedInChrome } from "./sample-views.js";

const chrome = signedInChrome("octo-org/widget", [
  { label: "Dashboard", href: "/dashboard" },
  { label: "octo-org", href: "/dashboard/installations/7" },
  { label: "widget", href: null },
]);
const full = renderRepositoryPage(chrome, repositoryView());
const bare = renderRepositoryPage(chrome, emptyRepositoryView());

/** The markup of one `<section id>`. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf("</section>", start));
}

describe("renderRepositoryPage", () => {
  it("has one labelled section per topic, in order, with a contents list linking to each", () => {
    const ids = [...full.matchAll(/<section id="([^"]+)" aria-labelledby="\1-heading">\n<h2 id="\1-heading">([^<]+)<\/h2>/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(ids).toEqual([
      "problems:Problems",
      "response:Response",
      "waiting:Waiting now",
      "contributors:Contributors",
      "milestones:Milestones",
      "funnel:Conversion funnel",
      "leads:Leads",
      "customers:Customers",
    ]);
    for (const id of ["problems", "response", "waiting", "leads"]) expect(full).toContain(`<a href="#${id}">`);
    expect(full).toContain(`<nav class="toc" aria-label="Sections of this page">`);
  });

  it("links to the repository on GitHub and says when the figures were taken", () => {
    expect(full).toContain(`<a href="https://github.com/octo-org/widget">octo-org/widget on GitHub</a>`);
    expect(full).toContain(`<time datetime="2026-11-25T14:05:00.000Z">Nov 25, 2026, 14:05 UTC</time>`);
    expect(bare).toContain(`octo-org/widget on GitHub</a><span class="tag">private</span>`);
  });

  it("shows the last 30 days' response figures in the digest's formats", () => {
    const response = sectionOf(full, "response");
    expect(response).toContain("<dt>Community items opened</dt><dd>1,234</dd>");
    expect(response).toContain("<dt>Answered within the 24h goal</dt><dd>80%</dd>");
    expect(response).toContain("<dt>Median first response</dt><dd>3h 12m</dd>");
    expect(response).toContain("<dt>90th percentile</dt><dd>30h</dd>");
  });

  it("charts 26 weeks of p50 and p90 with the goal as a reference line, and the figures as a table", () => {
    const response = sectionOf(full, "response");
    expect(response).toContain(`<title id="response-chart-title">Time to first response per week</title>`);
    expect(response).toMatch(
      /<desc id="response-chart-desc">Median and 90th percentile time to first response per week, 2026-W23 to 2026-W48, against the 24h goal\. In 2026-W48: median 2h, p90 35h, over 4 first responses\./,
    );
    expect(response).toMatch(/<text class="reference-label"[^>]*>Goal: 24h<\/text>/);
    expect(response).toContain("<summary>The figures as a table</summary>");
    expect(response.match(/<tr><th scope="row">2026-W\d\d<\/th>/g)).toHaveLength(26);
    // Week 2026-W28 had no response: a dash in the table and a gap in the line.
    expect(response).toContain(`<tr><th scope="row">2026-W28</th><td class="num">—</td><td class="num">—</td><td class="num">0</td></tr>`);
    expect(response.match(/<path class="line line-0"/g)!.length).toBeGreaterThan(1);
  });

  it("lists who waits, the item linked as '#n title', its kind, and the stage in words", () => {
    const waiting = sectionOf(full, "waiting");
    expect(waiting).toContain(`<caption id="waiting-table-caption">3 waiting for a first response, 1 over the goal; longest wait first</caption>`);
    expect(waiting).toContain(
      `<tr><th scope="row"><a href="https://github.com/octo-org/widget/issues/41">#41 Crash on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</a></th>` +
        `<td>Issue</td><td>newbie</td><td class="num">30h</td><td><span class="stage stage-over-goal">over goal</span></td></tr>`,
    );
    expect(waiting).toContain(
      `<td>Pull request</td><td>dana</td><td class="num">20h</td><td><span class="stage stage-due-soon">due soon</span></td>`,
    );
    expect(waiting).toContain(`#45 Question about &#39;config&#39;</a>`);
    expect(full).not.toContain("<script>");
  });

  it("shows the contributors, a chart of new and returning per week, and the newcomers", () => {
    const contributors = sectionOf(full, "contributors");
    expect(contributors).toContain("The project has <strong>1,042 contributors</strong>.");
    expect(contributors).toContain(`<title id="contributors-chart-title">New and returning contributors per week</title>`);
    expect(contributors).toContain(`<pattern id="contributors-chart-fill-1"`);
    expect(contributors).toContain(
      `<li><strong>eve</strong>, contributor #1,042, <time datetime="2026-11-24T10:00:00.000Z">Nov 24, 2026</time></li>`,
    );
    expect(contributors).toContain("<li><strong>dana&lt;b&gt;</strong>, <time");
    expect(contributors).not.toContain("history is not yet known");
  });

  it("shows each milestone as figures, a named progress bar, the forecast and the thresholds crossed", () => {
    const milestones = sectionOf(full, "milestones");
    expect(milestones).toContain(`<h3 id="milestone-stars">Stars</h3><p>12,345 of 25,000 (49%)</p>`);
    expect(milestones).toContain(`<progress max="25000" value="12345" aria-label="Stars: 12,345 of 25,000 (49%)">49%</progress>`);
    expect(milestones).toContain(`Forecast: <time datetime="2027-03-12T00:00:00.000Z">Mar 12, 2027</time>, at the recent pace.`);
    expect(milestones).toContain(
      `Crossed: 1,000 on <time datetime="2025-01-02T00:00:00.000Z">Jan 2, 2025</time>, 10,000 on <time datetime="2026-06-30T00:00:00.000Z">Jun 30, 2026</time>.`,
    );
    expect(milestones).toContain("Not growing at the moment, so no forecast.");
    expect(milestones).toContain('<h3 id="milestone-mrr">MRR (USD)</h3><p>4,000: every milestone reached (the last: 1,000).</p>');
  });

  it("shows the funnel with rates that name their base", () => {
    const funnel = sectionOf(full, "funnel");
    expect(funnel).toContain(`<tr><th scope="row">Stargazers and forkers</th><td class="num">12,400</td><td>—</td></tr>`);
    expect(funnel).toContain(`<tr><th scope="row">Participants</th><td class="num">900</td><td>7.3% as many as stargazers and forkers</td></tr>`);
    expect(funnel).toContain(`<tr><th scope="row">Enterprise leads</th><td class="num">3</td><td>0.3% as many as participants</td></tr>`);
  });

  it("lists the leads with their signals and item, escaped, and offers the CSV", () => {
    const leads = sectionOf(full, "leads");
    expect(leads).toContain(`<a href="/dashboard/installations/7/repositories/octo-org/widget/leads.csv" download>Download CSV of all leads</a>`);
    expect(leads).toContain(
      `<tr><th scope="row">cto-bob</th><td>=HYPERLINK(&quot;http://evil&quot;)</td><td>enterprise, SSO</td><td class="num">4</td>` +
        `<td><time datetime="2026-11-20T09:30:00.000Z">Nov 20, 2026</time></td><td>open</td><td><a href="https://github.com/octo-org/widget/issues/34">#34</a></td></tr>`,
    );
    expect(leads).toContain(`<tr><th scope="row">buyer</th><td>—</td><td>on-prem</td><td class="num">1</td>`);
    expect(leads).toContain(`<td>converted</td><td>—</td></tr>`);
  });

  it("lists the customers with their MRR in dollars and the total", () => {
    const customers = sectionOf(full, "customers");
    expect(customers).toContain(`<caption id="customers-table-caption">2 customers, 4,000.50 USD MRR in all</caption>`);
    expect(customers).toContain(
      `<tr><th scope="row">Acme &amp; Sons</th><td>Enterprise</td><td class="num">2,500</td><td><time datetime="2026-02-01T00:00:00.000Z">Feb 1, 2026</time></td></tr>`,
    );
    expect(customers).toContain(`<td class="num">1,500.50</td>`);
  });

  it("lists the problems first", () => {
    expect(sectionOf(full, "problems")).toContain("<li>The stars history is still being read (backfill 40% done).</li>");
    expect(full.indexOf(`<section id="problems"`)).toBeLessThan(full.indexOf(`<section id="response"`));
  });

  it("has an empty state in every section of a repository with nothing yet, and no problems section", () => {
    expect(bare).not.toContain(`<section id="problems"`);
    expect(bare).not.toContain(`href="#problems"`);
    const says = (id: string, text: string) => expect(sectionOf(bare, id)).toContain(text);
    says("response", "<dd>—</dd>");
    says("response", "No first responses in the last 26 weeks, so there is no chart yet.");
    says("waiting", `<p class="empty">Nobody is waiting for a first response.</p>`);
    says("contributors", "No contributions in the last 26 weeks, so there is no chart yet.");
    says("contributors", "Nobody contributed for the first time in the last 30 days.");
    says("contributors", "The project's history is not yet known");
    says("contributors", "<strong>0 contributors</strong> known to Steward so far.");
    says("milestones", "No milestones are configured for this repository.");
    says("funnel", "No conversion figures yet.");
    says("leads", "No leads yet.");
    says("customers", "No customers recorded yet.");
    expect(bare).not.toContain("<svg xmlns");
    expect(bare).not.toContain("leads.csv");
  });

  it("gives every id on the page once", () => {
    for (const page of [full, bare]) {
      const ids = [...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      // Every reference by id points at an element of the page.
      const refs = [...page.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)].flatMap((m) => m[1]!.split(" "));
      expect(refs.filter((ref) => !ids.includes(ref))).toEqual([]);
      const fills = [...page.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
      expect(fills.filter((ref) => !ids.includes(ref))).toEqual([]);
    }
  });
});
