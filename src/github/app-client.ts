import { createProbot, type Options } from "probot";
import type { GitHubClient } from "./octokit.js";

/**
 * Authenticates as the app outside a webhook (the CLI, schedules), exactly as the server does:
 * Probot reads APP_ID, PRIVATE_KEY(_PATH) and GHE_HOST/GHE_PROTOCOL from `env`, and
 * `auth(installationId)` exchanges the app's JWT for an installation token.
 */
export async function installationClient(
  env: Record<string, string | undefined>,
  installationId: number,
  overrides: Partial<Options> = {},
): Promise<GitHubClient> {
  const probot = createProbot({ env, overrides: { logLevel: "warn", ...overrides } });
  return probot.auth(installationId);
}

/** Authenticates as the app itself (its JWT, no installation), for the app's own routes such as GET /app. */
export async function appClient(env: Record<string, string | undefined>, overrides: Partial<Options> = {}): Promise<GitHubClient> {
  const probot = createProbot({ env, overrides: { logLevel: "warn", ...overrides } });
  return (await probot.auth()) as GitHubClient;
}
