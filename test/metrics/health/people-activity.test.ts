import { describe, expect, it } from "vitest";
import { peopleActivity } from "../../../src/metrics/health/people-activity.js";

const config = { maintainers: [], ignoreUsers: ["helper"] };
const row = (actorId: number | null, actorLogin: string, kind: string, count: number, day: number, actorType = "User") => ({
  actorId,
  actorLogin,
  actorType,
  kind,
  count,
  lastAt: new Date(Date.UTC(2026, 0, day)),
});

describe("peopleActivity", () => {
  it("folds rows per account, labelled by the login of the latest fact, and leaves bots out", () => {
    const people = peopleActivity(
      [
        row(1, "old-name", "pull_request.merged", 2, 1),
        row(1, "new-name", "issue_comment.created", 1, 5),
        row(null, "Ghosty", "issues.opened", 1, 2),
        row(null, "ghosty", "issues.opened", 1, 3),
        row(7, "dependabot[bot]", "pull_request.merged", 9, 4, "Bot"),
        row(8, "helper", "issue_comment.created", 3, 4),
      ],
      config,
    );
    expect(people).toEqual([
      { key: "id:1", id: 1, login: "new-name", activity: 3, merges: 2 },
      { key: "ghosty", id: null, login: "ghosty", activity: 2, merges: 0 },
    ]);
  });

  it("is empty without rows", () => {
    expect(peopleActivity([], config)).toEqual([]);
  });
});
