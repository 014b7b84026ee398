/**
 * Pure builder of the `repository` webhook for the changes an app hears about: visibility, name,
 * owner, archiving, deletion. Its shape follows GitHub's (see @octokit/webhooks-examples): the
 * repository as it is after the change (before it, for `deleted`), the sender, the installation,
 * and for a rename or a transfer the previous value under `changes`.
 */
import type { RepoState } from "../model/types.js";
import { simpleUser } from "../rest/shapes-account.js";
import { repoShape } from "../rest/shapes-repo.js";
import type { ShapeContext } from "../rest/types.js";
import { installationRef, type Webhook } from "./payloads.js";

export type RepositoryAction = "publicized" | "privatized" | "renamed" | "transferred" | "archived" | "unarchived" | "deleted";

/** What a rename or a transfer changed: the previous name, or the previous owner's login. */
export interface RepositoryChange {
  name?: string;
  owner?: string;
}

/**
 * `repository.<action>`. `installation` is the one that served the repository when it changed
 * (a transfer may take it out of that installation's reach); by default, the one serving it now.
 */
export function repositoryWebhook(
  ctx: ShapeContext,
  state: RepoState,
  action: RepositoryAction,
  sender: string,
  options: { previous?: RepositoryChange; installation?: ReturnType<typeof installationRef> } = {},
): Webhook {
  const installation = options.installation === undefined ? installationRef(ctx, state.repo.id) : options.installation;
  const changes = changesOf(ctx, action, options.previous ?? {});
  return {
    event: "repository",
    payload: {
      action,
      ...(changes ? { changes } : {}),
      repository: repoShape(ctx, state),
      sender: simpleUser(ctx, sender),
      ...(installation ? { installation } : {}),
    },
  };
}

/** GitHub's `changes`: `{ repository: { name: { from } } }` for a rename, `{ owner: { from: { user | organization } } }` for a transfer. */
function changesOf(ctx: ShapeContext, action: RepositoryAction, previous: RepositoryChange): Record<string, unknown> | null {
  if (action === "renamed") {
    if (previous.name === undefined) throw new Error("sandbox: a renamed webhook needs the previous name");
    return { repository: { name: { from: previous.name } } };
  }
  if (action === "transferred") {
    if (previous.owner === undefined) throw new Error("sandbox: a transferred webhook needs the previous owner");
    const account = ctx.model.ensureUser(previous.owner);
    return { owner: { from: { [account.type === "Organization" ? "organization" : "user"]: simpleUser(ctx, account.login) } } };
  }
  return null;
}
