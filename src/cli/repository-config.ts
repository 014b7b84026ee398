import { defaultConfig, type StewardConfig } from "../config/schema.js";
import type { JobDeps } from "../runtime/job-deps.js";
import type { ConfigProblem } from "../domain/config.js";
import type { RepositoryRecord } from "../domain/repository.js";
import type { CliIo } from "./context.js";

export interface CliRepositoryConfig {
  config: StewardConfig;
  /** The repository's own steward.yml, or the defaults when it could not be read. */
  source: "repository" | "defaults";
  /** The problems of the file as just read; null with the defaults (nothing was read). */
  problems: ConfigProblem[] | null;
}

/**
 * The repository's steward.yml where the CLI can read it as the app (APP_ID set); otherwise, or
 * when GitHub cannot answer, the defaults, said once on stderr with what they stand in for.
 */
export async function cliRepositoryConfig(
  io: CliIo,
  deps: JobDeps,
  repository: RepositoryRecord,
  { command, fallback }: { command: string; fallback: string },
): Promise<CliRepositoryConfig> {
  if (!io.env.APP_ID) return { config: defaultConfig, source: "defaults", problems: null };
  try {
    const { config, problems } = await deps.configs.load(await deps.github(repository.installationId), repository);
    return { config, source: "repository", problems };
  } catch (error) {
    io.err(`steward ${command}: could not read the configuration of ${repository.fullName} (${(error as Error).message}); using ${fallback}\n`);
    return { config: defaultConfig, source: "defaults", problems: null };
  }
}
