import { attr, html, raw, safeHref, type SafeHtml } from "../html.js";
import type { PageChrome } from "../view-models.js";
import { DASHBOARD_CSS } from "./styles.js";

export { DASHBOARD_CSS };

function breadcrumbs(trail: PageChrome["trail"]): SafeHtml | null {
  if (trail.length === 0) return null;
  const items = trail.map((crumb, i) => {
    const current = i === trail.length - 1;
    // The current page is named, not linked: a link to where one already is only adds a tab stop.
    if (current || crumb.href === null) return html`<li><span${attr("aria-current", current && "page")}>${crumb.label}</span></li>`;
    return html`<li><a href="${safeHref(crumb.href)}">${crumb.label}</a></li>`;
  });
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items}</ol></nav>`;
}

function account(chrome: PageChrome): SafeHtml | null {
  if (chrome.user === null) return null;
  // Signing out is a POST carrying the CSRF token: a link (GET) could be triggered by any page.
  const signOut =
    chrome.csrfToken !== null &&
    html`<form method="post" action="/dashboard/sign-out">
        <input type="hidden" name="csrf" value="${chrome.csrfToken}">
        <button type="submit">Sign out</button>
      </form>`;
  return html`<div class="account"><span>Signed in as <strong>${chrome.user.login}</strong></span>${signOut}</div>`;
}

/**
 * A whole document around a page's body: the frame every dashboard page shares, the page's title
 * as its `<h1>`, and the stylesheet inline. No script and no external resource. The stylesheet goes
 * in unescaped and byte for byte: `<style>` does not decode entities, and the route's CSP hash is
 * over exactly `DASHBOARD_CSS`.
 */
export function renderPage(chrome: PageChrome, body: SafeHtml): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin">
<title>${chrome.title} · Steward</title>
<style>${raw(DASHBOARD_CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/dashboard">Steward</a>
    ${account(chrome)}
  </div>
</header>
${breadcrumbs(chrome.trail)}
<main id="main">
<h1>${chrome.title}</h1>
${body}
</main>
</body>
</html>
`;
  return page.value;
}
