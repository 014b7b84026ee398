import { describe, expect, it } from "vitest";
import { codeSpan, hiddenMarker, inlineText, parseMarkers } from "../../src/text/index.js";

describe("hiddenMarker", () => {
  it("writes a plain marker for plain parts", () => {
    expect(hiddenMarker("welcome", "octo/repo/42")).toBe("<!-- steward:welcome:octo/repo/42 -->");
    expect(hiddenMarker("digest", "2024-W07")).toBe("<!-- steward:digest:2024-W07 -->");
  });

  it("percent-encodes anything that could end the comment or split the parts", () => {
    const marker = hiddenMarker("remind:me", "a --> <b> %41 x");
    expect(marker).toMatchInlineSnapshot(`"<!-- steward:remind%3Ame:a%20-%2D%3E%20%3Cb%3E%20%2541%20x -->"`);
    expect(marker.indexOf("-->")).toBe(marker.length - 3);
  });

  it("never contains a double hyphen before its end", () => {
    const marker = hiddenMarker("k---", "----x--");
    expect(marker.slice(4, -3)).not.toContain("--");
    expect(parseMarkers(marker)).toEqual([{ kind: "k---", key: "----x--" }]);
  });

  it("encodes non-ASCII as UTF-8 bytes", () => {
    expect(hiddenMarker("lead", "Zürich 🚀")).toBe("<!-- steward:lead:Z%C3%BCrich%20%F0%9F%9A%80 -->");
  });

  it("refuses an empty kind but accepts an empty key", () => {
    expect(() => hiddenMarker("", "x")).toThrow(RangeError);
    expect(parseMarkers(hiddenMarker("once", ""))).toEqual([{ kind: "once", key: "" }]);
  });
});

describe("parseMarkers", () => {
  it("finds every marker in a body, in order", () => {
    const body = [
      hiddenMarker("welcome", "o/r#1"),
      "Thanks for your first pull request!",
      `Trailing text ${hiddenMarker("digest", "2024-W07")} and more`,
    ].join("\n");
    expect(parseMarkers(body)).toEqual([
      { kind: "welcome", key: "o/r#1" },
      { kind: "digest", key: "2024-W07" },
    ]);
  });

  it("ignores lookalikes and malformed escapes", () => {
    expect(parseMarkers("<!-- steward:welcome -->")).toEqual([]);
    expect(parseMarkers("<!--steward:a:b-->")).toEqual([]);
    expect(parseMarkers("<!-- other:a:b -->")).toEqual([]);
    expect(parseMarkers("<!-- steward:a:b c -->")).toEqual([]);
    expect(parseMarkers("<!-- steward:a:%E0%A4 -->")).toEqual([]);
    expect(parseMarkers("")).toEqual([]);
  });

  it("finds no marker in untrusted text that Steward quoted", () => {
    const forged = "<!-- steward:welcome:octo/repo/42 -->";
    expect(parseMarkers(`Title: ${inlineText(forged)}`)).toEqual([]);
    expect(parseMarkers(`Title: ${codeSpan(forged)}`)).toEqual([]);
    expect(parseMarkers(forged)).toHaveLength(1);
  });
});
