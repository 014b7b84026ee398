import type { StewardConfig } from "../config/schema.js";
import { collectResponseFigures } from "../sla/collect-response-figures.js";
import { collectContributorFigures } from "../welcome/collect-contributor-figures.js";
import { collectCommunityFigures } from "../metrics/collect-community-figures.js";
import { collectConversionFigures } from "../conversion/collect-conversion-figures.js";
import type { Period } from "../report/figures.js";
import { loadConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import { latestDigestBefore } from "../store/digests.js";
import type { RepositoryRecord } from "../store/installations.js";
import { CONFIG_PATH } from "../github/read-steward-yml.js";
import type { DigestData, SectionFigures } from "./digest-data.js";
import type { DigestWeek } from "./digest-week.js";

type Collector<T> = (db: DB, repository: RepositoryRecord, period: Period, now: Date, config: StewardConfig) => Promise<T>;

/**
 * Reads one section's figures for the week (and, where `previous` is given, for the week before,
 * as of its end). A collector that fails makes its section say so; the digest still goes out.
 */
async function section<T>(
  name: string,
  collect: Collector<T>,
  args: { db: DB; repository: RepositoryRecord; week: DigestWeek; previous: DigestWeek | null; config: StewardConfig; now: Date },
  problems: string[],
): Promise<SectionFigures<T>> {
  try {
    const current = await collect(args.db, args.repository, args.week.period, args.now, args.config);
    const previous = args.previous
      ? await collect(args.db, args.repository, args.previous.period, args.previous.period.end, args.config)
      : null;
    return { status: "ok", current, previous };
  } catch (error) {
    const reason = `the ${name} figures could not be computed (${(error as Error).message})`;
    problems.push(`Steward: ${reason}`);
    return { status: "unavailable", reason };
  }
}

/** Everything a repository's digest for `week` shows, read from the store. */
export async function collectDigestData(
  db: DB,
  repository: RepositoryRecord,
  week: DigestWeek,
  previousWeek: DigestWeek,
  now: Date,
  config: StewardConfig,
): Promise<DigestData> {
  const problems: string[] = [];
  const status = await loadConfigStatus(db, repository.id);
  for (const p of status?.problems ?? []) {
    problems.push(`${CONFIG_PATH}${p.path ? ` at ${p.path}` : ""}: ${p.message} (running on defaults)`);
  }
  const args = { db, repository, week, previous: null, config, now };
  const response = await section("response", collectResponseFigures, { ...args, previous: previousWeek }, problems);
  const contributors = await section("contributor", collectContributorFigures, args, problems);
  const community = await section("community", collectCommunityFigures, args, problems);
  const conversion = await section("conversion", collectConversionFigures, args, problems);
  if (community.status === "ok") {
    for (const kind of community.current.backfill.kinds) {
      if (kind.status === "paused") problems.push(`History backfill of ${kind.kind} paused at ${kind.done}${kind.total === null ? "" : ` of ${kind.total}`}: ${kind.lastError ?? "unknown error"}; it resumes by itself`);
    }
  }
  const previousDigest = await latestDigestBefore(db, repository.id, week.key);
  return {
    repository: { fullName: repository.fullName, private: repository.private },
    week,
    config,
    response,
    contributors,
    community,
    conversion,
    problems,
    previousDigest: previousDigest ? { week: previousDigest.week, issueNumber: previousDigest.issueNumber } : null,
  };
}
