import { readUserHistory } from "../github/user-history.js";
import type { ItemActivity, ItemActivityHandler } from "../runtime/item-activity.js";
import type { ItemSnapshot } from "../domain/ledger.js";
import type { Person } from "../people/roles.js";
import { countEarlierOpenings, isBackfillDone } from "../store/earlier-openings.js";
import { isFirstByRecords, isFirstByUserHistory, screenOpening, type OpeningKind } from "./decide-first-opening.js";
import { handleWelcomeMerge } from "./handle-welcome-merge.js";
import { WELCOME_KINDS, welcomeSubject } from "./plan-welcome-retry.js";
import { postWelcome } from "./post-welcome.js";
import { welcomeDiscussion } from "./welcome-discussion.js";

/**
 * The welcome feature's reaction to a fresh delivery: a user's first issue and first pull request
 * get a welcome, a merged pull request is recorded as a contribution (and a first one gets its
 * congratulation), a first discussion gets a welcome. Everything else is ignored.
 */
export const handleWelcomeActivity: ItemActivityHandler = async (activity) => {
  // A discussion is no item (entry.item is null): its facts alone say who opened it.
  if (activity.name === "discussion" && activity.action === "created") return welcomeDiscussion(activity);
  const item = activity.entry.item;
  if (!item) return;
  if (activity.name === "issues" && activity.action === "opened" && !item.isPull) return welcomeOpening(activity, item, "issue");
  if (activity.name !== "pull_request") return;
  if (activity.action === "opened") return welcomeOpening(activity, item, "pull");
  if (activity.action === "closed" && item.mergedAt !== null) return handleWelcomeMerge(activity, item);
};

/** The author of an item as the payload shows them. */
export function authorOf(item: ItemSnapshot): Person {
  return { login: item.authorLogin, type: item.authorType, association: item.authorAssociation };
}

const EFFECTS = { issue: WELCOME_KINDS.firstIssue, pull: WELCOME_KINDS.firstPull } as const;

/**
 * Welcomes a first issue or pull request. Once the repository's history of that kind is known the
 * ledger decides; before, the association has already ruled out maintainers, bots and mannequins,
 * and one API read of the user's items confirms. An API failure welcomes no one now and claims
 * nothing, so nothing is half done.
 */
async function welcomeOpening(activity: ItemActivity, item: ItemSnapshot, kind: OpeningKind): Promise<void> {
  const { db, repository, log } = activity;
  const author = authorOf(item);
  const skip = screenOpening(kind, author, activity.config);
  if (skip) {
    log.debug(`${repository.fullName}#${item.number}: no welcome (${skip})`);
    return;
  }
  let first: boolean;
  if (await isBackfillDone(db, repository.id, kind === "issue" ? "issues" : "pulls")) {
    const earlier = await countEarlierOpenings(db, repository.id, {
      kind: kind === "issue" ? "issues.opened" : "pull_request.opened",
      author: { login: item.authorLogin, id: item.authorId },
      beforeNumber: item.number,
    });
    first = isFirstByRecords(earlier);
  } else {
    try {
      const history = await readUserHistory(activity.octokit, { owner: repository.owner, repo: repository.name }, item.authorLogin);
      first = isFirstByUserHistory(kind, item.number, history);
    } catch (error) {
      // Thrown, not swallowed: the delivery stays unhandled and is run again (its redelivery, the
      // recovery job), so a GitHub outage delays a welcome instead of losing it.
      throw new Error(
        `could not read ${item.authorLogin}'s earlier items (${String(error)}); the welcome waits for the delivery to be handled again`,
        { cause: error },
      );
    }
  }
  if (!first) return;
  await postWelcome(activity, {
    effect: EFFECTS[kind],
    subject: welcomeSubject({ login: item.authorLogin, id: item.authorId }),
    message: kind === "issue" ? "firstIssue" : "firstPullRequest",
    issueNumber: item.number,
    facts: { author: item.authorLogin },
  });
}
