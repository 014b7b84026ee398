import { describe, expect, it } from "vitest";
import { fitBody, fitToLimit, GITHUB_BODY_LIMIT, hiddenMarker, inlineText, truncateList } from "../../src/text/index.js";
import type { BodySection } from "../../src/text/index.js";
import { codePoints } from "./show.js";

const marker = hiddenMarker("digest", "octo/repo/2024-W07");
const items = (count: number, text = "an issue title") => Array.from({ length: count }, (_, i) => `- #${i + 1} ${text}`);

describe("truncateList", () => {
  it("keeps short lists and cuts long ones with a count", () => {
    expect(truncateList(["a", "b"], 2)).toEqual(["a", "b"]);
    expect(truncateList(["a", "b", "c", "d"], 2)).toEqual(["a", "b", "…and 2 more"]);
    expect(truncateList(["a", "b"], 0, (n) => `- ${n} hidden`)).toEqual(["- 2 hidden"]);
    expect(truncateList(["a"], -3)).toEqual(["…and 1 more"]);
  });
});

describe("fitBody", () => {
  it("joins parts with blank lines when they fit", () => {
    const body = fitBody({
      head: "## Weekly digest",
      sections: [
        { head: "### New contributors", items: ["- @\u200Bmona", "- @\u200Bhubot"] },
        { head: "### Waiting for a first response", items: [] },
      ],
      tail: marker,
    });
    expect(body).toBe("## Weekly digest\n\n### New contributors\n- @\u200Bmona\n- @\u200Bhubot\n\n### Waiting for a first response\n\n" + marker);
  });

  it("cuts long lists to whole items with 'and N more' and keeps the marker", () => {
    const parts = {
      head: "## Weekly digest",
      sections: [
        { head: "### Opened", items: items(20) },
        { head: "### Closed", items: items(3) },
      ],
      tail: marker,
    };
    const body = fitBody(parts, 400);
    expect(body).toMatchInlineSnapshot(`
      "## Weekly digest

      ### Opened
      - #1 an issue title
      - #2 an issue title
      - #3 an issue title
      - #4 an issue title
      - #5 an issue title
      - #6 an issue title
      - #7 an issue title
      - #8 an issue title
      - #9 an issue title
      - #10 an issue title
      - #11 an issue title
      - #12 an issue title

      …and 8 more

      ### Closed
      - #1 an issue title
      - #2 an issue title
      - #3 an issue title

      <!-- steward:digest:octo/repo/2024-W07 -->"
    `);
    expect(body.length).toBeLessThanOrEqual(400);
  });

  it("fits 10,000 long titles into GitHub's limit, cutting every section at the same depth", () => {
    const title = inlineText("x".repeat(10_000));
    const sections: BodySection[] = [
      { head: "### Opened", items: items(10_000, title) },
      { head: "### Closed", items: items(5, title) },
      {
        head: "| login | company |\n|---|---|",
        items: Array.from({ length: 10_000 }, (_, i) => `| u${i} | ${title} |`),
        more: (n) => `${n} more rows`,
      },
    ];
    const body = fitBody({ head: "## Digest", sections, tail: marker });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 3 * 300);
    expect(body.endsWith(`\n\n${marker}`)).toBe(true);
    const opened = body.match(/^- #\d+ x+…$/gm)?.length ?? 0;
    const rows = body.match(/^\| u\d+ \| x+… \|$/gm)?.length ?? 0;
    expect(rows).toBe(opened - 5);
    expect(body).toContain(`…and ${10_000 - rows} more`);
    expect(body).toContain(`${10_000 - rows} more rows`);
    expect(body).toContain(`### Closed\n- #1 ${title}`);
    expect(body).toContain(`- #5 ${title}\n\n| login | company |`);
  });

  it("respects a section's own maximum", () => {
    const body = fitBody({ head: "", sections: [{ head: "Top", items: items(12), max: 3 }] });
    expect(body).toBe("Top\n- #1 an issue title\n- #2 an issue title\n- #3 an issue title\n\n…and 9 more");
  });

  it("counts an emoji as two characters, so the body also fits when GitHub counts code points", () => {
    const body = fitBody({ head: "", sections: [{ head: "", items: Array.from({ length: 5_000 }, () => "- 🚀🚀🚀🚀") }] }, 1_000);
    expect(body.length).toBeLessThanOrEqual(1_000);
    expect(codePoints(body)).toBeLessThanOrEqual(1_000);
    expect(body.length).toBeGreaterThan(980);
  });

  it("cuts oversized heads by whole lines, still keeping the tail", () => {
    const head = Array.from({ length: 100 }, (_, i) => `Line ${i} of a very long preamble.`).join("\n");
    const body = fitBody({ head, sections: [{ head: "### S", items: items(10) }], tail: marker }, 500);
    expect(body.length).toBeLessThanOrEqual(500);
    expect(body).toMatch(/^Line 0 of a very long preamble\.\n/);
    expect(body).toMatch(/preamble\.\n\n_This message was shortened to fit GitHub's size limit\._\n\n<!-- steward/);
    expect(body.endsWith(marker)).toBe(true);
  });

  it("keeps the tail alone when nothing else fits, and refuses a tail over the limit", () => {
    expect(fitBody({ head: "x".repeat(100), sections: [], tail: marker }, marker.length)).toBe(marker);
    expect(fitBody({ head: "x".repeat(100), sections: [], tail: marker }, marker.length + 1)).toBe(marker);
    expect(() => fitBody({ head: "", sections: [], tail: marker }, marker.length - 1)).toThrow(RangeError);
  });
});

describe("fitToLimit", () => {
  const notice = "(cut)";

  it("returns a body that fits unchanged", () => {
    expect(fitToLimit("a\nb", 3, notice)).toBe("a\nb");
  });

  it("cuts between lines and adds the notice", () => {
    expect(fitToLimit("one\ntwo\nthree\nfour", 16, notice)).toBe("one\ntwo\n\n(cut)");
  });

  it("closes a code fence it cut through, with the same fence", () => {
    const body = "Log:\n~~~~text\nline 1\nline 2\nline 3\n~~~~\nafter";
    expect(fitToLimit(body, 40, notice)).toBe("Log:\n~~~~text\nline 1\nline 2\n~~~~\n\n(cut)");
    const quoted = "> ```\n> a\n> b\n> c\n> ```";
    expect(fitToLimit(quoted, 22, notice)).toBe("> ```\n> a\n> ```\n\n(cut)");
  });

  it("does not take inline code for a fence", () => {
    expect(fitToLimit("```not a fence```\nline\nline\nline", 31, notice)).toBe("```not a fence```\nline\n\n(cut)");
  });

  it("closes an HTML comment and <details> it cut through", () => {
    const body = "<details><summary>More</summary>\n\n- a\n- b\n<!-- note\nhidden\nmore hidden\n-->\n- c\n</details>";
    expect(fitToLimit(body, 80, notice)).toMatchInlineSnapshot(`
      "<details><summary>More</summary>

      - a
      - b
      <!-- note
      hidden
      -->
      </details>

      (cut)"
    `);
    const marked = `${marker}\n<!-- steward:x\ny -->\n${"text".repeat(10)}`;
    expect(fitToLimit(marked, marked.length - 1, notice)).toBe(`${marker}\n<!-- steward:x\ny -->\n\n(cut)`);
  });

  it("drops a line longer than the limit instead of cutting into it", () => {
    const body = `short\n${"`".repeat(1)} @everyone ${"x".repeat(100)} \`\nend`;
    expect(fitToLimit(body, 50, notice)).toBe("short\n\n(cut)");
  });

  it("never exceeds the limit, whatever the limit", () => {
    const body = [
      "# Digest",
      "```js",
      "const a = 1;",
      "```",
      "<details>",
      "<!-- steward:digest:x -->",
      "<!--",
      "hidden",
      ...items(30),
      "-->",
      "</details>",
      "🚀".repeat(20),
    ].join("\n");
    // Whole lines of the body, closers and the notice: nothing cut mid-line.
    const cutNotice = "_This message was shortened to fit GitHub's size limit._";
    const allowed = new Set([...body.split("\n"), "```", "-->", "</details>", "", cutNotice]);
    for (let limit = -1; limit <= body.length + 1; limit++) {
      const out = fitToLimit(body, limit);
      expect(out.length, `limit ${limit}`).toBeLessThanOrEqual(Math.max(0, limit));
      for (const line of out.split("\n")) expect(allowed.has(line), `limit ${limit}: ${line}`).toBe(true);
    }
    expect(fitToLimit(body, 5, "a notice too long")).toBe("");
  });
});
