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
