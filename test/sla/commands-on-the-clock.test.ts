import { describe, expect, it } from "vitest";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { dueReminder } from "../../src/sla/due-reminder.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { clockFact, clockItem } from "../helpers/clock-fixtures.js";

/** Issue 18: what maintainer commands do to the response clock of a community issue (carol's, opened at T0). */
const H = 3_600_000;
const T0 = new Date("2024-06-03T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const config = (raw: Record<string, unknown> = {}): StewardConfig => stewardConfigSchema.parse(raw);
const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, overrides);
const clockAt = (events: ClockEvent[], hours: number, raw: Record<string, unknown> = {}) =>
  computeResponseClock(item(), events, config(raw), at(hours));
const reminderAt = (events: ClockEvent[], hours: number, raw: Record<string, unknown> = {}) =>
  dueReminder(item(), clockAt(events, hours, raw), at(hours));

/** A command's fact and the comment that gave it (made of commands only), by mia (MEMBER) unless said otherwise. */
const command = (name: string, hours: number, who: [string, string] = ["mia", "MEMBER"], data: Record<string, unknown> = {}): ClockEvent[] => [
  clockFact("issue_comment.created", at(hours), who[0], who[1], { commentId: hours, onlyCommands: true }),
  clockFact(`command.${name}`, at(hours), who[0], who[1], { commentId: hours, ...data }),
];
const snooze = (hours: number, forHours: number, who?: [string, string]) =>
  command("snooze", hours, who, { until: at(hours + forHours).toISOString() });

describe("/steward snooze", () => {
  it("silences the reminder until it ends, then the reminder its stage calls for comes; the figures do not change", () => {
    const events = snooze(10, 48);
    // Without the snooze: at risk at 18 h, breached at 24 h.
    expect(reminderAt([], 20)).toMatchObject({ kind: "at-risk" });
    expect(reminderAt(events, 20)).toBeNull();
    expect(reminderAt(events, 57)).toBeNull();
    expect(clockAt(events, 57)).toMatchObject({ stage: "breached", clockMs: 57 * H, firstResponse: null, snoozedUntil: at(58) });
    expect(reminderAt(events, 58)).toMatchObject({ kind: "breached", waitedMs: 58 * H });
    expect(clockAt(events, 58).snoozedUntil).toBeNull();
  });

  it("is replaced by a later snooze, shorter or longer", () => {
    const events = [...snooze(10, 48), ...snooze(20, 5)];
    expect(reminderAt(events, 24)).toBeNull();
    expect(reminderAt(events, 25)).toMatchObject({ kind: "breached" });
  });

  it("silences a follow-up too", () => {
    const answered = [clockFact("issue_comment.created", at(1), "mia", "MEMBER"), clockFact("issue_comment.created", at(2), "carol", "NONE")];
    const events = [...answered, ...snooze(3, 24 * 30)];
    expect(reminderAt(answered, 2 + 24 * 7)).toMatchObject({ kind: "follow-up" });
    expect(reminderAt(events, 2 + 24 * 7)).toBeNull();
  });

  it("does nothing when given by someone who is not a maintainer", () => {
    expect(reminderAt(snooze(10, 48, ["carol", "NONE"]), 20)).toMatchObject({ kind: "at-risk" });
    expect(reminderAt(snooze(10, 48, ["dave", "CONTRIBUTOR"]), 20)).toMatchObject({ kind: "at-risk" });
  });

  it("counts a maintainer listed in the config, as everywhere else", () => {
    expect(reminderAt(snooze(10, 48, ["lee", "NONE"]), 20, { maintainers: ["lee"] })).toBeNull();
  });
});

describe("a comment made only of commands", () => {
  it("is no first response, while a comment with other words and a command is one", () => {
    expect(clockAt(command("exempt", 1), 2).firstResponse).toBeNull();
    const worded = [
      clockFact("issue_comment.created", at(1), "mia", "MEMBER", { commentId: 1 }),
      clockFact("command.exempt", at(1), "mia", "MEMBER"),
    ];
    expect(clockAt(worded, 2).firstResponse).toMatchObject({ by: "mia" });
  });
});

describe("/steward exempt and /steward include", () => {
  it("take the item off the clock from the command and put it back", () => {
    const exempt = command("exempt", 4);
    expect(clockAt(exempt, 100)).toMatchObject({ stage: "exempt", clockMs: 4 * H });
    expect(reminderAt(exempt, 100)).toBeNull();
    const back = [...exempt, ...command("include", 50)];
    // On the clock 0-4 h and from 50 h: 4 + 14 = 18 h at 64 h, at risk.
    expect(clockAt(back, 63)).toMatchObject({ stage: "waiting", clockMs: 17 * H });
    expect(clockAt(back, 64)).toMatchObject({ stage: "at-risk", clockMs: 18 * H, offSpans: [{ start: at(4).getTime(), end: at(50).getTime() }] });
  });

  it("are ignored from someone who is not a maintainer", () => {
    expect(clockAt(command("exempt", 4, ["carol", "NONE"]), 30)).toMatchObject({ stage: "breached", clockMs: 30 * H });
  });

  it("leave an exempt label to its own rule: include does not lift it", () => {
    const labelled = item({ labels: ["question"] });
    const events = [...command("include", 5)];
    expect(computeResponseClock(labelled, events, config({ response: { exemptLabels: ["question"] } }), at(30)).stage).toBe("exempt");
  });
});

describe("/steward waiting", () => {
  it("pauses the clock until the author replies, as the waiting label does", () => {
    const events = [...command("waiting", 2)];
    expect(clockAt(events, 100)).toMatchObject({ stage: "paused", clockMs: 2 * H });
    expect(reminderAt(events, 100)).toBeNull();
    const replied = [...events, clockFact("issue_comment.created", at(110), "carol", "NONE")];
    expect(clockAt(replied, 125)).toMatchObject({ stage: "waiting", clockMs: 17 * H });
    expect(clockAt(replied, 126)).toMatchObject({ stage: "at-risk", clockMs: 18 * H });
    expect(clockAt(replied, 126).waitingReplyAt).toBeNull();
  });

  it("is not lifted by the author's own command-only comment, and is ignored from a non-maintainer", () => {
    const events = [...command("waiting", 2), ...command("help", 5, ["carol", "NONE"])];
    expect(clockAt(events, 100).stage).toBe("paused");
    expect(clockAt(command("waiting", 2, ["carol", "NONE"]), 30).stage).toBe("breached");
  });
});
