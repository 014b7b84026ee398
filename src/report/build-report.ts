import { loadConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../store/installations.js";
import { summarizeLedger } from "../store/ledger.js";
import type { ConfigProblem } from "../store/schema.js";

/**
 * The `steward report --json` document. Its shape is a contract for scripts: fields are only ever
 * added, never renamed or removed. Times are ISO 8601 strings in UTC.
 */
export interface RepositoryReport {
  repository: string;
  ledger: {
    deliveries: number;
    events: number;
    firstEventAt: string | null;
    lastEventAt: string | null;
    eventsByKind: Record<string, number>;
  };
  items: { openIssues: number; closedIssues: number; openPullRequests: number; closedPullRequests: number };
  config: { checkedAt: string; valid: boolean; problems: ConfigProblem[] } | null;
}

/** Collects what Steward knows of one repository. */
export async function buildReport(db: DB, repository: RepositoryRecord): Promise<RepositoryReport> {
  const ledger = await summarizeLedger(db, repository.id);
  const config = await loadConfigStatus(db, repository.id);
  return {
    repository: repository.fullName,
    ledger: {
      deliveries: ledger.deliveries,
      events: ledger.events,
      firstEventAt: ledger.firstEventAt?.toISOString() ?? null,
      lastEventAt: ledger.lastEventAt?.toISOString() ?? null,
      eventsByKind: ledger.eventsByKind,
    },
    items: ledger.items,
    config: config
      ? { checkedAt: config.checkedAt.toISOString(), valid: config.valid, problems: config.problems }
      : null,
  };
}
