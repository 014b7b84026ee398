import { CONFIG_PATH } from "../domain/config.js";
import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/**
 * Reads `.github/steward.yml` the way Probot's `context.config` does (the repository's file, else
 * the owner's `.github` repository, following `_extends`), and merges the files: nested sections
 * merge, while lists and values of the more specific file replace the base's (a repository that
 * names its own maintainers means exactly those). Returns null when no file exists; throws when a
 * file is not valid YAML.
 */
export async function readStewardYml(octokit: GitHubClient, where: RepoCoordinates): Promise<unknown> {
  const { files } = await octokit.config.get({ owner: where.owner, repo: where.repo, path: CONFIG_PATH });
  const found = files.map((file) => file.config).filter((config) => config !== null);
  if (found.length === 0) return null;
  // `files` lists the repository's own file first, then what it extends.
  return found.reverse().reduce<unknown>((base, next) => mergeConfig(base, next), {});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeConfig(base[key], value);
  return merged;
}
