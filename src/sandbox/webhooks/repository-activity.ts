import type { SandboxModel } from "../model/model.js";
import type { RepositoryRecord } from "../model/types.js";
import type { ShapeContext } from "../rest/types.js";
import { installationRef } from "./payloads.js";
import { repositoryWebhook, type RepositoryAction, type RepositoryChange } from "./payloads-repository.js";
import type { DeliveryRecord, WebhookSender } from "./sender.js";

/** What a repository verb did: the repository as it is now (as it was, once deleted) and the delivery. */
export interface RepositoryActed {
  record: RepositoryRecord;
  delivery: DeliveryRecord;
}

/** Who changed the repository's settings; its owner unless told. */
export interface SettingsActor {
  by?: string;
}

/**
 * Changes to a repository's settings, each with the `repository` webhook GitHub sends. A change
 * that changes nothing (publicizing a public repository) rejects before anything is sent, as
 * GitHub sends nothing then.
 */
export interface RepositoryActivity {
  /** Makes a private repository public; `repository.publicized`. */
  publicize(repo: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** Makes a public repository private; `repository.privatized`. */
  privatize(repo: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** Renames it within its owner; `repository.renamed` with the old name in `changes`. */
  rename(repo: string, newName: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** Moves it to another account; `repository.transferred` with the old owner in `changes`. */
  transfer(repo: string, newOwner: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** Makes it read-only; `repository.archived`. */
  archive(repo: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** `repository.unarchived`. */
  unarchive(repo: string, input?: SettingsActor): Promise<RepositoryActed>;
  /** Deletes it; `repository.deleted` describes it as it was. */
  deleteRepository(repo: string, input?: SettingsActor): Promise<RepositoryActed>;
}

/** Binds the repository verbs to a model, the payloads' links (`shapes`) and a sender. */
export function createRepositoryActivity(model: SandboxModel, shapes: () => ShapeContext, sender: WebhookSender): RepositoryActivity {
  const existing = (repo: string): RepositoryRecord => {
    const record = model.getRepository(repo);
    if (!record) throw new Error(`sandbox: unknown repository ${repo}`);
    return record;
  };
  const send = async (
    record: RepositoryRecord,
    action: RepositoryAction,
    by: string | undefined,
    options: { previous?: RepositoryChange; installation?: ReturnType<typeof installationRef> } = {},
  ): Promise<RepositoryActed> => {
    const state = model.repoState(`${record.owner}/${record.name}`);
    return { record, delivery: await sender.send(repositoryWebhook(shapes(), state, action, by ?? record.owner, options)) };
  };
  const flip =
    (field: "private" | "archived", to: boolean, action: RepositoryAction) =>
    async (repo: string, input: SettingsActor = {}) => {
      const record = existing(repo);
      const already = field === "private" ? (to ? "private" : "public") : to ? "archived" : "not archived";
      if (record[field] === to) throw new Error(`sandbox: ${repo} is already ${already}; GitHub sends nothing`);
      const changed = field === "private" ? model.setRepositoryVisibility(repo, to) : model.setRepositoryArchived(repo, to);
      return send(changed, action, input.by);
    };

  return {
    publicize: flip("private", false, "publicized"),
    privatize: flip("private", true, "privatized"),
    archive: flip("archived", true, "archived"),
    unarchive: flip("archived", false, "unarchived"),
    async rename(repo, newName, input = {}) {
      const before = existing(repo).name;
      if (before === newName) throw new Error(`sandbox: ${repo} is already named ${newName}; GitHub sends nothing`);
      return send(model.moveRepository(repo, { name: newName }), "renamed", input.by, { previous: { name: before } });
    },
    async transfer(repo, newOwner, input = {}) {
      const record = existing(repo);
      if (record.owner.toLowerCase() === newOwner.toLowerCase())
        throw new Error(`sandbox: ${repo} already belongs to ${newOwner}; GitHub sends nothing`);
      const before = { owner: record.owner, installation: installationRef(shapes(), record.id) };
      const moved = model.moveRepository(repo, { owner: newOwner });
      // Named by the installation that serves it at its new owner, else by the one it left. GitHub
      // also sends installation_repositories removed and added when the installation changes; the
      // sandbox sends only this event.
      const installation = installationRef(shapes(), moved.id) ?? before.installation;
      return send(moved, "transferred", input.by ?? before.owner, { previous: { owner: before.owner }, installation });
    },
    async deleteRepository(repo, input = {}) {
      const record = existing(repo);
      // Built while the repository still exists: the payload describes it as it was.
      const webhook = repositoryWebhook(shapes(), model.repoState(repo), "deleted", input.by ?? record.owner);
      model.deleteRepository(repo);
      return { record, delivery: await sender.send(webhook) };
    },
  };
}
