import { describe, expect, it } from "vitest";
import { BADGE_FILLS, LABEL_FILL } from "../../../src/web/badges/badge-colors.js";
import { escapeXml, renderBadge } from "../../../src/web/badges/badge-svg.js";

const widthOf = (svg: string) => Number(/^<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
const rectWidths = (svg: string) => [...svg.matchAll(/<rect (?:x="\d+" )?width="(\d+)" height="20" fill="#/g)].map((m) => Number(m[1]));

describe("renderBadge", () => {
  it("is an accessible image with a title, the label on grey and the value on its colour", () => {
    const svg = renderBadge({ label: "first response", value: "3h 20m", color: "green" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-label="first response: 3h 20m">/);
    expect(svg).toContain("<title>first response: 3h 20m</title>");
    expect(svg).toContain(`fill="${LABEL_FILL}"`);
    expect(svg).toContain(`fill="${BADGE_FILLS.green}"`);
    expect(svg).toContain('font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"');
    // Each text twice: the shadow and the white text over it.
    expect(svg.match(/>first response<\/text>/g)).toHaveLength(2);
    expect(svg.match(/>3h 20m<\/text>/g)).toHaveLength(2);
    expect(svg).toMatch(/<\/svg>$/);
  });

  it("makes each half as wide as its text needs, and the whole their sum", () => {
    const short = renderBadge({ label: "first response", value: "5m", color: "green" });
    const long = renderBadge({ label: "first response", value: "12d 23h", color: "green" });
    expect(widthOf(long)).toBeGreaterThan(widthOf(short));
    const [labelHalf, valueHalf] = rectWidths(long);
    expect(labelHalf! + valueHalf!).toBe(widthOf(long));
    expect(rectWidths(short)[0]).toBe(labelHalf);
    expect(widthOf(renderBadge({ label: "within 24h goal", value: "92%", color: "green" }))).toBeGreaterThan(
      widthOf(renderBadge({ label: "first response", value: "92%", color: "green" })),
    );
  });

  it("escapes text in the label, the value, the title and the aria-label", () => {
    const weird = `first response of a"b'<c>&d/<script>`;
    const svg = renderBadge({ label: weird, value: "<1m & more", color: "yellow" });
    const escaped = "first response of a&quot;b&apos;&lt;c&gt;&amp;d/&lt;script&gt;";
    expect(svg).toContain(`aria-label="${escaped}: &lt;1m &amp; more"`);
    expect(svg).toContain(`<title>${escaped}: &lt;1m &amp; more</title>`);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain('a"b');
    // Every `<` left opens one of the badge's own elements.
    for (const tag of svg.matchAll(/<\/?([a-zA-Z]+)/g))
      expect(["svg", "title", "linearGradient", "stop", "clipPath", "rect", "g", "text"]).toContain(tag[1]);
  });

  it("paints a badge without data grey", () => {
    const svg = renderBadge({ label: "within 24h goal", value: "no data", color: "grey" });
    expect(svg).toContain(`fill="${BADGE_FILLS.grey}"`);
    expect(svg).toContain('aria-label="within 24h goal: no data"');
    for (const fill of [BADGE_FILLS.green, BADGE_FILLS.yellow, BADGE_FILLS.red]) expect(svg).not.toContain(fill);
  });
});

describe("escapeXml", () => {
  it("drops what XML cannot hold at all and keeps characters outside the basic plane", () => {
    expect(escapeXml("a\u0000b\u001bc\ud800d")).toBe("abcd");
    expect(escapeXml("tab\tnew\nline 😀")).toBe("tab\tnew\nline 😀");
  });
});
