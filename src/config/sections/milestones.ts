import { z } from "zod";
import { thresholds } from "../fields.js";

/** Thresholds on the road to an open-core business, per metric. */
export const milestonesSchema = z.strictObject({
  /** Stargazers. */
  stars: thresholds([100, 1_000, 10_000]),
  /** Contributors (users with a merged pull request). */
  contributors: thresholds([10, 50, 100]),
  /** Active members over the trailing 30 days. */
  activeMembers: thresholds([100, 1_000, 10_000]),
  /** Monthly recurring revenue in USD, from the customers recorded with the CLI. */
  mrr: thresholds([1_000, 10_000]),
});
