import { describe, expect, it } from "vitest";
import { closureRatio } from "../../../src/metrics/health/closure-ratio.js";
import { healthWindows } from "../../../src/metrics/health/health-windows.js";
import { retention } from "../../../src/metrics/health/retention.js";
import { staleBacklog } from "../../../src/metrics/health/stale-backlog.js";

const DAY = 86_400_000;
const END = new Date("2026-11-30T00:00:00Z");
const daysBefore = (days: number) => new Date(END.getTime() - days * DAY);
const period = { start: daysBefore(7), end: END };

describe("healthWindows", () => {
  it("ends every window at the period's end, or at now when that is earlier", () => {
    const w = healthWindows(period, new Date(END.getTime() + DAY));
    expect(w.end).toEqual(END);
    expect(w.factors).toEqual({ start: daysBefore(90), end: END });
    expect(w.cohort).toEqual({ start: daysBefore(84), end: daysBefore(77) });
    expect(w.recent).toEqual({ start: daysBefore(28), end: END });
    expect(healthWindows(period, daysBefore(2)).end).toEqual(daysBefore(2));
    expect(healthWindows(period, daysBefore(2)).period).toEqual({ start: daysBefore(7), end: daysBefore(2) });
  });
});

describe("retention", () => {
  const windows = healthWindows(period, END);
  it("counts the cohort's people active lately, by account id or login", () => {
    const cohort = [
      { userId: 1, login: "ann" },
      { userId: null, login: "Bob" },
      { userId: 3, login: "cy" },
    ];
    expect(retention(cohort, new Set(["id:1", "bob"]), windows)).toEqual({
      cohortStart: daysBefore(84),
      cohortEnd: daysBefore(77),
      activeSince: daysBefore(28),
      cohort: 3,
      retained: 2,
      share: 2 / 3,
    });
  });

  it("has no share for an empty cohort", () => {
    expect(retention([], new Set(["id:1"]), windows)).toMatchObject({ cohort: 0, retained: 0, share: null });
  });
});

describe("closureRatio", () => {
  it("is closed over opened, and null when none was opened", () => {
    expect(closureRatio(4, 5)).toEqual({ opened: 4, closed: 5, ratio: 1.25 });
    expect(closureRatio(0, 3)).toEqual({ opened: 0, closed: 3, ratio: null });
    expect(closureRatio(0, 0).ratio).toBeNull();
  });
});

describe("staleBacklog", () => {
  const open = (number: number, created: number, last: number | null) => ({
    number,
    isPull: number % 2 === 0,
    title: `#${number}`,
    createdAt: daysBefore(created),
    lastFactAt: last === null ? null : daysBefore(last),
  });

  it("counts the items idle 30 days or more, longest first, older number first on a tie", () => {
    const items = [open(1, 100, 10), open(2, 40, null), open(3, 200, 95), open(4, 95, 95), open(5, 31, 29), open(6, 30, null)];
    const result = staleBacklog(items, END, 30, 3);
    expect(result.count).toBe(4);
    expect(result.oldest).toEqual([
      { number: 3, isPull: false, title: "#3", idleDays: 95 },
      { number: 4, isPull: true, title: "#4", idleDays: 95 },
      { number: 2, isPull: true, title: "#2", idleDays: 40 },
    ]);
  });

  it("is empty with nothing open", () => {
    expect(staleBacklog([], END)).toEqual({ idleDays: 30, count: 0, oldest: [] });
  });
});
