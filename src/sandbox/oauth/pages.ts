import type { Outcome } from "../http-io.js";

/** What the authorize form carries from GitHub's query to its POST. */
export interface AuthorizeForm {
  appName: string;
  clientId: string;
  redirectUri: string;
  /** Absent when the app sent no state: the redirect then carries none either. */
  state: string | null;
  login: string;
  /** Shown above the form and tied to the input, e.g. after an unknown login. */
  error?: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:22rem;margin:4rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:6px}
h1{font-size:1.25rem;margin-top:0}label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text]{box-sizing:border-box;width:100%;padding:.4rem;font:inherit;border:1px solid #8c959f;border-radius:6px}
button{margin-top:1rem;width:100%;padding:.5rem;font:inherit;font-weight:600;color:#fff;background:#1f883d;border:0;border-radius:6px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:2px solid #0969da;outline-offset:2px}
.error{color:#d1242f;font-weight:600}.hint{color:#59636e;font-size:.875rem}`;

/**
 * The sandbox's stand-in for GitHub's sign-in and authorize pages in one: it asks only for a
 * login (there are no passwords) and posts back to itself, so a browser or a script walks the
 * same redirect-and-code dance as on GitHub.
 */
export function authorizePage(form: AuthorizeForm, status = 200): Outcome {
  const error = form.error ? `<p class="error" id="login-error" role="alert">${escapeHtml(form.error)}</p>\n` : "";
  const described = form.error ? ' aria-invalid="true" aria-describedby="login-error"' : "";
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const body = `<h1>Sign in to the GitHub sandbox</h1>
<p><strong>${escapeHtml(form.appName)}</strong> asks who you are. Any user of the sandbox can sign in, without a password.</p>
${error}<form method="post" action="/login/oauth/authorize">
${hidden("client_id", form.clientId)}
${hidden("redirect_uri", form.redirectUri)}
${form.state === null ? "" : `${hidden("state", form.state)}\n`}<label for="login">Username</label>
<input type="text" id="login" name="login" value="${escapeHtml(form.login)}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus${described}>
<button type="submit">Authorize ${escapeHtml(form.appName)}</button>
</form>
<p class="hint">You will be sent back to ${escapeHtml(originOf(form.redirectUri))}.</p>`;
  return html(status, "Sign in to the GitHub sandbox", body);
}

/** A refusal a browser shows as a page, e.g. an unknown client_id or a bad redirect_uri. */
export function errorPage(status: number, heading: string, message: string): Outcome {
  return html(status, `${heading} · GitHub sandbox`, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

function html(status: number, title: string, main: string): Outcome {
  const text = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
  return { status, headers: { "cache-control": "no-store" }, text, contentType: "text/html; charset=utf-8" };
}

function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
