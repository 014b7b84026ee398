import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox/index.js";
import { APP_ID, exchangeAtTokenEndpoint, keys, postAuthorize, REDIRECT_URI, signIn, start, type Started, type UserTokens } from "./helpers.js";

const HOUR = 3_600_000;

describe("signing a user in with the GitHub App's web flow", () => {
  let started: Started;
  /** The sandbox's wall clock: tests move it to expire codes and tokens. */
  let now = Date.now();

  beforeAll(async () => {
    started = await start({ wallClock: () => now });
    const { model } = started.sandbox;
    model.addUser({ login: "maya", name: "Maya Lin", email: "maya@acme.test", company: "Acme" });
    model.addUser({ login: "acme", type: "Organization" });
  });
  afterAll(() => started.sandbox.close());

  const authorizeUrl = (query: Record<string, string>) => `${started.address.url}/login/oauth/authorize?${new URLSearchParams(query)}`;
  const codeOf = (response: Response) => new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const asUser = (token: string, path = "/user") => fetch(`${started.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it("has a client id and a documented default client secret, and takes another secret as an option", async () => {
    expect(started.sandbox.app).toMatchObject({ clientId: `Iv1.sandbox${APP_ID}`, clientSecret: `sandbox-client-secret-${APP_ID}` });
    const other = createSandbox({ appId: 7, publicKeyPem: keys.publicKey, clientSecret: "s3cret" });
    expect(other.app).toMatchObject({ clientId: "Iv1.sandbox7", clientSecret: "s3cret" });
  });

  it("shows an accessible sign-in form that carries client_id, redirect_uri and state to its POST", async () => {
    const state = 'a"b<c>&d';
    const res = await fetch(authorizeUrl({ client_id: started.sandbox.app.clientId, redirect_uri: REDIRECT_URI, state, allow_signup: "false" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<title>Sign in to the GitHub sandbox</title>");
    expect(html).toMatch(/<main>\s*<h1>Sign in to the GitHub sandbox<\/h1>/);
    expect(html).toContain('<form method="post" action="/login/oauth/authorize">');
    expect(html).toContain('<label for="login">Username</label>');
    expect(html).toMatch(/<input type="text" id="login" name="login" value=""[^>]* required/);
    expect(html).toContain(`<input type="hidden" name="client_id" value="Iv1.sandbox${APP_ID}">`);
    expect(html).toContain(`<input type="hidden" name="redirect_uri" value="${REDIRECT_URI}">`);
    // The state comes back exactly, and never as markup.
    expect(html).toContain('<input type="hidden" name="state" value="a&#34;b&#60;c&#62;&#38;d">');
    expect(html).toContain('<button type="submit">Authorize Steward</button>');
    const prefilled = await (
      await fetch(authorizeUrl({ client_id: started.sandbox.app.clientId, redirect_uri: REDIRECT_URI, login: "maya" }))
    ).text();
    expect(prefilled).toContain('name="login" value="maya"');
    expect(prefilled).not.toContain('name="state"');
  });

  it("refuses an unknown client_id with a 404 page and a missing or non-http redirect_uri with a 400 page", async () => {
    const clientId = started.sandbox.app.clientId;
    const unknown = await fetch(authorizeUrl({ client_id: "Iv1.other", redirect_uri: REDIRECT_URI }));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/<html lang="en">[\s\S]*<h1>Not Found<\/h1>/);
    for (const redirect_uri of ["", "/auth/callback", "javascript:alert(1)", "ftp://example.test/x"]) {
      const bad = await fetch(authorizeUrl({ client_id: clientId, redirect_uri }));
      expect(bad.status, redirect_uri).toBe(400);
      expect(bad.headers.get("content-type")).toMatch(/^text\/html/);
    }
    expect((await postAuthorize(started, { login: "maya", redirect_uri: "nowhere" })).status).toBe(400);
  });

  it("redirects a known user back with a code and the state, keeping the redirect_uri's own query", async () => {
    const res = await postAuthorize(started, { login: "Maya", state: "xyz 1", redirect_uri: `${REDIRECT_URI}?next=%2Fdash&a=1` });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.search).toMatch(/^\?next=%2Fdash&a=1&code=[0-9a-f]{20}&state=xyz\+1$/);
    const withoutState = await postAuthorize(started, { login: "maya" });
    expect([...new URL(withoutState.headers.get("location") ?? "").searchParams.keys()]).toEqual(["code"]);
  });

  it("re-renders the form with 422 for a login that is unknown or not a user", async () => {
    for (const login of ["nobody", "acme", "steward[bot]", ""]) {
      const res = await postAuthorize(started, { login, state: "keep" });
      expect(res.status, login).toBe(422);
      const html = await res.text();
      expect(html).toContain(login ? `No sandbox user named ${login}` : "Enter the username of a sandbox user");
      expect(html).toContain('role="alert"');
      expect(html).toContain('aria-describedby="login-error"');
      expect(html).toContain('name="state" value="keep"');
    }
  });

  it("exchanges a code once for an expiring ghu_ token and a ghr_ refresh token", async () => {
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    const res = await exchangeAtTokenEndpoint(started, { code, redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const tokens = (await res.json()) as UserTokens;
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: 28800,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{76}$/),
      refresh_token_expires_in: 15897600,
      scope: "",
      token_type: "bearer",
    });
    const again = await exchangeAtTokenEndpoint(started, { code });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
      error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
    });
    expect(((await (await asUser(tokens.access_token)).json()) as { login: string }).login).toBe("maya");
  });

  it("answers form-urlencoded unless JSON is asked for, and takes a form body or query parameters", async () => {
    const { clientId, clientSecret } = started.sandbox.app;
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    const url = `${started.address.url}/login/oauth/access_token`;
    const res = await fetch(url, { method: "POST", body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, code }) });
    expect(res.headers.get("content-type")).toBe("application/x-www-form-urlencoded; charset=utf-8");
    const answer = new URLSearchParams(await res.text());
    expect(answer.get("access_token")).toMatch(/^ghu_/);
    expect([...answer.keys()]).toEqual(["access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "scope", "token_type"]);
    const byQuery = await fetch(`${url}?${new URLSearchParams({ client_id: clientId, client_secret: "wrong", code: "nope" })}`, { method: "POST" });
    expect(Object.fromEntries(new URLSearchParams(await byQuery.text()))).toMatchObject({ error: "incorrect_client_credentials" });
  });

  it("refuses wrong client credentials with 200 and an error body, without spending the code", async () => {
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    const wrong: Record<string, string>[] = [{ client_secret: "wrong" }, { client_id: "Iv1.other" }, { client_secret: "" }];
    for (const fields of wrong) {
      const res = await exchangeAtTokenEndpoint(started, { code, ...fields });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        error: "incorrect_client_credentials",
        error_description: "The client_id and/or client_secret passed are incorrect.",
        error_uri:
          "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials",
      });
    }
    const bad = await exchangeAtTokenEndpoint(started, { code: "0123456789abcdef0123" });
    expect(await bad.json()).toMatchObject({ error: "bad_verification_code" });
    expect(await (await exchangeAtTokenEndpoint(started, { code })).json()).toMatchObject({ access_token: expect.stringMatching(/^ghu_/) });
  });

  it("refuses a redirect_uri other than the one the code was sent to", async () => {
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    const res = await exchangeAtTokenEndpoint(started, { code, redirect_uri: "http://127.0.0.1:9/elsewhere" });
    expect(await res.json()).toMatchObject({ error: "redirect_uri_mismatch" });
  });

  it("lets a code expire after ten minutes of wall clock", async () => {
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    now += 10 * 60_000 + 1;
    expect(await (await exchangeAtTokenEndpoint(started, { code })).json()).toMatchObject({ error: "bad_verification_code" });
  });

  it("expires a user token after eight hours (401), and refreshes it once into a new pair", async () => {
    const first = await signIn(started, "maya");
    now += 8 * HOUR - 1000;
    expect((await asUser(first.access_token)).status).toBe(200);
    now += 1000;
    const expired = await asUser(first.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ message: "Bad credentials" });

    const refreshed = (await (
      await exchangeAtTokenEndpoint(started, { grant_type: "refresh_token", refresh_token: first.refresh_token })
    ).json()) as UserTokens;
    expect(refreshed).toMatchObject({
      access_token: expect.stringMatching(/^ghu_/),
      refresh_token: expect.stringMatching(/^ghr_/),
      expires_in: 28800,
    });
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect((await asUser(refreshed.access_token)).status).toBe(200);
    const replay = await exchangeAtTokenEndpoint(started, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(await replay.json()).toMatchObject({ error: "bad_refresh_token", error_description: "The refresh token passed is incorrect or expired." });
    const wrongSecret = await exchangeAtTokenEndpoint(started, {
      grant_type: "refresh_token",
      refresh_token: refreshed.refresh_token,
      client_secret: "x",
    });
    expect(await wrongSecret.json()).toMatchObject({ error: "incorrect_client_credentials" });

    // Refreshing revokes the access token issued with the refresh token, even before it expires.
    const second = (await (
      await exchangeAtTokenEndpoint(started, { grant_type: "refresh_token", refresh_token: refreshed.refresh_token })
    ).json()) as UserTokens;
    expect((await asUser(refreshed.access_token)).status).toBe(401);
    expect((await asUser(second.access_token)).status).toBe(200);
    expect(await (await exchangeAtTokenEndpoint(started, { grant_type: "password" })).json()).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("records web-flow requests by route, with the secrets, codes and refresh tokens redacted", async () => {
    started.sandbox.resetRequests();
    const tokens = await signIn(started, "maya");
    await exchangeAtTokenEndpoint(started, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    await fetch(`${started.address.url}/login/oauth/access_token?client_secret=in-the-query`, { method: "POST" });
    expect(started.sandbox.requests.map((r) => `${r.status} ${r.route}`)).toEqual([
      "302 POST /login/oauth/authorize",
      "200 POST /login/oauth/access_token",
      "200 POST /login/oauth/access_token",
      "200 POST /login/oauth/access_token",
    ]);
    expect(started.sandbox.requestsMatching("POST", "/login/oauth/access_token")[0]?.body).toMatchObject({
      client_id: started.sandbox.app.clientId,
      client_secret: "[redacted]",
      code: "[redacted]",
      redirect_uri: REDIRECT_URI,
    });
    const log = JSON.stringify(started.sandbox.requests);
    for (const secret of [started.sandbox.app.clientSecret, tokens.refresh_token, "in-the-query"]) expect(log).not.toContain(secret);
    expect(started.sandbox.violations).toEqual([]);
    expect(started.reported).toEqual([]);
  });

  it("takes faults on the web flow like on the API", async () => {
    started.sandbox.failNext({ path: "/login/oauth/access_token", status: 502 });
    const code = codeOf(await postAuthorize(started, { login: "maya" }));
    expect((await exchangeAtTokenEndpoint(started, { code })).status).toBe(502);
    expect(await (await exchangeAtTokenEndpoint(started, { code })).json()).toMatchObject({ access_token: expect.stringMatching(/^ghu_/) });
  });
});
