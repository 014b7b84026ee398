/**
 * Pure builders of the installation webhooks an app receives about itself: `installation` and
 * `installation_repositories`. Unlike repository events they carry the whole installation object.
 */
import type { InstallationRecord, RepositoryRecord } from "../model/types.js";
import { installationShape, simpleUser } from "../rest/shapes-account.js";
import type { AppInfo, ShapeContext } from "../rest/types.js";
import type { Webhook } from "./payloads.js";

/** What the installation builders read besides the model: the app the installation belongs to. */
export interface InstallationContext extends ShapeContext {
  app: AppInfo;
}

/** The short repository objects installation payloads list. */
function repositoryRef(repo: RepositoryRecord): Record<string, unknown> {
  return { id: repo.id, node_id: repo.node_id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, private: repo.private };
}

/**
 * `installation.created` or `installation.deleted`, with the repositories the installation
 * covers(ed). For `deleted`, pass the record and repositories as they were before the removal.
 */
export function installationWebhook(
  ctx: InstallationContext,
  installation: InstallationRecord,
  action: "created" | "deleted",
  sender: string,
  repositories: RepositoryRecord[],
): Webhook {
  return {
    event: "installation",
    payload: {
      action,
      installation: installationShape(ctx, ctx.app, installation),
      repositories: repositories.map(repositoryRef),
      requester: null,
      sender: simpleUser(ctx, sender),
    },
  };
}

/** `installation_repositories.added` or `.removed`: repositories granted to or withdrawn from the app. */
export function installationRepositoriesWebhook(
  ctx: InstallationContext,
  installation: InstallationRecord,
  action: "added" | "removed",
  sender: string,
  repositories: RepositoryRecord[],
): Webhook {
  return {
    event: "installation_repositories",
    payload: {
      action,
      installation: installationShape(ctx, ctx.app, installation),
      repository_selection: installation.repository_selection,
      repositories_added: action === "added" ? repositories.map(repositoryRef) : [],
      repositories_removed: action === "removed" ? repositories.map(repositoryRef) : [],
      requester: null,
      sender: simpleUser(ctx, sender),
    },
  };
}
