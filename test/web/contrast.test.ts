import { describe, expect, it } from "vitest";
import { DASHBOARD_CSS } from "../../src/web/pages/styles.js";

/** The custom properties of the light `:root` and of the dark one inside the media query. */
function schemes(): Record<"light" | "dark", Record<string, string>> {
  const dark = DASHBOARD_CSS.indexOf("@media (prefers-color-scheme: dark)");
  const read = (block: string) => Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));
  return { light: read(DASHBOARD_CSS.slice(0, dark)), dark: read(DASHBOARD_CSS.slice(dark, DASHBOARD_CSS.indexOf("}\n}", dark))) };
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colours on each background they are used on, and the graphics (chart lines, focus ring) on the page. */
const TEXT = ["--fg", "--muted", "--link", "--good", "--warn", "--bad"];
const GRAPHICS = ["--series-0", "--series-1", "--series-2", "--reference", "--focus"];

describe("the stylesheet's colours", () => {
  for (const [scheme, colours] of Object.entries(schemes())) {
    it(`meet WCAG AA in the ${scheme} scheme`, () => {
      const failures: string[] = [];
      for (const background of ["--bg", "--surface"]) {
        for (const text of TEXT) if (contrast(colours[text]!, colours[background]!) < 4.5) failures.push(`${text} on ${background}`);
        for (const graphic of GRAPHICS) if (contrast(colours[graphic]!, colours[background]!) < 3) failures.push(`${graphic} on ${background}`);
      }
      // The primary button is the page's colours swapped.
      expect(contrast(colours["--bg"]!, colours["--fg"]!)).toBeGreaterThanOrEqual(7);
      expect(failures).toEqual([]);
    });
  }

  it("defines every colour in both schemes", () => {
    const { light, dark } = schemes();
    expect(Object.keys(light).length).toBeGreaterThan(10);
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });
});
