import type { RequestHandler } from "../http/webhook-guard.js";
import { listActiveRepositories } from "../store/installations.js";
import { accessCache, type VisibleInstallation } from "./access.js";
import { UserTokenRejected, userApi } from "./github/user-api.js";
import { methodNotAllowed, redirect, sendHtml } from "./http-answers.js";
import { renderNotFoundPage } from "./pages/not-found-page.js";
import { repositoryPages } from "./repository-pages.js";
import { sessionCookies } from "./session/session.js";
import { signInRoutes } from "./sign-in-routes.js";
import type { DashboardDeps, SignedInRequest } from "./dashboard-deps.js";

/**
 * `/dashboard/*`: sign-in with GitHub, then pages about the repositories the user manages. Anything
 * the user may not see, or that does not exist, is the same 404.
 */
export function dashboardHandler(deps: DashboardDeps): RequestHandler {
  const api = userApi(deps.github, deps.fetch);
  const cookies = sessionCookies({
    secret: deps.sessionSecret ?? deps.userAuth?.clientSecret ?? "sign-in is off: nothing is ever sealed with this",
    secure: deps.publicUrl?.startsWith("https:") ?? false,
    now: deps.now,
  });
  const access = accessCache({ api, served: () => listActiveRepositories(deps.db), now: deps.now });
  const signIn = signInRoutes({ ...deps, api, cookies, forgetAccess: (token) => access.forget(token) });
  const pages = repositoryPages(deps);

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://steward.invalid");
    if (url.pathname !== "/dashboard" && !url.pathname.startsWith("/dashboard/")) return false;
    if (await signIn.handle(req, res, url)) return true;
    if (req.method !== "GET" && req.method !== "HEAD") {
      methodNotAllowed(res, "GET, HEAD");
      return true;
    }
    const session = deps.userAuth === null ? null : cookies.read(req);
    if (session === null) {
      redirect(res, `/dashboard?next=${encodeURIComponent(url.pathname)}`);
      return true;
    }
    let visible: VisibleInstallation[];
    try {
      visible = await access.visibleTo(session.token);
    } catch (error) {
      if (error instanceof UserTokenRejected) {
        redirect(res, "/dashboard", [cookies.clear()]);
        return true;
      }
      deps.log.warn({ err: error }, "dashboard: GitHub could not say what the user may see");
      const chrome = { title: "GitHub did not answer", user: { login: session.login }, csrfToken: cookies.csrfToken(session), trail: [] };
      sendHtml(
        res,
        502,
        renderNotFoundPage(chrome, "GitHub did not answer when Steward asked which repositories you manage. Try again in a minute."),
      );
      return true;
    }
    const signedIn: SignedInRequest = {
      req,
      res,
      url,
      session,
      visible,
      chrome: (title, trail) => ({ title, user: { login: session.login }, csrfToken: cookies.csrfToken(session), trail }),
    };
    if (!(await pages.handle(signedIn))) {
      sendHtml(
        res,
        404,
        renderNotFoundPage(
          signedIn.chrome("Not found", [
            { label: "Dashboard", href: "/dashboard" },
            { label: "Not found", href: null },
          ]),
        ),
      );
    }
    return true;
  };
}
