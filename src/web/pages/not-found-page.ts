import { html } from "../html.js";
import type { PageChrome } from "../view-models.js";
import { renderPage } from "./layout.js";

/**
 * A page that says what went wrong in one sentence, with the way back. Used for an address that
 * shows nothing to this user (not found and not theirs read the same, so the page never tells a
 * stranger which private repositories exist) and, with its own message, for other refusals.
 */
export function renderNotFoundPage(chrome: PageChrome, message = "There is nothing to show at this address, or it is not one you may see."): string {
  return renderPage(
    chrome,
    html`<p>${message}</p>
<p><a href="/dashboard">Back to the dashboard</a></p>`,
  );
}
