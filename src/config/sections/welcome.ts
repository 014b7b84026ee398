import { z } from "zod";

/** Welcomes for first-time contributors and celebrations of contributor numbers. */
export const welcomeSchema = z.strictObject({
  /** Switch every welcome off at once. */
  enabled: z.boolean().default(true),
  /** Welcome a user's first issue in the repository. */
  firstIssue: z.boolean().default(true),
  /** Welcome a user's first pull request in the repository. */
  firstPullRequest: z.boolean().default(true),
  /** Congratulate a user's first merged pull request, with their contributor number. */
  firstMerge: z.boolean().default(true),
  /** How many of the first contributors get the founding-contributor message. */
  foundingContributors: z.number().int().min(0).max(1000).default(10),
  /** Announce a contributor milestone on the pull request that reached it. */
  announceMilestones: z.boolean().default(false),
});
