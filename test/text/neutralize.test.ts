import { describe, expect, it } from "vitest";
import { codeSpan, inlineText, isGitHubLogin, login, tableCell } from "../../src/text/index.js";
import { codePoints, show, visible } from "./show.js";

const MENTION = /@[A-Za-z0-9_-]/;

describe("inlineText", () => {
  it("renders a hostile title as one harmless line", () => {
    const title =
      "@everyone @org/core-team <script>alert(1)</script> <img src=x onerror=alert(1)> " +
      "[click](http://evil.example) ![](https://evil.example/x.png) see owner/repo#123 and #7\n# not a heading";
    expect(show(inlineText(title))).toMatchInlineSnapshot(
      `"@⟨zwsp⟩everyone @⟨zwsp⟩org/core-team &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &#91;click&#93;(http:⟨zwsp⟩//evil.example) !&#91;&#93;(https:⟨zwsp⟩//evil.example/x.png) see owner/repo#⟨zwsp⟩123 and #7 # not a heading"`,
    );
  });

  it("leaves ordinary text alone", () => {
    expect(inlineText("Crash when config has a tab (v1.2)")).toBe("Crash when config has a tab (v1.2)");
    expect(inlineText("Fix #12: Überprüfung — ok 👍")).toBe("Fix #12: Überprüfung — ok 👍");
  });

  it("neutralizes every mention form, including teams and emails", () => {
    for (const title of ["@everyone", "hi @octocat!", "@org/team", "(@a)", "x@y.com", "@@double", "@-dash", "@_under"]) {
      const out = inlineText(title);
      expect(out, show(out)).not.toMatch(MENTION);
      expect(visible(out)).toBe(title);
    }
  });

  it("keeps an entity the user typed as literal text, so &#64; cannot become a mention", () => {
    expect(inlineText("&#64;everyone &amp;")).toBe("&amp;#64;everyone &amp;amp;");
  });

  it("breaks cross-repository references but keeps same-repository ones", () => {
    expect(show(inlineText("dup of octo-org/my.repo_2#45"))).toBe("dup of octo-org/my.repo&#95;2#⟨zwsp⟩45");
    expect(inlineText("see #45 and GH-46")).toBe("see #45 and GH-46");
    expect(show(inlineText("octocat/hello@a5c3785"))).toBe("octocat/hello@⟨zwsp⟩a5c3785");
  });

  it("breaks bare URL autolinks", () => {
    expect(show(inlineText("go to https://evil.example or WWW.evil.example"))).toBe("go to https:⟨zwsp⟩//evil.example or WWW⟨zwsp⟩.evil.example");
  });

  it("escapes HTML, links, code, emphasis and math", () => {
    const out = inlineText("<b>x</b> [a][b] ```js `c` *e* _f_ ~~g~~ $h$ \\*");
    expect(out).not.toMatch(/[<>[\]`*_~$\\]/);
    expect(visible(out)).toBe("<b>x</b> [a][b] ```js `c` *e* _f_ ~~g~~ $h$ \\*");
  });

  it("cannot start a heading, list, quote, setext underline or thematic break", () => {
    expect(inlineText("# Title")).toBe("&#35; Title");
    expect(inlineText("> quote")).toBe("&gt; quote");
    expect(inlineText("- item")).toBe("&#45; item");
    expect(inlineText("+ item")).toBe("&#43; item");
    expect(inlineText("* item")).toBe("&#42; item");
    expect(inlineText("---")).toBe("&#45;--");
    expect(inlineText("===")).toBe("&#61;==");
    expect(inlineText("1. item")).toBe("1&#46; item");
    expect(inlineText("123456789) item")).toBe("123456789&#41; item");
    expect(inlineText("    indented code")).toBe("indented code");
    expect(inlineText("2024. A year")).toBe("2024&#46; A year");
    expect(inlineText("Support C#")).toBe("Support C&#35;");
    expect(inlineText("#")).toBe("&#35;");
  });

  it("makes one line of any whitespace", () => {
    expect(inlineText("  a\nb\r\nc\td\u2028e\u00A0\u00A0f  ")).toBe("a b c d e f");
  });

  it("removes controls and bidi overrides", () => {
    const trojan = "admin\u202E\u2066 // check later\u2069\u202C\u200E\u200F\u061C\u0000\u0007\u001b[31m\u007F\u009B";
    expect(inlineText(trojan)).toBe("admin // check later[31m".replace("[", "&#91;"));
    for (const bidi of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(inlineText(`a${bidi}b`)).toBe("ab");
    }
  });

  it("replaces lone surrogates, which GitHub's JSON parser would reject", () => {
    expect(inlineText("a\uD83Db\uDC00")).toBe("a\uFFFDb\uFFFD");
  });

  it("truncates a 10,000-character title to maxLength characters ending in …", () => {
    const out = inlineText("a".repeat(10_000));
    expect(out).toBe(`${"a".repeat(255)}…`);
    expect(inlineText("word ".repeat(2_000), 12)).toBe("word word w…");
    expect(inlineText("short", 5)).toBe("short");
    expect(inlineText("longer", 1)).toBe("…");
    expect(inlineText("longer", 0)).toBe("");
  });

  it("never splits a surrogate pair or an emoji sequence at the cut", () => {
    // "😀" is two UTF-16 units; at every maxLength the cut lands before or after it, never inside.
    for (let max = 1; max <= 8; max++) {
      const out = inlineText("ab😀😀😀😀cd", max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(codePoints(out)).toBeLessThanOrEqual(max);
    }
    expect(inlineText("ab😀😀😀😀cd", 4)).toBe("ab😀…");
    expect(inlineText("hi 👨‍👩‍👧 family", 6)).toBe("hi…");
    expect(inlineText("🇫🇷🇩🇪🇯🇵", 5)).toBe("🇫🇷🇩🇪…");
  });
});

describe("tableCell", () => {
  it("keeps a row in one piece", () => {
    const row = `| ${tableCell("a | b\n| --- |")} | ${tableCell("@admin <i>")} |`;
    expect(show(row)).toMatchInlineSnapshot(`"| a \\| b \\| --- \\| | @⟨zwsp⟩admin &lt;i&gt; |"`);
    expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(4);
  });

  it("escapes a pipe after a user's backslash too", () => {
    expect(tableCell("a\\|b")).toBe("a&#92;\\|b");
  });

  it("truncates at 120 characters by default", () => {
    expect(visible(tableCell("x".repeat(500)))).toBe(`${"x".repeat(119)}…`);
  });
});

describe("login", () => {
  it("shows a login without a ping unless asked to mention", () => {
    expect(show(login("octocat"))).toBe("@⟨zwsp⟩octocat");
    expect(login("octocat", { mention: true })).toBe("@octocat");
    expect(login("Mona-Lisa-2", { mention: true })).toBe("@Mona-Lisa-2");
  });

  it("never mentions an invalid login", () => {
    const invalid = ["dependabot[bot]", "-lead", "trail-", "two--dashes", "a".repeat(40), "octo cat", "@octocat", "org/team", "", "ünï"];
    for (const name of invalid) {
      const out = login(name, { mention: true });
      expect(out, show(out)).not.toMatch(MENTION);
      expect(out.startsWith(`@\u200B`)).toBe(true);
    }
    expect(show(login("dependabot[bot]", { mention: true }))).toBe("@⟨zwsp⟩dependabot&#91;bot&#93;");
    expect(show(login("<b>x</b>\n#1"))).toBe("@⟨zwsp⟩&lt;b&gt;x&lt;/b&gt; #1");
  });

  it("validates logins like GitHub", () => {
    expect(isGitHubLogin("a")).toBe(true);
    expect(isGitHubLogin("a".repeat(39))).toBe(true);
    expect(isGitHubLogin("a-b-c")).toBe(true);
    expect(isGitHubLogin("a".repeat(40))).toBe(false);
    // Enterprise Managed Users: the handle, "_" and the enterprise's shortcode.
    expect(isGitHubLogin("a_b")).toBe(true);
    expect(isGitHubLogin("mona-lisa_acme")).toBe(true);
    expect(isGitHubLogin("a__b")).toBe(false);
    expect(isGitHubLogin("a_b_c")).toBe(false);
    expect(isGitHubLogin("_acme")).toBe(false);
    expect(isGitHubLogin("a-_acme")).toBe(false);
  });
});

describe("codeSpan", () => {
  it("wraps text in a fence longer than any backtick run inside", () => {
    expect(codeSpan("npm test")).toBe("` npm test `");
    expect(codeSpan("a ``` b ` c")).toMatchInlineSnapshot(`"\`\`\`\` a \`\`\` b \` c \`\`\`\`"`);
    expect(codeSpan("`edge`")).toBe("`` `edge` ``");
    expect(codeSpan("```")).toBe("```` ``` ````");
  });

  it("keeps one line and cannot forge a Steward marker", () => {
    expect(codeSpan("a\n```\n# b")).toBe("```` a ``` # b ````");
    expect(show(codeSpan("<!-- steward:welcome:1 -->"))).toBe("` <⟨zwsp⟩!-- steward:welcome:1 --> `");
  });

  it("leaves mentions and HTML alone, since GitHub renders code literally", () => {
    expect(codeSpan("@everyone <script>")).toBe("` @everyone <script> `");
  });

  it("escapes pipes inside a table row", () => {
    expect(codeSpan("a|b")).toBe("` a|b `");
    expect(codeSpan("a|b\\|c", { inTable: true })).toBe("` a\\|b\\\\|c `");
  });

  it("truncates, removes bidi overrides and gives nothing for empty text", () => {
    expect(codeSpan("x".repeat(1_000), { maxLength: 10 })).toBe(`\` ${"x".repeat(9)}… \``);
    expect(codeSpan("a\u202Eb")).toBe("` ab `");
    expect(codeSpan(" \n\t ")).toBe("");
  });
});
