import { z } from "zod";
import { clockTime, labelName, timeZone, weekday } from "../fields.js";

export const digestSectionsSchema = z
  .strictObject({
    headline: z.boolean().default(true),
    response: z.boolean().default(true),
    contributors: z.boolean().default(true),
    milestones: z.boolean().default(true),
    chart: z.boolean().default(true),
    readiness: z.boolean().default(true),
    conversion: z.boolean().default(true),
    health: z.boolean().default(true),
    problems: z.boolean().default(true),
  })
  .describe("The sections of the weekly digest, each switchable.");

export const digestConversionSchema = z
  .strictObject({
    publicRevenue: z
      .enum(["aggregate", "never"])
      .default("aggregate")
      .describe(
        '`aggregate`: customers and MRR only from 3 customers on ("fewer than 3" before), so no figure can be read back to one contract; `never`: neither, ever. A private repository\'s digest always shows them.',
      ),
  })
  .describe("What a public repository's digest says of revenue.");

export const digestRollupSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe(
        "Open an organization roll-up issue in this repository every week, over every repository of the same installation Steward serves. On the same `day`, `time` and `timezone` as the digest, whether or not `digest.enabled` is on.",
      ),
    exclude: z
      .array(z.string().trim().min(1, "a repository name cannot be empty").max(200))
      .default([])
      .describe("Repositories left out of the roll-up, by name (`widget`) or full name (`acme/widget`), ignoring case."),
    label: labelName.default("organization-digest").describe("Label put on roll-up issues."),
  })
  .describe(
    "A weekly organization roll-up: a table of the installation's repositories, totals, new contributors and milestones counted as distinct people; leads by name only when this repository is private.",
  );

export const digestSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Open a digest issue every week."),
    day: weekday.default("monday").describe("The day the digest is opened."),
    time: clockTime.default("09:00").describe("The time of day it is opened, in `timezone`."),
    timezone: timeZone.default("UTC").describe("The time zone of `day` and `time`."),
    label: labelName.default("community-digest").describe("Label put on digest issues."),
    mentionContributors: z.boolean().default(false).describe("Mention new contributors by @login (pings them). Off: names without a ping."),
    showConversionNames: z.boolean().default(false).describe("Name leads and customers in the digest; honoured on private repositories only."),
    sections: digestSectionsSchema.prefault({}),
    conversion: digestConversionSchema.prefault({}),
    rollup: digestRollupSchema.prefault({}),
  })
  .describe("The weekly digest issue.");
