import type { Probot } from "probot";
import type { GitHubClient } from "../github/octokit.js";
import { num, obj } from "../domain/payload-fields.js";

/** A webhook delivery as @octokit/webhooks names it. */
export interface WebhookEvent {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  /** The body as received (verified JSON), kept as it is where the payload is stored. */
  rawBody?: string;
}

/** The GitHub client a delivery is handled with. */
export type EventOctokits = (event: WebhookEvent) => Promise<GitHubClient>;

/**
 * One installation Octokit per installation, reused by every delivery of it. Probot builds a new
 * one per event (a client with all its plugins, about a tenth of the CPU a delivery costs), though
 * the installation token is cached and refreshed by the client's auth hook on each request. A
 * delivery without an installation gets Probot's own client for it, which explains why any request
 * fails. At most `max` installations are kept; the oldest is dropped first.
 */
export function eventOctokits(probot: Probot, max = 1000): EventOctokits {
  const byInstallation = new Map<number, Promise<GitHubClient>>();
  return (event) => {
    const installationId = num(obj(event.payload.installation)?.id);
    if (installationId === null) return probotEventOctokit(probot, event);
    const known = byInstallation.get(installationId);
    if (known) return known;
    if (byInstallation.size >= max) byInstallation.delete(byInstallation.keys().next().value!);
    const client = probot.auth(installationId) as Promise<GitHubClient>;
    byInstallation.set(installationId, client);
    client.catch(() => byInstallation.delete(installationId));
    return client;
  };
}

async function probotEventOctokit(probot: Probot, event: WebhookEvent): Promise<GitHubClient> {
  const app = await probot.auth();
  return (await app.auth({ type: "event-octokit", event })) as GitHubClient;
}
