import { html, safeHref } from "../html.js";
import type { PageChrome, SignInView } from "../view-models.js";
import { renderPage } from "./layout.js";

/**
 * The signed-out page: what the dashboard is, then the one way in. A failed sign-in is announced
 * (`role="alert"`) above the button so the next attempt is one click away.
 */
export function renderSignInPage(chrome: PageChrome, view: SignInView): string {
  const error = view.error && html`<p class="alert" role="alert">${view.error}</p>`;
  const action =
    view.signInHref !== null
      ? html`<p><a class="button button-primary" href="${safeHref(view.signInHref)}">Sign in with GitHub</a></p>`
      : html`<p class="notice">${view.unavailableReason ?? "Sign-in is not available on this Steward."}</p>`;
  const body = html`<p class="lead">The dashboard shows how the projects where Steward is installed are doing: how fast the community gets a first response,
who is waiting now, new and returning contributors, progress toward the stars and contributor milestones, and the open-core funnel from stargazers to customers.</p>
<p>You can see the repositories where you have the admin or maintain permission.</p>
${error}
${action}`;
  return renderPage(chrome, body);
}
