import type { Logger } from "probot";
import type { RepoConfigLoader } from "./repo-config-loader.js";
import type { StewardIdentitySource } from "./steward-identity.js";
import type { GitHubClient } from "../github/octokit.js";
import type { DB } from "../store/db.js";
import type { OperationalMetrics } from "../domain/operational-metrics.js";

/**
 * What a job running outside a webhook (a scheduled sweep, the digest, a backfill, the CLI)
 * needs: the store, the clock, a log, the configuration loader and an authenticated client per
 * installation (Probot's `auth(installationId)`).
 *
 * It lives in runtime/, below the features and the scheduler alike: the scheduler, the CLI and the
 * features' jobs all import it, and no feature imports the scheduler (docs/architecture.md, "Layers").
 */
export interface JobDeps {
  db: DB;
  now: () => Date;
  log: Logger;
  configs: RepoConfigLoader;
  /** Clients whose content-creating requests are paced per installation (github/steward-octokit.ts). */
  github(installationId: number): Promise<GitHubClient>;
  /** Who Steward is on GitHub: a marker counts only in what its own app wrote. */
  steward: StewardIdentitySource;
  /** What the server counts for GET /metrics; absent where nothing is served (the CLI). */
  metrics?: OperationalMetrics;
}
