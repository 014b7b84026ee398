import Database from "better-sqlite3";
import type { SeededHistory } from "./large-repository-seed.js";

/** The backfill's facts in a Steward SQLite file, counted as the seed counts them. */
type StoredHistory = SeededHistory;

const KINDS: Record<string, keyof StoredHistory> = {
  "star.created": "stars",
  "issues.opened": "issues",
  "pull_request.opened": "pulls",
  "issue_comment.created": "comments",
  "pull_request_review.submitted": "reviews",
  "pull_request.merged": "merged",
};

/**
 * Counts one repository's stored facts of the kinds the seed made a known number of. Natural keys
 * are unique, so a fact read twice is stored once: equal counts mean every fact exactly once.
 */
export function storedHistory(database: string, repositoryId: number): StoredHistory {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT kind, count(*) AS n FROM events WHERE repository_id = ? GROUP BY kind").all(repositoryId) as Array<{
      kind: string;
      n: number;
    }>;
    const counts: StoredHistory = { stars: 0, issues: 0, pulls: 0, comments: 0, reviews: 0, merged: 0 };
    for (const row of rows) {
      const key = KINDS[row.kind];
      if (key) counts[key] += row.n;
    }
    return counts;
  } finally {
    db.close();
  }
}

/** The sum of the counted facts. */
export const factTotal = (h: StoredHistory | SeededHistory): number => h.stars + h.issues + h.pulls + h.comments + h.reviews + h.merged;
