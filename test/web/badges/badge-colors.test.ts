import { describe, expect, it } from "vitest";
import { medianColor, shareColor } from "../../../src/web/badges/badge-colors.js";

const H = 3_600_000;

describe("shareColor", () => {
  it("is green from 90%, yellow from 75%, red below, grey without data", () => {
    expect(shareColor(1)).toBe("green");
    expect(shareColor(0.9)).toBe("green");
    expect(shareColor(0.8999)).toBe("yellow");
    expect(shareColor(0.75)).toBe("yellow");
    expect(shareColor(0.7499)).toBe("red");
    expect(shareColor(0)).toBe("red");
    expect(shareColor(null)).toBe("grey");
  });
});

describe("medianColor", () => {
  it("is green within half the goal, yellow within the goal, red past it, grey without data", () => {
    expect(medianColor(0, 24)).toBe("green");
    expect(medianColor(12 * H, 24)).toBe("green");
    expect(medianColor(12 * H + 1, 24)).toBe("yellow");
    expect(medianColor(24 * H, 24)).toBe("yellow");
    expect(medianColor(24 * H + 1, 24)).toBe("red");
    expect(medianColor(null, 24)).toBe("grey");
  });

  it("follows the goal it is given", () => {
    expect(medianColor(3 * H, 4)).toBe("yellow");
    expect(medianColor(3 * H, 8)).toBe("green");
    expect(medianColor(3 * H, 2)).toBe("red");
  });
});
