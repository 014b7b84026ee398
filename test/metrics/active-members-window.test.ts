import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { activeMembersSeries, dayIndex } from "../../src/metrics/active-members.js";
import { collectCommunityFigures } from "../../src/metrics/collect-community-figures.js";
import { activeMembersAt } from "../../src/metrics/community-values.js";
import { listActiveDays } from "../../src/store/community-activity.js";
import { saveDailyMetrics } from "../../src/store/daily-metrics.js";
import { events } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

/**
 * Issue 14, defect 1: the day of an event was `occurred_at / DAY_MS` as a REAL, so an event on the
 * window's last day (day + 0.4) fell outside `day <= last` and the figure depended on the hour.
 */
const H = 3_600_000;
const DAY = 24 * H;
/** Day D: the last day of the window in every case below. */
const D = new Date("2026-11-09T00:00:00Z");
const at = (days: number, hours = 0) => new Date(D.getTime() + days * DAY + hours * H);
const repository: RepositoryRecord = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const config = stewardConfigSchema.parse({});

describe("active members over whole UTC days", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let seq = 0;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  function act(login: string, when: Date, kind = "issue_comment.created", type = "User") {
    store.db
      .insert(events)
      .values({
        repositoryId: repository.id,
        naturalKey: `k${seq++}`,
        kind,
        actorLogin: login,
        actorType: type,
        association: "NONE",
        itemNumber: 1,
        isPull: false,
        occurredAt: when,
      })
      .run();
  }

  /** Activity on the window's first and last days, one day before it, and a bot's. */
  function seed() {
    act("first-day", at(-29, 23)); // D-29 23:00: the window's first day
    act("last-day", at(0, 9)); // D 09:00: only on the last day
    act("both", at(-10, 12));
    act("both", at(0, 1));
    act("too-old", at(-30, 12)); // D-30: one day before the window
    act("dependabot[bot]", at(0, 2), "issue_comment.created", "Bot");
    act("stargazer", at(-3, 18), "star.created");
  }

  it("reads each event's day as a whole UTC day", async () => {
    seed();
    const days = await listActiveDays(store.db, repository.id, at(-40), at(1));
    expect(days.length).toBeGreaterThan(0);
    for (const row of days) expect(Number.isInteger(row.day), `day ${row.day} of ${row.login}`).toBe(true);
    expect(days.filter((r) => r.login === "last-day").map((r) => r.day)).toEqual([dayIndex(D)]);
  });

  it.each([
    ["just after the last event", at(0, 9).getTime() + 1],
    ["at noon", at(0, 12).getTime()],
    ["a millisecond before midnight", at(1).getTime() - 1],
    ["at midnight, the day's end", at(1).getTime()],
  ])("counts the window's first and last days, the same %s", async (_when, nowMs) => {
    seed();
    expect(await activeMembersAt(store.db, repository.id, new Date(nowMs), config)).toBe(4);
  });

  it("gives the same figure for a past week on several later dates with no new events", async () => {
    seed();
    const period = { start: at(-6), end: at(1) };
    const figures = [];
    for (const now of [at(1), at(1, 3.5), at(2, 12), at(9), at(40)]) {
      figures.push(await collectCommunityFigures(store.db, repository, period, now, config));
    }
    for (const f of figures) {
      expect(f.activeMembers.now).toBe(4);
      expect(f.series.at(-1)).toMatchObject({ day: "2026-11-09", activeMembers: 4 });
      // D-7, the day before the period: its window D-36..D-7 holds "too-old", "first-day" and "both".
      expect(f.activeMembers.before).toBe(3);
    }
  });

  it("keeps the last day in the pure series as well", () => {
    const d = dayIndex(D);
    const activity = [
      { person: "id:1", day: d },
      { person: "id:2", day: d - 29 },
      { person: "id:3", day: d - 30 },
      { person: "id:1", day: d - 1 },
    ];
    expect(activeMembersSeries(activity, [d, d + 1, d - 30])).toEqual([2, 1, 1]);
  });
});

describe("one digest, one truth: the series ends at the figures the tables show", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  it("ends the 12-week series at the current stars and active members, not the 03:30 snapshot of that day", async () => {
    const repository: RepositoryRecord = { id: 11, installationId: 1, owner: "acme", name: "gadget", fullName: "acme/gadget", private: false };
    const config = stewardConfigSchema.parse({});
    const day = new Date("2026-11-22T00:00:00Z");
    // The daily job stored its snapshot early on the last day; activity went on after it.
    await saveDailyMetrics(store.db, repository.id, "2026-11-22", { stars: 418, activeMembers: 3 });
    let seq = 0;
    for (const [login, hours] of [
      ["ann", 1],
      ["bob", 10],
      ["cy", 15],
      ["dee", 20],
    ] as const) {
      store.db
        .insert(events)
        .values({
          repositoryId: repository.id,
          naturalKey: `k${seq++}`,
          kind: "issue_comment.created",
          actorLogin: login,
          actorType: "User",
          association: "NONE",
          itemNumber: 1,
          isPull: false,
          occurredAt: new Date(day.getTime() + hours * 3_600_000),
        })
        .run();
    }
    const period = { start: new Date("2026-11-16T00:00:00Z"), end: new Date("2026-11-23T00:00:00Z") };
    const figures = await collectCommunityFigures(store.db, repository, period, period.end, config);
    const last = figures.series.at(-1)!;
    expect(last.day).toBe("2026-11-22");
    expect(last.activeMembers).toBe(figures.activeMembers.now);
    expect(last.stars).toBe(figures.stars.now);
    expect(figures.activeMembers.now).toBe(4);
  });
});
