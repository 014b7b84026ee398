import { describe, expect, it } from "vitest";
import { responseSection } from "../../src/digest/render/response.js";
import type { ResponseFigures } from "../../src/domain/figures.js";
import { sampleResponse } from "../fixtures/digest/sample-digest-data.js";

const H = 3_600_000;
const render = (current: ResponseFigures, previous: ResponseFigures | null = null) => {
  const section = responseSection({ status: "ok", current, previous });
  return [section.head, ...section.items].join("\n");
};
const none = { items: 0, medianMs: null, p90Ms: null, averageMs: null };

describe("the First responses section", () => {
  it("says the time to an accepted answer only when a discussion was answered", () => {
    expect(render(sampleResponse)).not.toContain("accepted answer");
    const answered = { ...sampleResponse, timeToAnswer: { items: 3, medianMs: 5 * H, p90Ms: 9 * H, averageMs: 6 * H } };
    expect(render(answered)).toContain("- **Time to an accepted answer, discussions:** median 5h (3 answered this week)");
  });

  it("lists a waiting discussion among the items, marked as one", () => {
    const discussion = { number: 52, isPull: false, isDiscussion: true, title: "How do I?", author: "gus", waitedMs: 40 * H, overGoal: true };
    const body = render({ ...sampleResponse, waiting: [discussion, ...sampleResponse.waiting] });
    expect(body).toContain("**Waiting now** (longest wait first):");
    expect(body).toContain("| #52 (discussion) | How do I? | @\u200Bgus | 40h ⏰ |");
    expect(body).toContain("| #41 | Crash");
  });

  it("names each kind's goal when pull requests have their own", () => {
    const body = render({ ...sampleResponse, goalHoursByKind: { issues: 24, pullRequests: 4 } });
    expect(body).toContain("- **Within the goal (issues 24h, pull requests 4h):** 80% (4 of 5;");
    expect(body).not.toContain("the 24h goal");
  });

  it("keeps one goal in the words when both kinds share it, with business hours said once", () => {
    const body = render({ ...sampleResponse, businessHours: true, goalHoursByKind: { issues: 8, pullRequests: 8 } });
    expect(body).toContain("- **Within the 8h (business hours) goal:**");
  });

  it("says the percentiles are of answered items and shows what still waits beside them", () => {
    const body = render(sampleResponse);
    expect(body).toContain("- **Median time to first response, of answered items:** 3h 12m\n");
    expect(body).toContain("- **p90 of answered items:** 30h; 2 still waiting (1 past the goal), longest 30h\n");
  });

  it("puts the waiting beside the median when nothing was answered, and says nothing of waiting when nobody waits", () => {
    const unanswered = { ...sampleResponse, medianMs: null, p90Ms: null, responders: [] };
    expect(render(unanswered)).toContain("- **Median time to first response, of answered items:** no responses this week; 2 still waiting");
    expect(render(unanswered)).not.toContain("p90 of answered items");
    const quiet = render({ ...sampleResponse, waiting: [] });
    expect(quiet).toContain("- **p90 of answered items:** 30h\n");
    expect(quiet).toContain("Nobody is waiting for a first response.");
  });

  it("shows the four duration figures in one table, with dashes where no item reached the step", () => {
    const durations = {
      firstResponse: { items: 3, medianMs: 2 * H, p90Ms: 20 * H, averageMs: 8 * H },
      firstReview: none,
      merge: { items: 1, medianMs: 50 * H, p90Ms: 50 * H, averageMs: 50 * H },
      close: { items: 1_200, medianMs: 30 * 60_000, p90Ms: 9 * 24 * H, averageMs: 3 * 24 * H + 5 * H },
    };
    const body = render({ ...sampleResponse, durations });
    expect(body).toContain(
      [
        "| Community items, this week | Median | p90 | Average | Items |",
        "|---|---:|---:|---:|---:|",
        "| First response | 2h | 20h | 8h | 3 |",
        "| First review of a PR, from ready for review | – | – | – | 0 |",
        "| Merge of a PR, from ready for review | 2d 2h | 2d 2h | 2d 2h | 1 |",
        "| Close of an issue or PR, from opening | 30m | 9d | 3d 5h | 1,200 |",
      ].join("\n"),
    );
    expect(body).toContain("_Each row is over the items that reached its step this week");
  });
});
