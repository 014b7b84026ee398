import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run-demo.js";

describe("npm run demo", () => {
  it("tells the three weeks a maintainer would see: welcomes, reminders and one open digest", { timeout: 120_000 }, async () => {
    const text = await runDemo();
    expect(text).toContain("Replayed");
    expect(text).toContain("(0 refused)");
    expect(text).toMatch(/\[welcome\.first-issue\]/);
    expect(text).toMatch(/#\d+ by sam-k {2}\[welcome\.first-merge\] .*8th contributor/);
    expect(text).not.toMatch(/by dependabot\[bot\] {2}\[welcome/);
    for (const stage of ["at-risk", "breached", "follow-up"]) expect(text).toContain(`[response.${stage}]`);
    // maya's snooze is acknowledged, and tomas's issue gets no reminder in the two days it covers.
    expect(text).toMatch(
      /Maintainer commands \(1\)\n {2}Nov 21 18:00 {2}#\d+ by tomas {2}maya: \/steward snooze 2d {2}\(acknowledged with a reaction\)/,
    );
    expect(text).not.toMatch(/#\d+ by tomas {2}\[response\./);
    // rui's Q&A discussion: welcomed, nobody answers for 29 hours, reminded at risk then breached,
    // omar answers and rui accepts it; comments on the discussion, listed apart from issue comments.
    expect(text).toMatch(
      /Discussions: welcomes and reminders \(3\)\n {2}Nov 18 09:00 {2}discussion #(\d+) by rui {2}\[discussion\.welcome\] .*\n {2}Nov 19 06:15 {2}discussion #\1 by rui {2}\[response\.at-risk\] .*\n {2}Nov 19 12:15 {2}discussion #\1 by rui {2}\[response\.breached\] .*\n {2}Nov 19 15:00 {2}discussion #\1: answer accepted/,
    );
    expect(text).toContain("- **Time to an accepted answer, discussions:** median 30h (1 answered this week)");
    expect(text).toContain("Digest issues (3)");
    // One open digest in acme/widget, one open roll-up in acme/.github.
    expect(text.match(/\(open\)/g)).toHaveLength(2);
    expect(text).toContain("# Community digest: 2026-W47 (Nov 16 - Nov 22)");
    expect(text).toContain("```mermaid\nxychart-beta");
    expect(text).toContain("| Enterprise leads | 1 |");
    // The organization's roll-up, one a week in acme/.github, over the one project it serves.
    expect(text).toContain("Organization digests in acme/.github (3)");
    expect(text).toMatch(/#3 Organization digest: 2026-W47 \(Nov 16 - Nov 22\) \(open\)/);
    expect(text).toContain("across the 1 repository of **acme**");
    expect(text).toMatch(/\| acme\/widget \| 67% \(2 of 3\) \| 2 \|/);
  });
});
