import type { StewardConfig } from "../config/schema.js";
import { loadConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { summarizeLedger } from "../store/ledger.js";
import type { ConfigProblem } from "../domain/config.js";
import { collectFeatureFigures, type FeatureFigures } from "./collect-figures.js";

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
  /** The trailing seven days the figures below cover, ending at `--now`. */
  period: { start: string; end: string };
  /** Where the configuration behind the figures came from: the repository's file, or defaults. */
  configSource: "repository" | "defaults";
  /**
   * Each feature's figures (`status: "ok"` with `current` and, for response, `previous`). The
   * response figures hold `durations` (first response, first review, merge, close: median,
   * nearest-rank p90, average and item count over the period) and each kind's goal (`goalHoursByKind`).
   */
  response: FeatureFigures["response"];
  contributors: FeatureFigures["contributors"];
  community: FeatureFigures["community"];
  conversion: FeatureFigures["conversion"];
  /**
   * The CHAOSS community health figures: bus factors (merges, first responses), elephant factor,
   * new contributor retention, closure ratios and the stale backlog (README, "Community health").
   */
  health: FeatureFigures["health"];
}

export interface ReportOptions {
  now: Date;
  config: StewardConfig;
  configSource: RepositoryReport["configSource"];
  /**
   * The problems of the steward.yml the command just read (at `now`), shown as the config state;
   * null when it read none, and the state the server last stored is shown. The report stores nothing.
   */
  readProblems: ConfigProblem[] | null;
}

const WEEK = 7 * 86_400_000;

/** Collects what Steward knows of one repository, writing nothing. */
export async function buildReport(db: DB, repository: RepositoryRecord, options: ReportOptions): Promise<RepositoryReport> {
  const ledger = await summarizeLedger(db, repository.id);
  const read = options.readProblems;
  const config = read ? { checkedAt: options.now, valid: read.length === 0, problems: read } : await loadConfigStatus(db, repository.id);
  const end = options.now;
  const period = { start: new Date(end.getTime() - WEEK), end };
  const previousPeriod = { start: new Date(end.getTime() - 2 * WEEK), end: period.start };
  const figures = await collectFeatureFigures(db, repository, { period, previousPeriod, now: end, config: options.config, readOnly: true });
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
    config: config ? { checkedAt: config.checkedAt.toISOString(), valid: config.valid, problems: config.problems } : null,
    period: { start: period.start.toISOString(), end: period.end.toISOString() },
    configSource: options.configSource,
    response: figures.response,
    contributors: figures.contributors,
    community: figures.community,
    conversion: figures.conversion,
    health: figures.health,
  };
}
