import type { Logger } from "probot";
import type { GitHubClient } from "../github/octokit.js";
import { CONFIG_PATH } from "../domain/config.js";
import { readStewardYml } from "../github/read-steward-yml.js";
import { saveConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import type { RepositoryRef } from "../domain/repository.js";
import { formatProblems, unreadableConfig, validateConfig, type ConfigOutcome } from "../config/validate-config.js";

export interface RepoConfigLoader {
  /**
   * The repository's configuration: cached, else read from GitHub, validated and recorded. A cached
   * one is used while younger than `maxAgeMs` (default: the loader's TTL).
   */
  load(octokit: GitHubClient, repository: RepositoryRef, options?: { maxAgeMs?: number }): Promise<ConfigOutcome>;
  /** Forgets the cached configuration, e.g. after a push changed the file. */
  invalidate(repositoryId: number): void;
}

/**
 * How old a cached configuration the scheduled jobs accept (the sweeps every 15 minutes, the
 * welcome retries, the hourly digest check, the dashboard and badges). Reading it again on each run
 * cost two requests per repository and sweep, 192 a day, where the whole budget is 6. A day and an
 * hour: longer than the daily metrics job's period, so at steady state that job, which reads it with
 * the loader's TTL, is the one read a day. It stays current all the same: a push that changes the
 * file forgets it at once (on the replica that receives the push), and a webhook reads it again after
 * the TTL.
 */
export const SCHEDULED_CONFIG_MAX_AGE_MS = 25 * 60 * 60_000;

export interface RepoConfigLoaderOptions {
  db: DB;
  log: Logger;
  now: () => Date;
  /** How long a read configuration is trusted; an org-wide file changes without telling us. */
  ttlMs?: number;
  /**
   * For a command that only reads (`steward report`, a dry run): problems are logged each time the
   * file is read and never stored, so the stored status stays the server's.
   */
  readOnly?: boolean;
}

/**
 * Reads each repository's steward.yml at most once per TTL. A broken file (invalid YAML or values)
 * makes the repository run on defaults; its problems are stored for the digest and logged once.
 * A GitHub error while reading is not a broken file: the repository keeps its last known config.
 *
 * It is runtime, not config/: it is the caller that joins the GitHub port (the read), the pure
 * validation of config/ (problems returned, nothing stored) and the store (`config_status`).
 */
export function createRepoConfigLoader({ db, log, now, ttlMs = 10 * 60_000, readOnly = false }: RepoConfigLoaderOptions): RepoConfigLoader {
  const cache = new Map<number, { outcome: ConfigOutcome; readAt: number }>();

  return {
    async load(octokit, repository, options = {}) {
      const cached = cache.get(repository.id);
      const at = now();
      if (cached && at.getTime() - cached.readAt < (options.maxAgeMs ?? ttlMs)) return cached.outcome;
      let outcome: ConfigOutcome;
      try {
        outcome = validateConfig(await readStewardYml(octokit, { owner: repository.owner, repo: repository.name }));
      } catch (error) {
        if (isHttpError(error)) {
          // GitHub could not answer: that says nothing about the file, so keep what we had.
          log.warn(`${repository.fullName}: could not read ${CONFIG_PATH} (HTTP ${error.status}); using the last known configuration`);
          return cached?.outcome ?? validateConfig(null);
        }
        outcome = unreadableConfig(`${CONFIG_PATH} could not be parsed: ${parseFailure(error)}`);
      }
      cache.set(repository.id, { outcome, readAt: at.getTime() });
      // Stored problems are logged when they change; a read-only loader stores none, so it logs each read.
      const tell = readOnly || (await saveConfigStatus(db, repository.id, outcome.problems, at));
      if (tell && outcome.problems.length > 0) {
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

/** Probot's config plugin wraps the YAML parser's error, which says where the file broke. */
function parseFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0] ?? message;
}
