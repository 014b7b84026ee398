import type { Logger } from "probot";
import type { GitHubClient } from "../github/octokit.js";
import { CONFIG_PATH, readStewardYml } from "../github/read-steward-yml.js";
import { saveConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import type { RepositoryRef } from "../ingest/ledger-entry.js";
import { formatProblems, unreadableConfig, validateConfig, type ConfigOutcome } from "./validate-config.js";

export interface RepoConfigLoader {
  /** The repository's configuration: cached, else read from GitHub, validated and recorded. */
  load(octokit: GitHubClient, repository: RepositoryRef): Promise<ConfigOutcome>;
  /** Forgets the cached configuration, e.g. after a push changed the file. */
  invalidate(repositoryId: number): void;
}

export interface RepoConfigLoaderOptions {
  db: DB;
  log: Logger;
  now: () => Date;
  /** How long a read configuration is trusted; an org-wide file changes without telling us. */
  ttlMs?: number;
}

/**
 * Reads each repository's steward.yml at most once per TTL. A broken file (invalid YAML or values)
 * makes the repository run on defaults; its problems are stored for the digest and logged once.
 * A GitHub error while reading is not a broken file: the repository keeps its last good config.
 */
export function createRepoConfigLoader({ db, log, now, ttlMs = 10 * 60_000 }: RepoConfigLoaderOptions): RepoConfigLoader {
  const cache = new Map<number, { outcome: ConfigOutcome; readAt: number }>();

  async function readAndValidate(octokit: GitHubClient, repository: RepositoryRef): Promise<ConfigOutcome> {
    try {
      return validateConfig(await readStewardYml(octokit, { owner: repository.owner, repo: repository.name }));
    } catch (error) {
      if (isHttpError(error)) throw error;
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return unreadableConfig(`${CONFIG_PATH} could not be parsed: ${firstLine(reason)}`);
    }
  }

  return {
    async load(octokit, repository) {
      const cached = cache.get(repository.id);
      const at = now();
      if (cached && at.getTime() - cached.readAt < ttlMs) return cached.outcome;
      let outcome: ConfigOutcome;
      try {
        outcome = await readAndValidate(octokit, repository);
      } catch (error) {
        log.warn(`${repository.fullName}: could not read ${CONFIG_PATH} (${describeHttpError(error)}); using the last known configuration`);
        return cached?.outcome ?? validateConfig(null);
      }
      cache.set(repository.id, { outcome, readAt: at.getTime() });
      const changed = await saveConfigStatus(db, repository.id, outcome.problems, at);
      if (changed && outcome.problems.length > 0) {
        log.warn(`${repository.fullName}: ${CONFIG_PATH} is invalid, running on defaults:\n${formatProblems(outcome.problems)}`);
      }
      return outcome;
    },
    invalidate(repositoryId) {
      cache.delete(repositoryId);
    },
  };
}

function isHttpError(error: unknown): error is { status: number; message: string } {
  return typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number";
}

function describeHttpError(error: unknown): string {
  if (isHttpError(error)) return `HTTP ${error.status}`;
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
