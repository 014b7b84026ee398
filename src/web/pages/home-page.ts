import { html, safeHref } from "../html.js";
import { plural } from "../format.js";
import type { HomeView, PageChrome } from "../view-models.js";
import { renderPage } from "./layout.js";

/** The installations the signed-in user may look at, each a link to its overview. */
export function renderHomePage(chrome: PageChrome, view: HomeView): string {
  if (view.installations.length === 0) {
    return renderPage(
      chrome,
      html`<p class="empty">There is nothing to show you yet.</p>
<p>The dashboard lists the repositories where Steward is installed and where you have the <strong>admin</strong> or <strong>maintain</strong> permission.
Ask an owner of the repository to give you one of them, or install Steward on a repository you maintain, then sign in again.</p>`,
    );
  }
  const cards = view.installations.map(
    (i) => html`<li><a href="${safeHref(i.href)}">${i.account}</a>
<p class="muted">${plural(i.repositories, "repository", "repositories")}</p></li>`,
  );
  return renderPage(
    chrome,
    html`<p>Choose an account to see its repositories.</p>
<ul class="cards">
${cards}
</ul>`,
  );
}
