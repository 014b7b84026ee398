import { parsePersonKey } from "../domain/identity.js";
import type { DB } from "../store/db.js";
import { isContributorHistoryKnown } from "../store/contributors.js";
import { listCrossings } from "../store/milestone-crossings.js";
import { contributorOf, firstOpeningNumber, welcomeItem } from "../store/welcome-retry-records.js";
import { WELCOME_KINDS, type RetryRecords } from "./plan-welcome-retry.js";

/**
 * Finds, in Steward's own records, what an unfinished welcome was about. The claim's key names
 * the user (`id:<account id>`, or a lowercased login where the id was unknown) or the milestone;
 * the item follows from the records the welcome was decided on:
 * - first issue / first PR: the user's lowest-numbered opening of that kind in the ledger (the
 *   welcome was claimed because no lower-numbered one existed, and later ones have higher numbers);
 * - first merge: the contributor's first merged pull request (the claim required it to be this one);
 * - milestone `contributors-N`: the recorded crossing of N, with its pull request and contributor.
 * The item itself comes from the `items` table, which forgets items deleted or transferred away.
 */
export async function loadRetryRecords(db: DB, repositoryId: number, claim: { kind: string; subject: string }): Promise<RetryRecords> {
  const item = async (number: number | null | undefined) => (number == null ? null : ((await welcomeItem(db, repositoryId, number)) ?? null));
  switch (claim.kind) {
    case WELCOME_KINDS.firstIssue:
    case WELCOME_KINDS.firstPull: {
      const kind = claim.kind === WELCOME_KINDS.firstIssue ? "issues.opened" : "pull_request.opened";
      return { item: await item(await firstOpeningNumber(db, repositoryId, kind, parsePersonKey(claim.subject))) };
    }
    case WELCOME_KINDS.firstMerge: {
      const contributor = (await contributorOf(db, repositoryId, parsePersonKey(claim.subject))) ?? null;
      return { item: await item(contributor?.firstPullNumber), contributor, historyKnown: await isContributorHistoryKnown(db, repositoryId) };
    }
    case WELCOME_KINDS.milestone: {
      const threshold = /^contributors-(\d+)$/.exec(claim.subject)?.[1];
      const crossings = threshold === undefined ? [] : await listCrossings(db, repositoryId, "contributors");
      const crossing = crossings.find((c) => c.threshold === Number(threshold)) ?? null;
      return { item: await item(crossing?.itemNumber), crossing };
    }
    default:
      return { item: null };
  }
}
