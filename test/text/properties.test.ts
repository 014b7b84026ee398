import { describe, expect, it } from "vitest";
import { codeSpan, fitToLimit, hiddenMarker, inlineText, parseMarkers, tableCell } from "../../src/text/index.js";
import { codePoints, show, visible } from "./show.js";

/** Nasty fragments; every test below combines them the same way on every run (no randomness). */
const FRAGMENTS = [
  "@everyone",
  "@org/team",
  "@a",
  "x@y.io",
  "@",
  "owner/repo#1",
  "o.o/r-r_r#99",
  "#12",
  "GH-3",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!-- steward:welcome:o/r/1 -->",
  "-->",
  "<!--",
  "|",
  "a|b",
  "\\|",
  "\\",
  "\\\\",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "```",
  "`",
  "``",
  "~~~",
  "[x](http://evil)",
  "![](https://evil/i.png)",
  "[a]: http://evil",
  "https://evil.example",
  "www.evil.io",
  "# ",
  "## h",
  "> ",
  "- ",
  "+ ",
  "* ",
  "1. ",
  "2) ",
  "===",
  "---",
  "*b*",
  "_u_",
  "~~s~~",
  "$x$",
  "$$",
  "&#64;everyone",
  "&amp;",
  "&",
  "<",
  ">",
  "\u202Eevil\u202C",
  "\u2066x\u2069",
  "\u200E\u200F\u061C",
  "\u0000\u0007\u001b[31m",
  "\u007F\u0085\u009B",
  "👨‍👩‍👧",
  "🇫🇷",
  "😀",
  "\uD83D",
  "\uDE00",
  "é",
  "e\u0301",
  "  ",
  "",
];
const SEPARATORS = ["", " ", "\n"];

/** Every pair with every separator, and a fixed ninth of the triples. */
function combinations(): string[] {
  const inputs: string[] = [];
  for (const a of FRAGMENTS) {
    for (const b of FRAGMENTS) {
      for (const separator of SEPARATORS) inputs.push(a + separator + b);
    }
  }
  FRAGMENTS.forEach((a, i) => {
    FRAGMENTS.forEach((b, j) => {
      FRAGMENTS.forEach((c, k) => {
        if ((i * 7 + j * 3 + k) % 9 === 0) inputs.push(a + b + c);
      });
    });
  });
  return inputs;
}
const INPUTS = combinations();

const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The same text as a reader should see it: one line, no controls, no bidi, no zero-width space. */
function expectedText(untrusted: string): string {
  return untrusted
    .replace(new RegExp(LONE_SURROGATE, "g"), "\uFFFD")
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\u200B/g, "");
}

/** The first broken invariant of an `inlineText` result, or null. */
function inlineProblem(out: string, max: number): string | null {
  if (/@[A-Za-z0-9_-]/.test(out)) return "mention";
  if (/[<>[\]`*_~$]/.test(out)) return "raw markdown or HTML syntax";
  if (CONTROL_OR_BIDI.test(out)) return "control, bidi or line break";
  if (LONE_SURROGATE.test(out)) return "lone surrogate";
  if (/:\/\/|www\./i.test(out)) return "autolink";
  if (/[\w.-]\/[\w.-]+#\d/.test(out)) return "cross-repository reference";
  if (/^(#|-|\+|=|\d{1,9}[.)]|\s)/.test(out)) return "block marker at the start";
  if (codePoints(visible(out)) > max) return "over maxLength";
  if (out.length > 6 * max) return "markdown over 6 x maxLength";
  return null;
}

/** Runs `check` on every input and lists the failures, so one assertion covers thousands of cases. */
function failures(check: (input: string) => string | null): string[] {
  const found: string[] = [];
  for (const input of INPUTS) {
    const problem = check(input);
    if (problem !== null) found.push(`${JSON.stringify(input)}: ${problem}`);
  }
  return found.slice(0, 10);
}

describe("invariants over combined hostile fragments", () => {
  it(`inlineText: no mention, no raw syntax, one line, within length (${INPUTS.length} inputs)`, () => {
    const broken = failures((input) => {
      for (const max of [1, 3, 8, 256]) {
        const out = inlineText(input, max);
        const problem = inlineProblem(out, max);
        if (problem !== null) return `${problem} in ${JSON.stringify(show(out))} (max ${max})`;
      }
      const whole = visible(inlineText(input));
      const expected = expectedText(input);
      return codePoints(expected) <= 256 && whole !== expected ? `shows ${JSON.stringify(whole)}` : null;
    });
    expect(broken).toEqual([]);
  });

  it("tableCell: every pipe escaped, no other backslash", () => {
    const broken = failures((input) => {
      for (const max of [5, 120]) {
        const out = tableCell(input, max);
        const problem = inlineProblem(out.replace(/\\\|/g, "|"), max);
        if (problem !== null) return `${problem} in ${JSON.stringify(show(out))}`;
        if (/[|\\]/.test(out.replace(/\\\|/g, ""))) return `unescaped | or stray \\ in ${JSON.stringify(out)}`;
      }
      return null;
    });
    expect(broken).toEqual([]);
  });

  it("codeSpan: a fence no run inside can close, one line, no comment opener", () => {
    const broken = failures((input) => {
      for (const inTable of [false, true]) {
        const out = codeSpan(input, { maxLength: 40, inTable });
        if (out === "") return expectedText(input) === "" ? null : "empty span for text";
        const [, fence = "", inner = ""] = /^(`+) ([\s\S]*) \1$/.exec(out) ?? [];
        if (fence === "") return `not a padded span: ${JSON.stringify(out)}`;
        if (Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length)) >= fence.length) return `closable: ${out}`;
        if (/[\n\r\u2028\u2029]|<!--/.test(out) || CONTROL_OR_BIDI.test(out)) return `unsafe: ${JSON.stringify(out)}`;
        if (inTable && out.replace(/\\\|/g, "").includes("|")) return `raw pipe: ${out}`;
        if (codePoints(inner.replace(/\\\|/g, "|").replace(/\u200B/g, "")) > 40) return "over maxLength";
      }
      return null;
    });
    expect(broken).toEqual([]);
  });

  it("hiddenMarker: round-trips through parseMarkers and never ends early", () => {
    const wellFormed = INPUTS.filter((input) => !LONE_SURROGATE.test(input));
    const broken = wellFormed.flatMap((key, index) => {
      const kind = wellFormed[(index * 31) % wellFormed.length] || "k";
      const marker = hiddenMarker(kind, key);
      const [found, ...extra] = parseMarkers(`before ${marker} after`);
      const ok =
        extra.length === 0 &&
        found?.kind === kind &&
        found.key === key &&
        !marker.slice(4, -3).includes("--") &&
        /^<!-- steward:[A-Za-z0-9._/%-]+:[A-Za-z0-9._/%-]* -->$/.test(marker);
      return ok ? [] : [`${JSON.stringify([kind, key])} -> ${marker}`];
    });
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it("fitToLimit: never over the limit for bodies made of quoted fragments", () => {
    const body = INPUTS.slice(0, 3_000)
      .map((input, i) => (i % 5 === 0 ? codeSpan(input) : `- ${inlineText(input)}`))
      .join("\n");
    for (const limit of [0, 1, 50, 1_000, 20_000, body.length - 1]) {
      expect(fitToLimit(body, limit).length).toBeLessThanOrEqual(limit);
    }
  });
});
