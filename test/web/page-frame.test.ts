import { describe, expect, it } from "vitest";
import { html } from "../../src/web/html.js";
import { renderHomePage } from "../../src/web/pages/home-page.js";
import { DASHBOARD_CSS, renderPage } from "../../src/web/pages/layout.js";
import { renderNotFoundPage } from "../../src/web/pages/not-found-page.js";
import { renderSignInPage } from "../../src/web/pages/sign-in-page.js";
import { signedInChrome, signedOutChrome } from "./sample-views.js";

const trail = [
  { label: "Dashboard", href: "/dashboard" },
  { label: "octo-org", href: "/dashboard/installations/7" },
  { label: "widget", href: null },
];

describe("renderPage", () => {
  const page = renderPage(signedInChrome("octo-org/widget", trail), html`<p>body</p>`);

  it("is a whole document in English, sized for phones, in light and dark", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`<meta charset="utf-8">`);
    expect(page).toContain(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
    expect(page).toContain(`<meta name="color-scheme" content="light dark">`);
    expect(page).toContain("<title>octo-org/widget · Steward</title>");
    expect(page).toContain("<h1>octo-org/widget</h1>");
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("inlines the stylesheet byte for byte (the CSP hash is over it) and nothing else", () => {
    expect(page).toContain(`<style>${DASHBOARD_CSS}</style>`);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|\bstyle="|\bon\w+="|https?:\/\/(?!www\.w3\.org)/);
    expect(DASHBOARD_CSS).toContain("@media (prefers-color-scheme: dark)");
    expect(DASHBOARD_CSS).toContain(":focus-visible");
    expect(DASHBOARD_CSS).not.toContain("</style");
  });

  it("has a skip link to the main landmark", () => {
    expect(page).toContain(`<a class="skip-link" href="#main">Skip to content</a>`);
    expect(page).toContain(`<main id="main">`);
    expect(page.indexOf("skip-link")).toBeLessThan(page.indexOf("<header"));
  });

  it("links the brand home and shows the trail, the last crumb as the current page", () => {
    expect(page).toContain(`<a class="brand" href="/dashboard">Steward</a>`);
    expect(page).toContain(
      `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/dashboard">Dashboard</a></li><li><a href="/dashboard/installations/7">octo-org</a></li><li><span aria-current="page">widget</span></li></ol></nav>`,
    );
  });

  it("signs out with a POST form carrying the CSRF token", () => {
    expect(page).toContain("Signed in as <strong>maintainer-ann</strong>");
    expect(page).toMatch(
      /<form method="post" action="\/dashboard\/sign-out">\s*<input type="hidden" name="csrf" value="tok-123">\s*<button type="submit">Sign out<\/button>\s*<\/form>/,
    );
  });

  it("escapes the title, the login, the token and the crumbs", () => {
    const chrome = {
      title: "<b>x</b>",
      user: { login: `a"><script>` },
      csrfToken: `t"><img src=x>`,
      trail: [
        { label: "<i>", href: `javascript:alert(1)` },
        { label: "end", href: null },
      ],
    };
    const out = renderPage(chrome, html``);
    expect(out).toContain("<title>&lt;b&gt;x&lt;/b&gt; · Steward</title>");
    expect(out).toContain("<strong>a&quot;&gt;&lt;script&gt;</strong>");
    expect(out).toContain(`value="t&quot;&gt;&lt;img src=x&gt;"`);
    expect(out).toContain(`<a href="#">&lt;i&gt;</a>`);
    expect(out).not.toMatch(/<script|<img|javascript:/);
  });

  it("has no account box, form or breadcrumbs when signed out with no trail", () => {
    const out = renderPage(signedOutChrome, html``);
    expect(out).not.toContain("Signed in as");
    expect(out).not.toContain("<form");
    expect(out).not.toContain("Breadcrumb");
  });
});

describe("renderSignInPage", () => {
  it("explains the dashboard and offers the sign-in link", () => {
    const out = renderSignInPage(signedOutChrome, {
      signInHref: "/dashboard/sign-in/github?next=%2Fdashboard",
      unavailableReason: null,
      error: null,
    });
    expect(out).toContain("how fast the community gets a first response");
    expect(out).toContain(`<a class="button button-primary" href="/dashboard/sign-in/github?next=%2Fdashboard">Sign in with GitHub</a>`);
    expect(out).not.toContain('role="alert"');
  });

  it("announces a failed sign-in above the button", () => {
    const out = renderSignInPage(signedOutChrome, {
      signInHref: "/dashboard/sign-in/github",
      unavailableReason: null,
      error: "GitHub refused the code <again>.",
    });
    expect(out).toContain(`<p class="alert" role="alert">GitHub refused the code &lt;again&gt;.</p>`);
    expect(out.indexOf('role="alert"')).toBeLessThan(out.indexOf("Sign in with GitHub"));
  });

  it("says why sign-in is unavailable instead of a button", () => {
    const out = renderSignInPage(signedOutChrome, {
      signInHref: null,
      unavailableReason: "The app's client id and secret are not configured.",
      error: null,
    });
    expect(out).toContain(`<p class="notice">The app&#39;s client id and secret are not configured.</p>`);
    expect(out).not.toContain("Sign in with GitHub</a>");
  });
});

describe("renderHomePage", () => {
  const chrome = signedInChrome("Your projects", [{ label: "Dashboard", href: null }]);

  it("links each installation to its overview with its repository count", () => {
    const out = renderHomePage(chrome, {
      installations: [
        { id: 7, account: "octo-org", repositories: 3, href: "/dashboard/installations/7" },
        { id: 8, account: "<ann>", repositories: 1, href: "/dashboard/installations/8" },
      ],
    });
    expect(out).toContain(`<a href="/dashboard/installations/7">octo-org</a>`);
    expect(out).toContain("3 repositories");
    expect(out).toContain(`<a href="/dashboard/installations/8">&lt;ann&gt;</a>`);
    expect(out).toContain("1 repository<");
  });

  it("explains the permission needed when there is nothing to show", () => {
    const out = renderHomePage(chrome, { installations: [] });
    expect(out).toContain("There is nothing to show you yet.");
    expect(out).toContain("<strong>admin</strong> or <strong>maintain</strong> permission");
    expect(out).not.toContain(`class="cards"`);
  });
});

describe("renderNotFoundPage", () => {
  it("says what happened and links back to the dashboard", () => {
    const out = renderNotFoundPage(signedInChrome("Not found"));
    expect(out).toContain("not one you may see");
    expect(out).toContain(`<a href="/dashboard">Back to the dashboard</a>`);
    expect(renderNotFoundPage(signedInChrome("GitHub did not answer"), "GitHub did not <answer>.")).toContain(
      "<p>GitHub did not &lt;answer&gt;.</p>",
    );
  });
});
