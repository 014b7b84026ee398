import { describe, expect, it } from "vitest";
import { mustPauseForPoints, rateLimitWaitMs } from "../../src/metrics/rate-limit-policy.js";

const now = new Date("2026-01-01T00:00:00Z");

describe("rateLimitWaitMs", () => {
  it("honours retry-after on a secondary limit (403 or 429)", () => {
    expect(rateLimitWaitMs({ status: 403, response: { headers: { "retry-after": "30" } } }, now)).toBe(30_000);
    expect(rateLimitWaitMs({ status: 429, response: { headers: { "retry-after": "0" } } }, now)).toBe(0);
  });

  it("waits until the reset when the primary limit is spent, or GraphQL says RATE_LIMITED", () => {
    const reset = String(now.getTime() / 1000 + 120);
    expect(rateLimitWaitMs({ status: 403, response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } } }, now)).toBe(120_000);
    expect(rateLimitWaitMs({ errors: [{ type: "RATE_LIMITED" }] }, now)).toBeGreaterThan(60_000);
  });

  it("is null for other failures", () => {
    expect(rateLimitWaitMs({ status: 502, response: { headers: {} } }, now)).toBeNull();
    expect(rateLimitWaitMs({ status: 403, response: { headers: { "x-ratelimit-remaining": "12" } } }, now)).toBeNull();
    expect(rateLimitWaitMs(new Error("socket hang up"), now)).toBeNull();
  });
});

describe("mustPauseForPoints", () => {
  it("pauses once the remaining points are down to the reserve", () => {
    expect(mustPauseForPoints(101)).toBe(false);
    expect(mustPauseForPoints(100)).toBe(true);
  });
});
