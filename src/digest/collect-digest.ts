import type { StewardConfig } from "../config/schema.js";
import { type ConfigProblem, configProblemSentence } from "../domain/config.js";
import { collectFeatureFigures } from "../report/collect-figures.js";
import { loadConfigStatus } from "../store/config-status.js";
import type { DB } from "../store/db.js";
import { latestDigestBefore } from "../store/digests.js";
import { findRepositoryFacts } from "../store/repository-facts.js";
import type { RepositoryRecord } from "../domain/repository.js";
import type { DigestData } from "./digest-data.js";
import type { DigestWeek } from "./digest-week.js";

export interface DigestCollection {
  /** A dry run: nothing may be stored, the member projection's fold included. */
  readOnly: boolean;
  /**
   * The problems of the steward.yml just read for this digest. A read-only run stores none, so
   * they are passed here; without them the problems the loader stored are shown.
   */
  configProblems?: readonly ConfigProblem[];
}

/**
 * Everything a repository's digest for `week` shows, read from the store as it was known at `now`
 * (docs/architecture.md, "One digest, one truth"): made again for the same `now`, it is the same.
 */
export async function collectDigestData(
  db: DB,
  repository: RepositoryRecord,
  week: DigestWeek,
  previousWeek: DigestWeek,
  now: Date,
  config: StewardConfig,
  collection: DigestCollection,
): Promise<DigestData> {
  const problems: string[] = [];
  const configProblems = collection.configProblems ?? (await loadConfigStatus(db, repository.id))?.problems ?? [];
  for (const p of configProblems) {
    problems.push(configProblemSentence(p));
  }
  const figures = await collectFeatureFigures(db, repository, {
    period: week.period,
    previousPeriod: previousWeek.period,
    now,
    config,
    readOnly: collection.readOnly,
  });
  problems.push(...figures.failures);
  const { response, contributors, community, conversion, health } = figures;
  if (community.status === "ok") {
    for (const kind of community.current.backfill.kinds) {
      if (kind.status === "paused")
        problems.push(
          `History backfill of ${kind.kind} paused at ${kind.done}${kind.total === null ? "" : ` of ${kind.total}`}: ${kind.lastError ?? "unknown error"}; it resumes by itself`,
        );
    }
  }
  problems.push(...permissionProblems((await findRepositoryFacts(db, repository.id))?.data));
  // The one published by `now`: a past digest made again links the digest it linked.
  const previousDigest = await latestDigestBefore(db, repository.id, week.key, now);
  return {
    repository: { fullName: repository.fullName, private: repository.private },
    week,
    config,
    response,
    contributors,
    community,
    conversion,
    health,
    problems,
    previousDigest: previousDigest ? { week: previousDigest.week, issueNumber: previousDigest.issueNumber } : null,
  };
}

/** What the daily job could not read for want of a permission, as the facts it stored say. */
function permissionProblems(facts: Record<string, unknown> | undefined): string[] {
  const traffic = facts?.traffic as { available?: boolean; reason?: string } | undefined;
  if (traffic?.available !== false) return [];
  return [`Traffic (visitors and clones) is not shown: ${traffic.reason ?? "GitHub refused to read it"}.`];
}
