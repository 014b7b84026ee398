import { describe, expect, it } from "vitest";
import { defaultConfig, stewardConfigSchema } from "../../src/config/schema.js";
import { renderDigest } from "../../src/digest/render-digest.js";
import { GITHUB_BODY_LIMIT } from "../../src/text/index.js";
import { sampleDigestData, sampleResponse } from "../fixtures/digest/sample-digest-data.js";

describe("renderDigest", () => {
  it("renders every section of a full week", () => {
    expect(renderDigest(sampleDigestData())).toMatchInlineSnapshot(`
      "Steward's weekly look at the community of **acme/widget**, 2026-W48 (Nov 23 - Nov 29).

      ## At a glance

      | | Now | This week |
      |---|---:|---:|
      | Stars | 733 | +28 |
      | Forks | 61 | +1 |
      | Contributors | 12 | +2 |
      | Active members (30 days) | 42 | −3 |
      | Open community issues and PRs | 9 | ±0 |

      ## First responses

      - **Within the 24h goal:** 80% (4 of 5; items still waiting past the goal count as misses) (last week 50%)
      - **Median time to first response, of answered items:** 3h 12m (last week 5h)
      - **p90 of answered items:** 30h (last week 30h); 2 still waiting (1 past the goal), longest 30h
      - **Community items opened:** 6, 1 still within the goal
      - **Who answered first:** @​maintainer-ann 4, @​bob 1
      - ⚠️ @​maintainer-ann gave 4 of 5 first responses: worth sharing the load.

      | Community items, this week | Median | p90 | Average | Items |
      |---|---:|---:|---:|---:|
      | First response | 3h 12m | 30h | 9h 30m | 5 |
      | First review of a PR, from ready for review | 7h | 12h | 7h | 2 |
      | Merge of a PR, from ready for review | 26h | 2d 2h | 26h | 2 |
      | Close of an issue or PR, from opening | – | – | – | 0 |

      _Each row is over the items that reached its step this week (answered, first reviewed by a maintainer, merged, closed), wherever they were opened; first responses in clock time, as the goal counts it, the rest in calendar time._

      **Waiting now** (longest wait first):

      | Item | Title | Author | Waiting |
      |---|---|---|---:|
      | #41 | Crash when \\| pipes @​everyone &lt;b&gt; | @​newbie | 30h ⏰ |
      | #44 | Fix typo | @​dana | 2h |

      ## New contributors

      The project has 12 contributors. Thank you to the 2 people whose first contribution was merged this week! 1 earlier contributor came back with another merged PR.

      🎉 The project reached **10 contributors** on Nov 24, 2026, with @​dana.

      - @​dana, contributor #11 (#38)
      - @​eve, contributor #12 (#40)

      ## Milestones

      - **Stars:** 733 / 1,000 \`███████░░░\` 73%, forecast Feb 14, 2027
      - **Contributors:** 12 / 50 \`██░░░░░░░░\` 24%, not growing yet
      - **Active members:** 42 / 100 \`████░░░░░░\` 42%, not growing yet

      ## The last 12 weeks

      \`\`\`mermaid
      xychart-beta
        title "Stars"
        x-axis ["09-13", "09-20", "09-27", "10-04", "10-11", "10-18", "10-25", "11-01", "11-08", "11-15", "11-22", "11-29"]
        y-axis 0 --> 806
        line [424, 452, 480, 508, 536, 564, 592, 620, 648, 676, 704, 732]
      \`\`\`

      \`\`\`mermaid
      xychart-beta
        title "Active members (30 days)"
        x-axis ["09-13", "09-20", "09-27", "10-04", "10-11", "10-18", "10-25", "11-01", "11-08", "11-15", "11-22", "11-29"]
        y-axis 0 --> 46
        line [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]
      \`\`\`

      ## Ready to charge?

      1 of 3 items of the open-core checklist are in place.

      - ✅ **License**: AGPL-3.0, favoured for open core
      - ❌ **CONTRIBUTING**: add a CONTRIBUTING.md
      - ❌ **1,000+ stars**: 733 so far

      ## Community health

      CHAOSS metrics; the factors cover the 90 days to Nov 30, 2026.

      - **Bus factor** (Contributor Absence Factor): **2** people made half of the 10 merged pull requests (@​alice, @​bob); **1** person made half of the 6 first responses (@​maint).
      - **Elephant factor**: **1** company behind half of the activity; 75% of it is by people with a known company.
      - **New contributor retention**: 2 of the 3 first-time contributors of the week of Sep 7, 2026 were active in the last 4 weeks (67%).
      - **Closed ÷ opened** this week: issues 5 ÷ 4 = 1.25; pull requests 1 closed, none opened.
      - **Stale backlog** (Inactive Issues): 2 open items untouched for 30 days or more; the longest idle:
        - #7 Old &lt;b&gt;question&lt;/b&gt; (issue, idle 95 days)
        - #9 Draft idea (pull request, idle 31 days)

      ## Conversion

      | Stage | People | Rate |
      |---|---:|---|
      | Stargazers and forkers | 740 |  |
      | Participants | 90 | 12% as many as stargazers and forkers |
      | Contributors | 12 | 13% as many as participants |
      | Enterprise leads | 3 | 3.3% as many as participants |
      | Customers | fewer than 3 |  |

      _Each stage is counted on its own (a lead need not be a contributor), so a rate compares two stages' sizes._

      - **New enterprise leads this week:** 1 (3 in all)
      - **Customers:** fewer than 3

      ## Problems

      - .github/steward.yml: response.goalHours: expected a positive number

      ---
      Previous digest: #30 (2026-W47).

      _Configure or switch off sections in \`.github/steward.yml\` under \`digest\`._
      <!-- steward:digest:2026-W48 -->"
    `);
  });

  it("says which sections have no data yet instead of failing", () => {
    const data = { ...sampleDigestData(), conversion: { status: "unavailable" as const, reason: "no conversion data recorded" } };
    expect(renderDigest(data)).toContain("## Conversion\n\n_Not available yet: no conversion data recorded._");
  });

  it("leaves out switched-off sections", () => {
    const config = stewardConfigSchema.parse({ digest: { sections: { chart: false, conversion: false } } });
    const body = renderDigest(sampleDigestData(config));
    expect(body).not.toContain("xychart-beta");
    expect(body).not.toContain("## Conversion");
    expect(body).toContain("## First responses");
  });

  it("names leads only on a private repository that opted in", () => {
    const optedIn = stewardConfigSchema.parse({ digest: { showConversionNames: true } });
    expect(renderDigest(sampleDigestData(optedIn))).not.toContain("carol");
    const privateRepo = { ...sampleDigestData(optedIn), repository: { fullName: "acme/widget", private: true } };
    expect(renderDigest(privateRepo)).toContain("carol");
    expect(renderDigest({ ...privateRepo, config: defaultConfig })).not.toContain("carol");
  });

  it("pings no one it was not asked to, and keeps untrusted text from breaking tables", () => {
    const body = renderDigest(sampleDigestData());
    expect(body).not.toMatch(/(^|[^\u200B])@(everyone|newbie|dana|maintainer-ann)/m);
    expect(body).not.toContain("<b>");
    for (const row of body.split("\n").filter((line) => line.startsWith("| #41"))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    }
    const mentioning = stewardConfigSchema.parse({ digest: { mentionContributors: true } });
    expect(renderDigest(sampleDigestData(mentioning))).toContain("- @dana, contributor #11");
  });

  it("fits GitHub's body limit with thousands of waiting items, cutting the list with 'and N more'", () => {
    const waiting = Array.from({ length: 5_000 }, (_, i) => ({ ...sampleResponse.waiting[0]!, number: i + 1, title: "x".repeat(300) }));
    const data = sampleDigestData();
    const body = renderDigest({ ...data, response: { status: "ok", current: { ...sampleResponse, waiting }, previous: null } });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toMatch(/…and \d+ more waiting\./);
    expect(body).toContain("<!-- steward:digest:2026-W48 -->");
  });
});
