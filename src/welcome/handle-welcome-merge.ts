import { readUserHistory } from "../github/user-history.js";
import type { ItemActivity } from "../runtime/item-activity.js";
import type { ItemSnapshot } from "../domain/ledger.js";
import { isBot } from "../people/roles.js";
import { findContributor, isContributorHistoryKnown, numberNewContributors, recordContribution } from "../store/contributors.js";
import { listCrossings, recordContributorCrossings } from "../store/milestone-crossings.js";
import { chooseMergeMessage, isFirstMergeByRecords, isFirstMergeByUserHistory, milestonesToAnnounce, screenMerge } from "./decide-first-merge.js";
import { WELCOME_KINDS, welcomeSubject } from "./plan-welcome-retry.js";
import { postWelcome } from "./post-welcome.js";

/**
 * A merged pull request: its author becomes (or stays) a contributor. Once the history is known
 * the new contributor gets the next number and the contributor milestones are recorded. A first
 * merge is congratulated (with the number where known, founding-contributor text for the first
 * N), and a milestone it reached is announced where the config asks for it.
 */
export async function handleWelcomeMerge(activity: ItemActivity, item: ItemSnapshot): Promise<void> {
  const { db, repository, config, log } = activity;
  const author = { login: item.authorLogin, type: item.authorType, association: item.authorAssociation };
  // The person is their account id: merges under an old and a new login are one contributor.
  const person = { login: item.authorLogin, id: item.authorId };
  // A bot is never a contributor (docs/architecture.md, "Words").
  if (isBot(author, config) || item.mergedAt === null) return;
  const mergedAt = item.mergedAt;
  await recordContribution(db, {
    repositoryId: repository.id,
    login: item.authorLogin,
    userId: item.authorId,
    at: mergedAt,
    pullNumber: item.number,
    source: "webhook",
  });
  const historyKnown = await isContributorHistoryKnown(db, repository.id);
  if (historyKnown) {
    await numberNewContributors(db, repository.id);
    await recordContributorCrossings(db, repository.id, config.milestones.contributors);
  }
  const contributor = await findContributor(db, repository.id, person);

  const skip = screenMerge(author, config);
  if (!skip && isFirstMergeByRecords(contributor, item.number) && (historyKnown || (await confirmedByApi(activity, item, mergedAt)))) {
    const choice = chooseMergeMessage(historyKnown ? (contributor?.number ?? null) : null, config);
    await postWelcome(activity, {
      effect: WELCOME_KINDS.firstMerge,
      subject: welcomeSubject(person),
      message: choice.message,
      issueNumber: item.number,
      facts: { author: item.authorLogin, number: "number" in choice ? choice.number : null },
    });
  } else if (skip) {
    log.debug(`${repository.fullName}#${item.number}: no congratulation (${skip})`);
  }

  if (!historyKnown) return;
  const crossings = milestonesToAnnounce(await listCrossings(db, repository.id, "contributors"), person, item.number, config);
  for (const crossing of crossings) {
    await postWelcome(activity, {
      effect: WELCOME_KINDS.milestone,
      subject: `contributors-${crossing.threshold}`,
      message: "milestone",
      issueNumber: item.number,
      facts: { author: item.authorLogin, number: crossing.value, threshold: crossing.threshold },
    });
  }
}

/** Before the history is known: one API read must show no earlier merged PR by the author. */
async function confirmedByApi(activity: ItemActivity, item: ItemSnapshot, mergedAt: Date): Promise<boolean> {
  const { repository } = activity;
  try {
    const history = await readUserHistory(activity.octokit, { owner: repository.owner, repo: repository.name }, item.authorLogin);
    return isFirstMergeByUserHistory(item.number, mergedAt, history);
  } catch (error) {
    // Thrown, not swallowed: the delivery is handled again later, and the congratulation with it.
    throw new Error(
      `could not read ${item.authorLogin}'s earlier pull requests (${String(error)}); the congratulation waits for the delivery to be handled again`,
      {
        cause: error,
      },
    );
  }
}
