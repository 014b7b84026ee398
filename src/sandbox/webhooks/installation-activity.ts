import type { InstallationRecord, RepositoryRecord, TimeInput } from "../model/types.js";
import type { Sandbox } from "../server.js";
import { urlsOf } from "./activity.js";
import { installationRepositoriesWebhook, installationWebhook, type InstallationContext } from "./payloads-installation.js";
import type { DeliveryRecord, WebhookSender } from "./sender.js";

/** Installing, uninstalling and granting repositories, each with the webhook GitHub sends the app. */
export interface InstallationActivity {
  /** Installs the app on `account` ("all" its repositories, or the listed ones); `installation.created`. */
  install(
    account: string,
    input?: { by?: string; repositories?: string[]; id?: number; at?: TimeInput },
  ): Promise<{ record: InstallationRecord; delivery: DeliveryRecord }>;
  /** Uninstalls the app; `installation.deleted` lists the repositories it covered. */
  uninstall(installationId: number, input?: { by?: string }): Promise<{ record: InstallationRecord; delivery: DeliveryRecord }>;
  /** Grants a repository to a "selected" installation; `installation_repositories.added`. */
  addRepository(installationId: number, fullName: string, input?: { by?: string }): Promise<{ record: RepositoryRecord; delivery: DeliveryRecord }>;
}

/** Binds the installation verbs to a sandbox (its model and app) and a sender. */
export function createInstallationActivity(sandbox: Pick<Sandbox, "model" | "app" | "address">, sender: WebhookSender): InstallationActivity {
  const { model, app } = sandbox;
  const ctx = (): InstallationContext => ({ model, app, urls: urlsOf(sandbox) });
  const existing = (id: number): InstallationRecord => {
    const installation = model.getInstallation(id);
    if (!installation) throw new Error(`sandbox: no installation ${id}`);
    return installation;
  };

  return {
    async install(account, input = {}) {
      const installation = model.addInstallation({
        account,
        ...(input.id === undefined ? {} : { id: input.id }),
        ...(input.repositories === undefined ? {} : { repositories: input.repositories }),
        ...(input.at === undefined ? {} : { createdAt: input.at }),
      });
      const repositories = model.installationRepositories(installation.id);
      const webhook = installationWebhook(ctx(), installation, "created", input.by ?? account, repositories);
      return { record: installation, delivery: await sender.send(webhook) };
    },
    async uninstall(installationId, input = {}) {
      const installation = existing(installationId);
      // The payload lists what the installation covered, so read it before the removal.
      const repositories = model.installationRepositories(installationId);
      model.removeInstallation(installationId);
      const webhook = installationWebhook(ctx(), installation, "deleted", input.by ?? installation.account, repositories);
      return { record: installation, delivery: await sender.send(webhook) };
    },
    async addRepository(installationId, fullName, input = {}) {
      const installation = existing(installationId);
      if (installation.repository_selection === "all") throw new Error(`sandbox: installation ${installationId} already covers all repositories`);
      model.grantRepository(installationId, fullName);
      const repo = model.getRepository(fullName)!;
      const webhook = installationRepositoriesWebhook(ctx(), installation, "added", input.by ?? installation.account, [repo]);
      return { record: repo, delivery: await sender.send(webhook) };
    },
  };
}
