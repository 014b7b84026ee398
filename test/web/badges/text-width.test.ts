import { describe, expect, it } from "vitest";
import { textWidth } from "../../../src/web/badges/text-width.js";

describe("textWidth", () => {
  it("grows with every character added", () => {
    let previous = textWidth("");
    expect(previous).toBe(0);
    for (const text of ["f", "fi", "fir", "firs", "first", "first ", "first r", "first response"]) {
      const width = textWidth(text);
      expect(width).toBeGreaterThan(previous);
      previous = width;
    }
  });

  it("gives Verdana 11px's proportions: narrow i and l, wide m and W", () => {
    expect(textWidth("iiii")).toBeLessThan(textWidth("nnnn"));
    expect(textWidth("nnnn")).toBeLessThan(textWidth("mmmm"));
    expect(textWidth("W")).toBeGreaterThan(textWidth("A"));
    // A digit is as wide as any other, so a changing number does not shift the text.
    expect(new Set([..."0123456789"].map(textWidth)).size).toBe(1);
  });

  it("lands near what Verdana 11px really takes", () => {
    // Verdana sets "first response" in about 82 px and "92%" in about 25 px at 11 px.
    expect(textWidth("first response")).toBeGreaterThan(76);
    expect(textWidth("first response")).toBeLessThan(88);
    expect(textWidth("92%")).toBeGreaterThan(21);
    expect(textWidth("92%")).toBeLessThan(28);
  });

  it("counts a character outside the basic plane once, and an ideograph as a full em", () => {
    expect(textWidth("😀")).toBe(textWidth("n"));
    expect(textWidth("中")).toBe(11);
  });
});
