import { defaultConfig, type StewardConfig } from "../config/schema.js";
import type { JobDeps } from "../runtime/job-deps.js";
import type { RepositoryRecord } from "../domain/repository.js";
import type { CliIo } from "./context.js";

export interface CliRepositoryConfig {
  config: StewardConfig;
  /** The repository's own steward.yml, or the defaults when it could not be read. */
  source: "repository" | "defaults";
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
  if (!io.env.APP_ID) return { config: defaultConfig, source: "defaults" };
  try {
    const { config } = await deps.configs.load(await deps.github(repository.installationId), repository);
    return { config, source: "repository" };
  } catch (error) {
    io.err(`steward ${command}: could not read the configuration of ${repository.fullName} (${(error as Error).message}); using ${fallback}\n`);
    return { config: defaultConfig, source: "defaults" };
  }
}
