import { describe, expect, it } from "vitest";
import { attr, escapeHtml, html, join, raw, SafeHtml, safeHref, type HtmlValue } from "../../src/web/html.js";

describe("the html template", () => {
  it("escapes the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(html`<td>${"Tom & Jerry <3"}</td>`.value).toBe("<td>Tom &amp; Jerry &lt;3</td>");
  });

  it("keeps a script in an issue title as text", () => {
    const title = `</td><script>alert(document.cookie)</script>`;
    const out = html`<td>${title}</td>`.value;
    expect(out).toBe("<td>&lt;/td&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;</td>");
    expect(out).not.toContain("<script");
  });

  it("keeps a quoted attribute closed whatever quotes the value holds", () => {
    const login = `x" onmouseover="alert(1)`;
    expect(html`<a title="${login}">`.value).toBe(`<a title="x&quot; onmouseover=&quot;alert(1)">`);
    expect(html`<a title='${"it's"}'>`.value).toBe(`<a title='it&#39;s'>`);
  });

  it("refuses an unquoted attribute value, which a space in the value could break out of", () => {
    expect(() => html`<a href=${"/x onclick=alert(1)"}>`).toThrow(/quote the attribute/);
    // An "=" in text is not an attribute.
    expect(html`<p>a = ${"b"}</p>`.value).toBe("<p>a = b</p>");
  });

  it("renders numbers, nested SafeHtml and arrays, and nothing for null, undefined and false", () => {
    const rows = [1, 2].map((n) => html`<li>${n}</li>`);
    const flag = false as boolean;
    expect(html`<ul>${rows}</ul>${null}${undefined}${flag && html`<b>no</b>`}`.value).toBe("<ul><li>1</li><li>2</li></ul>");
    expect(html`${["<", html`<b>`, ["&", 3]]}`.value).toBe("&lt;<b>&amp;3");
    expect(html`${1234.5}`.value).toBe("1234.5");
  });

  it("does not double-escape a fragment put into another", () => {
    const inner = html`<i>${"a<b"}</i>`;
    expect(html`<p>${inner}</p>`.value).toBe("<p><i>a&lt;b</i></p>");
    expect(String(inner)).toBe("<i>a&lt;b</i>");
  });

  it("fails loudly on a value it does not know how to show", () => {
    const date = new Date("2026-01-01T00:00:00Z") as unknown as HtmlValue;
    expect(() => html`${date}`).toThrow(TypeError);
    expect(() => html`${true as unknown as HtmlValue}`).toThrow(TypeError);
  });

  it("takes raw markup as it is, for constants", () => {
    expect(raw("<br>")).toBeInstanceOf(SafeHtml);
    expect(html`a${raw("<br>")}b`.value).toBe("a<br>b");
  });

  it("joins fragments with an escaped separator, skipping the empty ones", () => {
    expect(join([html`<b>1</b>`, null, "2<"], " & ").value).toBe("<b>1</b> &amp; 2&lt;");
  });
});

describe("attr", () => {
  it("writes an escaped attribute, a bare one for true and nothing when absent", () => {
    expect(html`<span${attr("aria-current", "page")}>`.value).toBe(`<span aria-current="page">`);
    expect(attr("title", `"><script>`).value).toBe(` title="&quot;&gt;&lt;script&gt;"`);
    expect(attr("download", true).value).toBe(" download");
    expect(attr("aria-current", false).value).toBe("");
    expect(attr("aria-current", null).value).toBe("");
  });

  it("refuses a name that is not an attribute name", () => {
    expect(() => attr(`x onclick="y"`, "1")).toThrow();
  });
});

describe("safeHref", () => {
  it("keeps links to this site and to GitHub over http(s)", () => {
    expect(safeHref("/dashboard/installations/7")).toBe("/dashboard/installations/7");
    expect(safeHref("https://github.com/o/r/issues/1")).toBe("https://github.com/o/r/issues/1");
    expect(safeHref("#leads")).toBe("#leads");
  });

  it("turns script, data and protocol-relative URLs into a harmless '#'", () => {
    expect(safeHref("javascript:alert(1)")).toBe("#");
    expect(safeHref(" JaVaScRiPt:alert(1)")).toBe("#");
    expect(safeHref("data:text/html,<script>")).toBe("#");
    expect(safeHref("//evil.example/x")).toBe("#");
    expect(safeHref("/\\evil.example")).toBe("#");
  });
});
