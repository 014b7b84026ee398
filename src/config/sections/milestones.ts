import { z } from "zod";
import { thresholds } from "../fields.js";

export const milestonesSchema = z
  .strictObject({
    stars: thresholds([100, 1_000, 10_000]).describe("Stargazers."),
    contributors: thresholds([10, 50, 100]).describe("Contributors (users with a merged pull request)."),
    activeMembers: thresholds([100, 1_000, 10_000]).describe("Active members over the trailing 30 days."),
    mrr: thresholds([1_000, 10_000]).describe("Monthly recurring revenue in USD, from the customers recorded with the CLI."),
  })
  .describe("Thresholds on the road to an open-core business, per metric.");
