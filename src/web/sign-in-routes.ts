import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../http/read-body.js";
import { headerValue } from "../http/webhook-guard.js";
import type { DashboardDeps } from "./dashboard-deps.js";
import { SignInFailed, type UserApi } from "./github/user-api.js";
import { methodNotAllowed, redirect, sendHtml } from "./http-answers.js";
import { renderNotFoundPage } from "./pages/not-found-page.js";
import { renderSignInPage } from "./pages/sign-in-page.js";
import { safeNext } from "./next-path.js";
import { SESSION_LIFETIME_MS, type SessionCookies } from "./session/session.js";

/** A sign-out form is a few dozen bytes. */
const MAX_FORM_BYTES = 4096;

interface SignInDeps extends DashboardDeps {
  api: UserApi;
  cookies: SessionCookies;
  forgetAccess(token: string): void;
}

/**
 * The web flow of a GitHub App's user authorization: `/dashboard/sign-in` sends the browser to
 * GitHub with a fresh `state` (kept in a sealed cookie), `/dashboard/callback` checks it, trades the
 * code for a user access token and starts the session; `/dashboard/sign-out` ends it (a POST with
 * the session's CSRF token). `/dashboard` itself, signed out, is the sign-in page.
 */
export function signInRoutes(deps: SignInDeps) {
  const { cookies } = deps;
  const origin = (req: IncomingMessage) => deps.publicUrl ?? `http://${headerValue(req, "host") ?? "localhost"}`;
  const signedOutChrome = (title: string) => ({ title, user: null, csrfToken: null, trail: [] });

  function signInPage(res: ServerResponse, status: number, next: string, error: string | null, extraCookies: string[] = []): void {
    const view =
      deps.userAuth === null
        ? {
            signInHref: null,
            unavailableReason:
              "Sign-in is not set up on this server: it needs the GitHub App's client id and secret (GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET).",
            error,
          }
        : { signInHref: `/dashboard/sign-in?next=${encodeURIComponent(next)}`, unavailableReason: null, error };
    sendHtml(res, deps.userAuth === null ? 503 : status, renderSignInPage(signedOutChrome("Sign in"), view), extraCookies);
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const userAuth = deps.userAuth;
    if (userAuth === null) return signInPage(res, 503, "/dashboard", null);
    const pending = cookies.finishSignIn(req, url.searchParams.get("state") ?? "");
    if (pending === null) {
      return signInPage(res, 400, "/dashboard", "That sign-in expired or did not start here. Please sign in again.", [cookies.clearSignIn()]);
    }
    const refusal = url.searchParams.get("error");
    const code = url.searchParams.get("code");
    if (refusal !== null || code === null) {
      const why = refusal === "access_denied" ? "You did not authorize Steward on GitHub." : "GitHub did not complete the sign-in.";
      return signInPage(res, 400, pending.next, why, [cookies.clearSignIn()]);
    }
    try {
      const token = await deps.api.exchangeCode({ ...userAuth, code, redirectUri: `${origin(req)}/dashboard/callback` });
      const user = await deps.api.user(token.token);
      const lifetimeMs = Math.min(SESSION_LIFETIME_MS, (token.expiresIn ?? Number.POSITIVE_INFINITY) * 1000);
      const session = {
        userId: user.id,
        login: user.login,
        token: token.token,
        expiresAt: deps.now().getTime() + lifetimeMs,
        id: cookies.newSessionId(),
      };
      deps.log.info(`dashboard: ${user.login} signed in`);
      redirect(res, pending.next, [cookies.write(session), cookies.clearSignIn()]);
    } catch (error) {
      if (!(error instanceof SignInFailed)) deps.log.warn({ err: error }, "dashboard: the sign-in could not be completed");
      const why = error instanceof SignInFailed ? error.message : "GitHub did not answer. Please try again.";
      signInPage(res, 502, pending.next, why, [cookies.clearSignIn()]);
    }
  }

  async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = cookies.read(req);
    const sentFrom = headerValue(req, "origin");
    let csrf = "";
    try {
      csrf = new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString("utf8")).get("csrf") ?? "";
    } catch {
      // Too large to be our form: treated as a forged one below.
    }
    if (session !== null && ((sentFrom !== undefined && sentFrom !== origin(req)) || !cookies.csrfMatches(session, csrf))) {
      const chrome = { title: "Not signed out", user: { login: session.login }, csrfToken: cookies.csrfToken(session), trail: [] };
      sendHtml(res, 403, renderNotFoundPage(chrome, "That sign-out did not come from this dashboard's own form, so you are still signed in."));
      return;
    }
    if (session !== null) {
      deps.forgetAccess(session.token);
      deps.log.info(`dashboard: ${session.login} signed out`);
    }
    redirect(res, "/dashboard", [cookies.clear()], 303);
  }

  return {
    /** True when the request was one of these routes (or the signed-out dashboard) and was answered. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
      const path = url.pathname.replace(/\/+$/u, "") || "/";
      if (path === "/dashboard/sign-out") {
        if (req.method !== "POST") methodNotAllowed(res, "POST");
        else await signOut(req, res);
        return true;
      }
      if (path !== "/dashboard/sign-in" && path !== "/dashboard/callback" && path !== "/dashboard") return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        methodNotAllowed(res, "GET, HEAD");
        return true;
      }
      if (path === "/dashboard/callback") {
        await callback(req, res, url);
        return true;
      }
      const next = safeNext(url.searchParams.get("next"));
      if (path === "/dashboard") {
        if (deps.userAuth !== null && cookies.read(req) !== null) return false;
        signInPage(res, 200, next, null);
        return true;
      }
      if (deps.userAuth === null) {
        signInPage(res, 503, next, null);
        return true;
      }
      const { pending, cookie } = cookies.startSignIn(next);
      redirect(res, deps.api.authorizeUrl(deps.userAuth.clientId, `${origin(req)}/dashboard/callback`, pending.state), [cookie]);
      return true;
    },
  };
}
