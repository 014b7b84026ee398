import { validate } from "node-cron";
import { describe, expect, it } from "vitest";
import { JOBS } from "../../src/scheduler/jobs.js";

describe("JOBS", () => {
  it("sweeps every 15 minutes, retries welcomes between sweeps, checks digests hourly, and has valid patterns", () => {
    expect(Object.fromEntries(JOBS.map((job) => [job.name, job.cron]))).toMatchObject({
      "response sweep": "*/15 * * * *",
      "welcome retries": "7,22,37,52 * * * *",
      "member projections": "3,18,33,48 * * * *",
      digests: "5 * * * *",
    });
    for (const job of JOBS) expect(validate(job.cron)).toBe(true);
  });
});
