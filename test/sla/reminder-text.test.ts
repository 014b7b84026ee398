import { describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate-config.js";
import type { ClockItem } from "../../src/domain/clock.js";
import { dueReminder } from "../../src/sla/due-reminder.js";
import { notifyTargets } from "../../src/sla/notify-targets.js";
import { formatWait, reminderBody } from "../../src/sla/reminder-body.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { parseMarkers } from "../../src/text/index.js";

const H = 3_600_000;
const T0 = new Date("2026-11-02T08:00:00Z");
const item: ClockItem = {
  number: 7,
  isPull: false,
  title: "Broken @admin [link](http://evil.example) <img src=x>",
  authorLogin: "eve",
  authorType: "User",
  authorAssociation: "NONE",
  state: "open",
  draft: false,
  locked: false,
  labels: [],
  assignees: [],
  createdAt: T0,
  updatedAt: T0,
  closedAt: null,
};
const config = stewardConfigSchema.parse({});

describe("notifyTargets", () => {
  it("uses the configured people and teams, else the assignees, else a user owner", () => {
    expect(
      notifyTargets({ configured: ["@acme/core", "mia", "MIA"], assignees: ["bob"], repositoryOwner: "acme", ownerType: "Organization" }),
    ).toEqual(["@acme/core", "@mia"]);
    expect(notifyTargets({ configured: [], assignees: ["bob", "ann"], repositoryOwner: "acme", ownerType: "User" })).toEqual(["@bob", "@ann"]);
    expect(notifyTargets({ configured: [], assignees: [], repositoryOwner: "solo", ownerType: "User" })).toEqual(["@solo"]);
    expect(notifyTargets({ configured: [], assignees: [], repositoryOwner: "acme", ownerType: "Organization" })).toEqual([]);
  });

  it("never turns a malformed entry or a bot into a mention", () => {
    expect(notifyTargets({ configured: [], assignees: ["renovate[bot]", "-bad-"], repositoryOwner: "x", ownerType: "Organization" })).toEqual([]);
  });
});

describe("reminderBody", () => {
  it("fills the template, neutralizes user-written values and carries the marker", () => {
    const clock = computeResponseClock(item, [], config, new Date(T0.getTime() + 19 * H));
    const reminder = dueReminder(item, clock, new Date(T0.getTime() + 19 * H))!;
    const body = reminderBody(reminder, item, ["@mia"], config);
    expect(body).toMatchInlineSnapshot(`
      "@mia this issue by @​eve has waited 19 hours for a first response. The goal is 24 hours.

      <!-- steward:response.at-risk:7 -->"
    `);
    expect(parseMarkers(body)).toEqual([{ kind: "response.at-risk", key: "7" }]);
  });

  it("quotes a title in a custom template without pings, links or HTML", () => {
    const custom = stewardConfigSchema.parse({ response: { templates: { atRisk: "{{notify}} {{number}} {{title}} by {{author}}" } } });
    const clock = computeResponseClock(item, [], custom, new Date(T0.getTime() + 20 * H));
    const body = reminderBody(dueReminder(item, clock, new Date(T0.getTime() + 20 * H))!, item, [], custom);
    expect(body).not.toMatch(/@admin|<img|\]\(http/);
    expect(body).toContain("Maintainers: #7 Broken");
  });

  it("reports unknown template variables as config errors with their path", () => {
    const outcome = validateConfig({
      response: { templates: { breached: "hello {{secret}}" }, goalHours: -1, notify: ["not a login"], businessHours: { timezone: "Mars/Olympus" } },
    });
    const paths = outcome.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(["response.templates.breached", "response.goalHours", "response.notify.0", "response.businessHours.timezone"]),
    );
  });

  it("formats waits in whole units", () => {
    expect([formatWait(59 * 60_000), formatWait(H), formatWait(47.9 * H), formatWait(8.5 * 24 * H)]).toEqual([
      "59 minutes",
      "1 hour",
      "47 hours",
      "8 days",
    ]);
  });
});

describe("dueReminder", () => {
  it("sends nothing on closed or locked items, and only the current stage's reminder", () => {
    const at = new Date(T0.getTime() + 30 * H);
    const clock = computeResponseClock(item, [], config, at);
    expect(dueReminder(item, clock, at)).toMatchObject({ kind: "breached", effectKind: "response.breached", period: "" });
    expect(dueReminder({ ...item, locked: true }, clock, at)).toBeNull();
    expect(dueReminder({ ...item, state: "closed" }, clock, at)).toBeNull();
  });
});
