/**
 * The GitHub sandbox as its own process: `npm run sandbox` (flags after `--`). Steward's real
 * server runs against it with GHE_HOST/GHE_PROTOCOL; tests and scripts drive "GitHub" through
 * its control API. Logic lives in ./control/.
 *
 * Environment (flags win over variables):
 *   PORT / --port         3100; 0 picks a free port.
 *   HOST / --host         127.0.0.1.
 *   APP_ID                1. App JWTs must carry it as `iss`.
 *   PRIVATE_KEY, PRIVATE_KEY_PATH
 *                         The app's private key; JWTs are checked against its public half. With
 *                         neither, a key is generated into SANDBOX_KEY_FILE (./data/sandbox-app.pem),
 *                         or reused if that file exists.
 *   STEWARD_WEBHOOK_URL   Where activities deliver webhooks; http://localhost:3000/api/github/webhooks.
 *   WEBHOOK_SECRET        Signs them; "development" (Probot's default too).
 *   SANDBOX_SEED / --seed demo
 *                         Seeds the demo project acme/widget (history, no installation yet).
 *   SANDBOX_READY_FILE    Once listening, JSON { url, host, port, appId, privateKeyPath, clientId,
 *                         clientSecret, webhookUrl, pid } is written there (temp file, then rename);
 *                         removed on a clean stop.
 *
 * On start it prints `[sandbox] listening on <url>`, then the lines to give Steward (APP_ID,
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL=http, GITHUB_CLIENT_ID=Iv1.sandbox<APP_ID>,
 * GITHUB_CLIENT_SECRET=sandbox-client-secret-<APP_ID>). SIGINT/SIGTERM close it.
 *
 * "Sign in with GitHub" (a GitHub App's user authorization, web flow) works as on github.com, on
 * the web host: GET /login/oauth/authorize shows a form asking only for a sandbox username (no
 * password), its POST redirects to the app's redirect_uri with ?code&state, and
 * POST /login/oauth/access_token trades the code for a ghu_ token (8 h) and a ghr_ refresh token.
 * Those tokens serve GET /user, /user/installations and /user/installations/{id}/repositories.
 *
 * Control API (never recorded, unreachable under /api): `POST /_sandbox/call` with
 * `{ "target", "method", "args": [...] }` answers `{ "result" }` or `{ "error" }` (400, 404 for a
 * method not on the allowlist, 422 when the method refused); `GET /_sandbox/health`. Targets
 * (full list in control/protocol.ts; typed client: connectSandbox in control-client.ts):
 *   model          seeding and reading: addUser, addRepository, addInstallation, addIssue, addComment,
 *                  addStargazer, setFile, getIssue, listComments, ... and seedHistory({ repo, stars,
 *                  issues, pulls }), seedDemo(). No webhooks.
 *   activity       openIssue, comment, closeIssue, openPullRequest, mergePullRequest, review, addLabel,
 *                  star, fork, ... change the model and send the signed webhook; playScenario.
 *   installations  install, uninstall, addRepository, each with its installation webhook.
 *   sandbox        setWebhookTarget, deliveries, redeliver, failNext, clearFaults, requests,
 *                  resetRequests, violations, setNow, now, app, info, createInstallationToken.
 * Example: curl -X POST localhost:3100/_sandbox/call -d '{"target":"installations","method":"install","args":["acme"]}'
 */
import { ConfigError, readProcessConfig } from "./control/process-config.js";
import { runSandboxProcess } from "./control/run-sandbox-process.js";

let config;
try {
  config = readProcessConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[sandbox] ${error.message}`);
  process.exit(2);
}
if (config.help) {
  console.log("usage: npm run sandbox [-- --port N --host H --seed demo]; see the header of src/sandbox/main.ts");
  process.exit(0);
}

const running = await runSandboxProcess(config).catch((error: unknown) => {
  // A bad key file is the user's to fix (2); anything else, e.g. a port in use, is a failure (1).
  console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
const stop = () => void running.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
