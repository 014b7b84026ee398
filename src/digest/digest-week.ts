import type { Period } from "../domain/figures.js";
import { addDays, fromWallClock, isoWeek, monthName, wallClock } from "../time/zoned-time.js";

/** When a repository's digest is published: config `digest.day`, `digest.time`, `digest.timezone`. */
export interface DigestSchedule {
  day: string;
  /** `HH:MM`. */
  time: string;
  timezone: string;
}

/** One digest's week: what it reports on and when it is published. */
export interface DigestWeek {
  /** The ISO week of the period's first day, e.g. `2026-W48`: one digest per key, ever. */
  key: string;
  /** The seven days before the publication day, midnight to midnight in the schedule's time zone. */
  period: Period;
  publishAt: Date;
  /** E.g. `Community digest: 2026-W48 (Nov 23 - Nov 29)`. */
  title: string;
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

type CalendarDate = { year: number; month: number; day: number };

function weekFor(publishDay: CalendarDate, schedule: DigestSchedule): DigestWeek {
  const [hour = 0, minute = 0] = schedule.time.split(":").map(Number);
  const first = addDays(publishDay, -7);
  const last = addDays(publishDay, -1);
  const { year, week } = isoWeek(first);
  const key = `${year}-W${String(week).padStart(2, "0")}`;
  const show = (d: CalendarDate) => `${monthName(d.month)} ${d.day}`;
  return {
    key,
    period: { start: fromWallClock(first, schedule.timezone), end: fromWallClock(publishDay, schedule.timezone) },
    publishAt: fromWallClock({ ...publishDay, hour, minute }, schedule.timezone),
    title: `Community digest: ${key} (${show(first)} - ${show(last)})`,
  };
}

/** The digest whose publication time is the latest one not after `now`. */
export function latestDigestWeek(now: Date, schedule: DigestSchedule): DigestWeek {
  const wall = wallClock(now, schedule.timezone);
  const target = Math.max(0, DAYS.indexOf(schedule.day));
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const candidate = weekFor(addDays(today, -((wall.weekday - target + 7) % 7)), schedule);
  if (candidate.publishAt.getTime() <= now.getTime()) return candidate;
  return weekFor(addDays(today, -((wall.weekday - target + 7) % 7) - 7), schedule);
}

/**
 * The digest to publish at `now`, if one is due: its publication time has passed, but by less
 * than `graceMs`. The grace lets a restart or a missed hourly tick catch up, without a repository
 * that installs Steward on a Wednesday getting last week's digest at once.
 */
export function dueDigestWeek(now: Date, schedule: DigestSchedule, graceMs = 24 * 3_600_000): DigestWeek | null {
  const week = latestDigestWeek(now, schedule);
  return now.getTime() - week.publishAt.getTime() < graceMs ? week : null;
}

/** The digest week before `week` under the same schedule. */
export function previousDigestWeek(week: DigestWeek, schedule: DigestSchedule): DigestWeek {
  return latestDigestWeek(new Date(week.publishAt.getTime() - 1), schedule);
}
