import type { StewardEnv } from "../config/env.js";

/**
 * What `npm start` says before Probot's setup flow. Probot registers the app with the webhook URL
 * WEBHOOK_PROXY_URL when it is set, else `http://<host>:<port>/`, which GitHub refuses (it is not
 * public) and which is not Steward's webhook path either, so the message says how to get it right.
 */
export function setupFlowMessage(env: StewardEnv, processEnv: NodeJS.ProcessEnv): string {
  const lines = [
    `No APP_ID set: starting Probot's setup. Open http://${env.host}:${env.port} to register Steward as a GitHub App;`,
    "the credentials are written to .env. Then stop this process and run `npm start` again.",
  ];
  if (processEnv.WEBHOOK_PROXY_URL) {
    lines.push(`GitHub will send webhooks to ${processEnv.WEBHOOK_PROXY_URL}; Steward forwards them from there to ${env.webhookPath}.`);
  } else {
    lines.push(
      "Warning: no WEBHOOK_PROXY_URL is set, so the app would be registered with a local webhook URL that GitHub refuses.",
      "For a local trial, create a channel at https://smee.io/new and start again with WEBHOOK_PROXY_URL=<channel URL>;",
      `in production, set the app's webhook URL to https://<your host>${env.webhookPath} (see the README, "Deploy").`,
    );
  }
  return lines.join("\n");
}
