import { z } from "zod";
import { clockTime, labelName, timeZone, weekday } from "../fields.js";

/** The sections of the weekly digest, each switchable. */
export const digestSectionsSchema = z.strictObject({
  headline: z.boolean().default(true),
  response: z.boolean().default(true),
  contributors: z.boolean().default(true),
  milestones: z.boolean().default(true),
  chart: z.boolean().default(true),
  readiness: z.boolean().default(true),
  conversion: z.boolean().default(true),
  problems: z.boolean().default(true),
});

/** What a public repository's digest says of revenue. */
export const digestConversionSchema = z.strictObject({
  /**
   * `aggregate`: customers and MRR only from 3 customers on ("fewer than 3" before), so no figure
   * can be read back to one contract; `never`: neither, ever. A private repository's digest always
   * shows them.
   */
  publicRevenue: z.enum(["aggregate", "never"]).default("aggregate"),
});

/** The weekly digest issue. */
export const digestSchema = z.strictObject({
  /** Open a digest issue every week. */
  enabled: z.boolean().default(true),
  /** The day the digest is opened. */
  day: weekday.default("monday"),
  /** The time of day it is opened, in `timezone`. */
  time: clockTime.default("09:00"),
  /** The time zone of `day` and `time`. */
  timezone: timeZone.default("UTC"),
  /** Label put on digest issues. */
  label: labelName.default("community-digest"),
  /** Mention new contributors by @login (pings them). Off: names without a ping. */
  mentionContributors: z.boolean().default(false),
  /** Name leads and customers in the digest; honoured on private repositories only. */
  showConversionNames: z.boolean().default(false),
  sections: digestSectionsSchema.prefault({}),
  conversion: digestConversionSchema.prefault({}),
});
