import { describe, expect, it } from "vitest";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { ClockItem } from "../../src/domain/clock.js";
import { dueReminder } from "../../src/sla/due-reminder.js";
import { kindRules } from "../../src/sla/kind-rules.js";
import { reminderBody } from "../../src/sla/reminder-body.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { clockItem } from "../helpers/clock-fixtures.js";

/** Issue 14: separate goals and exempt labels for issues and for pull requests. */
const H = 3_600_000;
const T0 = new Date("2026-11-02T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const config = (raw: Record<string, unknown> = {}): StewardConfig => stewardConfigSchema.parse(raw);

const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, { number: 3, title: "Fix", ...overrides });
const pull = (overrides: Partial<ClockItem> = {}) => item({ isPull: true, ...overrides });
const fastPulls = config({ response: { goalHours: 24, pullRequests: { goalHours: 4 } } });

describe("response.issues and response.pullRequests", () => {
  it("are absent by default, and each kind then follows the top-level goal and labels", () => {
    const defaults = config();
    expect(defaults.response.issues).toBeUndefined();
    expect(defaults.response.pullRequests).toBeUndefined();
    expect(kindRules(defaults.response, true)).toEqual({ goalHours: 24, exemptLabels: [] });
    const top = config({ response: { goalHours: 12, exemptLabels: ["question"] } });
    expect(kindRules(top.response, false)).toEqual({ goalHours: 12, exemptLabels: ["question"] });
  });

  it("override the top-level fields for their kind only, field by field; a list replaces the top-level list", () => {
    const cfg = config({
      response: { goalHours: 48, exemptLabels: ["question"], issues: { exemptLabels: ["idea"] }, pullRequests: { goalHours: 4 } },
    });
    expect(kindRules(cfg.response, false)).toEqual({ goalHours: 48, exemptLabels: ["idea"] });
    expect(kindRules(cfg.response, true)).toEqual({ goalHours: 4, exemptLabels: ["question"] });
  });

  it("hold a pull request to its own goal: at risk at 3 h, breached at 4 h, while an issue of the same age is waiting", () => {
    expect(computeResponseClock(pull(), [], fastPulls, at(3)).stage).toBe("at-risk");
    const late = computeResponseClock(pull(), [], fastPulls, at(4));
    expect(late).toMatchObject({ stage: "breached", goalMs: 4 * H });
    expect(computeResponseClock(item(), [], fastPulls, at(4))).toMatchObject({ stage: "waiting", goalMs: 24 * H });
    expect(computeResponseClock(item(), [], fastPulls, at(24)).stage).toBe("breached");
  });

  it("exempt an item only by its own kind's labels", () => {
    const cfg = config({ response: { pullRequests: { exemptLabels: ["wip"] } } });
    expect(computeResponseClock(pull({ labels: ["wip"] }), [], cfg, at(30)).stage).toBe("exempt");
    expect(computeResponseClock(item({ labels: ["wip"] }), [], cfg, at(30)).stage).toBe("breached");
  });

  it("put the item's own goal into the reminder's {{goal}}", () => {
    const now = at(4);
    const pr = pull();
    const reminder = dueReminder(pr, computeResponseClock(pr, [], fastPulls, now), now)!;
    expect(reminder.kind).toBe("breached");
    expect(reminderBody(reminder, pr, [], fastPulls)).toContain(
      "this pull request by @\u200Bcarol has waited 4 hours for a first response, past the goal of 4 hours",
    );
    const issue = item();
    const issueReminder = dueReminder(issue, computeResponseClock(issue, [], fastPulls, at(25)), at(25))!;
    expect(reminderBody(issueReminder, issue, [], fastPulls)).toContain("past the goal of 24 hours");
  });
});
