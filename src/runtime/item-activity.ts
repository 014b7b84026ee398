import type { Logger } from "probot";
import type { StewardConfig } from "../config/schema.js";
import type { GitHubClient } from "../github/octokit.js";
import type { DB } from "../store/db.js";
import type { LedgerEntry } from "../domain/ledger.js";
import type { RepositoryRef } from "../domain/repository.js";
import type { StewardIdentitySource } from "./steward-identity.js";
import type { OperationalMetrics } from "../domain/operational-metrics.js";

/**
 * A fresh (never seen before) delivery about an issue, pull request, comment, review, star or fork,
 * recorded in the ledger, with the repository's configuration: what every feature's webhook
 * handler receives. `entry.item` is null for stars and forks.
 */
export interface ItemActivity {
  db: DB;
  now: () => Date;
  log: Logger;
  octokit: GitHubClient;
  /** Who Steward is on GitHub: a marker counts only in what its own app wrote. */
  steward: StewardIdentitySource;
  /** `X-GitHub-Delivery`. */
  deliveryId: string;
  /** The webhook event name, e.g. `issue_comment`. */
  name: string;
  action: string | null;
  payload: Record<string, unknown>;
  repository: RepositoryRef;
  /** The installation, for features that write outside this delivery later. */
  installationId: number | null;
  config: StewardConfig;
  /** What the ledger stored for this delivery (its events carry the natural keys). */
  entry: LedgerEntry;
  /** Where the features' effects are counted (JobDeps.metrics). */
  metrics?: OperationalMetrics;
}

/** One feature's reaction to item activity. Failures are logged by the caller, never fatal. */
export type ItemActivityHandler = (activity: ItemActivity) => Promise<void>;
