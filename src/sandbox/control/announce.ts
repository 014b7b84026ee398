import { renameSync, rmSync, writeFileSync } from "node:fs";
import { DEMO_SIGN_IN_USER } from "../../demo/demo-world.js";
import { CALL_PATH, type SandboxInfo } from "./protocol.js";

/**
 * What a user copies to run Steward against this sandbox: the listening line, then one
 * `NAME=value` line per variable (a valid .env file as is), then hints. With an inline key,
 * Steward needs that same key, which the sandbox does not repeat. The OAuth pair is named as
 * Probot's setup writes it to .env; the dashboard's "Sign in with GitHub" needs it.
 */
export function bannerLines(info: SandboxInfo, secret: string, seededDemo: boolean): string[] {
  const key = info.privateKeyPath === null ? "# PRIVATE_KEY=<the key given to the sandbox>" : `PRIVATE_KEY_PATH=${info.privateKeyPath}`;
  const call = (body: string) => `curl -s -X POST ${info.url}${CALL_PATH} -H 'content-type: application/json' -d '${body}'`;
  return [
    `[sandbox] listening on ${info.url}`,
    `APP_ID=${info.appId}`,
    key,
    `WEBHOOK_SECRET=${secret}`,
    `GHE_HOST=${info.host}`,
    "GHE_PROTOCOL=http",
    `GITHUB_CLIENT_ID=${info.clientId}`,
    `GITHUB_CLIENT_SECRET=${info.clientSecret}`,
    `[sandbox] webhooks go to ${info.webhookUrl} (STEWARD_WEBHOOK_URL, or the control call sandbox.setWebhookTarget)`,
    `[sandbox] control API: POST ${info.url}${CALL_PATH} {"target","method","args"}`,
    ...(seededDemo
      ? [
          `[sandbox] seeded the demo project acme/widget; once Steward runs, install the app: ${call('{"target":"installations","method":"install","args":["acme"]}')}`,
          `[sandbox] sign in to Steward's dashboard as "${DEMO_SIGN_IN_USER}" (no password): the sandbox's sign-in page asks only for a username`,
        ]
      : []),
  ];
}

/** Writes `info` as JSON to `path` atomically (temp file, then rename), for tests waiting on it. */
export function writeReadyFile(path: string, info: SandboxInfo): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(temp, path);
}

/** Removes the ready file on a clean stop, so a stale one never points at a dead port. */
export function removeReadyFile(path: string): void {
  rmSync(path, { force: true });
}
