import type { Sandbox } from "../src/sandbox/index.js";
import { seedHistory } from "../src/sandbox/index.js";
import type { DB } from "../src/store/db.js";
import { saveDigest } from "../src/store/digests.js";
import { listRepositories } from "../src/store/installations.js";

const HOUR = 3_600_000;
/** One repository in this many has a community issue waiting for its first response. */
const WAITING_EVERY = 10;

/** What was seeded for the checks afterwards: the waiting issues and last week's digest issues. */
export interface SeededWeek {
  /** Repository -> its waiting community issue, with when it was opened (ms). */
  waiting: Map<string, { number: number; openedAt: number }>;
  /** Repository -> last week's digest issue, still open. */
  previousDigests: Map<string, number>;
}

/**
 * A repository with a little history (a year of stars, issues and pulls, all answered), last
 * week's digest issue open, and in one repository of ten a community issue opened on Sunday between
 * `waitingFrom` and four hours later, unanswered: its at-risk reminder falls due early on Monday
 * and its breach during the digests' hours.
 */
export function seedWeek(
  sandbox: Sandbox,
  seeded: SeededWeek,
  fullName: string,
  index: number,
  at: { waitingFrom: number; previousDigest: number },
): void {
  seedHistory(sandbox.model, { repo: fullName, stars: 10, issues: 4, pulls: 2, commentsPerIssue: 1, prefix: `r${index}-` });
  const digest = sandbox.model.addIssue(fullName, {
    user: sandbox.app.botLogin,
    title: "Community digest (last week)",
    createdAt: new Date(at.previousDigest).toISOString(),
  });
  seeded.previousDigests.set(fullName, digest.number);
  if (index % WAITING_EVERY !== 0) return;
  // Spread over four hours, in the order of the repositories.
  const openedAt = at.waitingFrom + (Math.floor(((index / WAITING_EVERY) * 4 * HOUR) / 100) % (4 * HOUR));
  const issue = sandbox.model.addIssue(fullName, {
    user: `r${index}-newcomer`,
    title: "How do I configure the widget?",
    createdAt: new Date(openedAt).toISOString(),
  });
  seeded.waiting.set(fullName, { number: issue.number, openedAt });
}

/** Records last week's digests in Steward's store, as their publication did: this week's closes them. */
export async function recordPreviousDigests(db: DB, sandbox: Sandbox, seeded: SeededWeek, week: { key: string; publishedAt: number }): Promise<void> {
  const url = sandbox.address()?.url ?? "http://sandbox.invalid";
  for (const repository of await listRepositories(db)) {
    const issueNumber = seeded.previousDigests.get(repository.fullName);
    if (issueNumber === undefined) continue;
    await saveDigest(db, {
      repositoryId: repository.id,
      week: week.key,
      issueNumber,
      issueUrl: `${url}/${repository.fullName}/issues/${issueNumber}`,
      figures: {},
      publishedAt: new Date(week.publishedAt),
    });
  }
}
