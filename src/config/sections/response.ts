import { z } from "zod";
import { calendarDate, clockTime, labelName, loginOrTeam, timeZone, weekday } from "../fields.js";

/** Working time, for projects that promise a first response within business hours. */
export const businessHoursSchema = z.strictObject({
  /** Count only working time toward the goal. Off: calendar hours. */
  enabled: z.boolean().default(false),
  /** The time zone the working hours are in. */
  timezone: timeZone.default("UTC"),
  /** The working days. */
  days: z.array(weekday).min(1).default(["monday", "tuesday", "wednesday", "thursday", "friday"]),
  /** Start of the working day. */
  start: clockTime.default("09:00"),
  /** End of the working day; must be after `start`. */
  end: clockTime.default("17:00"),
  /** Days off, as YYYY-MM-DD in `timezone`. */
  holidays: z.array(calendarDate).default([]),
}).refine((hours) => hours.start < hours.end, { message: "end must be after start", path: ["end"] });

/** The first-response promise: every community item answered within the goal. */
export const responseSchema = z.strictObject({
  /** Watch the response clock and send reminders. */
  enabled: z.boolean().default(true),
  /** Hours within which a community item gets its first response. */
  goalHours: z.number().positive().max(24 * 90).default(24),
  /** Share of the goal after which the at-risk reminder goes out (0.75 = at 18 h of 24 h). */
  atRiskRatio: z.number().gt(0).lt(1).default(0.75),
  /** Days after which an unanswered reply from the community gets a follow-up reminder. */
  followUpDays: z.number().positive().max(365).default(7),
  /** Whom reminders mention: logins or `@org/team`. Empty: the assignees, else a user-owner. */
  notify: z.array(loginOrTeam).default([]),
  /** Label put on items past the goal, removed on the first response. */
  breachedLabel: labelName.default("needs-response"),
  /** Items with any of these labels are off the clock while labelled. */
  exemptLabels: z.array(labelName).default([]),
  /** A label meaning "waiting for the author": it pauses the clock. */
  waitingLabel: labelName.default("waiting-for-author"),
  businessHours: businessHoursSchema.prefault({}),
});
