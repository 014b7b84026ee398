import { createHash } from "node:crypto";
import type { RepositoryRecord } from "../domain/repository.js";
import type { UserApi, UserRepository } from "./github/user-api.js";

/** One installation as a signed-in user may see it on the dashboard. */
export interface VisibleInstallation {
  id: number;
  account: string;
  /** Served repositories where GitHub says the user has admin or maintain permission. */
  repositories: RepositoryRecord[];
}

/** Admin or maintain: the roles that run a repository (triage and write do not see leads or revenue). */
export function mayManage(repository: UserRepository): boolean {
  return repository.permissions.admin || repository.permissions.maintain;
}

/**
 * Joins what GitHub says the user may manage with what Steward serves: by repository id (a
 * renamed repository is the same one), only active installations, sorted by name.
 */
export function visibleInstallations(
  fromGitHub: Array<{ id: number; account: string; repositories: UserRepository[] }>,
  served: RepositoryRecord[],
): VisibleInstallation[] {
  const servedById = new Map(served.map((repository) => [repository.id, repository]));
  const visible: VisibleInstallation[] = [];
  for (const installation of fromGitHub) {
    const repositories = installation.repositories
      .filter(mayManage)
      .flatMap((r) => {
        const repository = servedById.get(r.id);
        return repository && repository.installationId === installation.id ? [repository] : [];
      })
      .sort((a, b) => a.fullName.localeCompare(b.fullName));
    if (repositories.length > 0) visible.push({ id: installation.id, account: installation.account, repositories });
  }
  return visible.sort((a, b) => a.account.localeCompare(b.account));
}

export interface AccessCache {
  /** What the token's user may see: asked of GitHub at most once per TTL per token. */
  visibleTo(token: string): Promise<VisibleInstallation[]>;
  forget(token: string): void;
}

const MAX_ENTRIES = 1_000;

/**
 * Caches each user's reach for a few minutes: asking GitHub costs one request per installation,
 * and a permission taken away shows within the TTL. Keys are token digests, so the map never holds
 * a token itself.
 */
export function accessCache(options: { api: UserApi; served: () => Promise<RepositoryRecord[]>; now: () => Date; ttlMs?: number }): AccessCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const entries = new Map<string, { at: number; value: Promise<VisibleInstallation[]> }>();
  const keyOf = (token: string) => createHash("sha256").update(token).digest("base64url");
  return {
    visibleTo(token) {
      const key = keyOf(token);
      const at = options.now().getTime();
      const cached = entries.get(key);
      if (cached && at - cached.at < ttlMs) return cached.value;
      const value = (async () => {
        const installations = await options.api.installations(token);
        const withRepositories = await Promise.all(
          installations.map(async (installation) => ({ ...installation, repositories: await options.api.repositories(token, installation.id) })),
        );
        return visibleInstallations(withRepositories, await options.served());
      })();
      entries.delete(key);
      entries.set(key, { at, value });
      // A failed answer is not kept: the next request asks again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      return value;
    },
    forget(token) {
      entries.delete(keyOf(token));
    },
  };
}
