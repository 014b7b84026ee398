import { generateKeyPairSync, sign } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { createSandbox, type Sandbox, type SandboxAddress, type SandboxOptions, type Violation } from "../../src/sandbox/index.js";

/** One RSA key pair per test file: generating it is the slowest part of setting up. */
export const keys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

export const APP_ID = 4242;

/** Octokit logs every failed request; the tests expect failures, so keep them quiet. */
export const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Signs an app JWT the way @octokit/auth-app does, with overridable claims. */
export function signJwt(claims: Record<string, unknown> = {}, privateKey: string = keys.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat: now - 30, exp: now + 570, iss: APP_ID, ...claims })}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
}

export interface Started {
  sandbox: Sandbox;
  address: SandboxAddress;
  /** REST base URL for Octokit: `${url}/api/v3`. */
  baseUrl: string;
  /** Violations reported through onViolation (kept apart from console output). */
  reported: Violation[];
}

/** Starts a sandbox on a free port with quiet violation reporting. */
export async function start(options: Partial<SandboxOptions> = {}): Promise<Started> {
  const reported: Violation[] = [];
  const sandbox = createSandbox({ appId: APP_ID, publicKeyPem: keys.publicKey, onViolation: (v) => reported.push(v), ...options });
  const address = await sandbox.listen();
  return { sandbox, address, baseUrl: `${address.url}/api/v3`, reported };
}

/** Seeds octo-org/widgets with an installation and returns an Octokit holding its token. */
export function seedWidgets(
  started: Started,
  permissions?: Record<string, "read" | "write" | "admin">,
): { octokit: Octokit; installationId: number } {
  const { sandbox } = started;
  sandbox.model.addUser({ login: "octo-org", type: "Organization" });
  sandbox.model.addRepository({ fullName: "octo-org/widgets", description: "Widgets" });
  const installation = sandbox.model.addInstallation({ account: "octo-org", ...(permissions ? { permissions } : {}) });
  const token = sandbox.createInstallationToken(installation.id);
  return { octokit: new Octokit({ auth: token, baseUrl: started.baseUrl, log: quietLog }), installationId: installation.id };
}

/** Where the tests' pretend app wants users sent back after signing in. */
export const REDIRECT_URI = "http://127.0.0.1:9/auth/callback";

/** What the code exchange answers on success. */
export interface UserTokens {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  token_type: string;
}

/** Posts the sandbox's sign-in form as a browser would; the answer is not followed. */
export function postAuthorize(started: Started, fields: Record<string, string>): Promise<Response> {
  const form = { client_id: started.sandbox.app.clientId, redirect_uri: REDIRECT_URI, ...fields };
  return fetch(`${started.address.url}/login/oauth/authorize`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });
}

/** Trades web-flow parameters (the client's credentials added) at the token endpoint, asking for JSON. */
export function exchangeAtTokenEndpoint(started: Started, fields: Record<string, string>): Promise<Response> {
  const { clientId, clientSecret } = started.sandbox.app;
  return fetch(`${started.address.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, ...fields }),
  });
}

/** The whole web flow for `login` over HTTP: form, redirect with a code, code exchange. */
export async function signIn(started: Started, login: string): Promise<UserTokens> {
  const redirected = await postAuthorize(started, { login, state: "s" });
  if (redirected.status !== 302) throw new Error(`sign-in of ${login} answered ${redirected.status}`);
  const code = new URL(redirected.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const tokens = (await (await exchangeAtTokenEndpoint(started, { code, redirect_uri: REDIRECT_URI })).json()) as UserTokens & { error?: string };
  if (tokens.error) throw new Error(`the code exchange for ${login} failed: ${tokens.error}`);
  return tokens;
}
