import { isCommandKind } from "../domain/commands.js";
import { personKey } from "../domain/identity.js";
import type { LedgerEvent } from "../domain/ledger.js";
import type { EffectOutcome } from "../effects/perform-once.js";
import { applyLeadCommand } from "../conversion/lead-command.js";
import { commandAuthority } from "../people/command-authority.js";
import type { ItemActivity, ItemActivityHandler } from "../runtime/item-activity.js";
import { acknowledge, refuseOnce, replyWithHelp, type CommandContext } from "./command-effects.js";

/**
 * Answers a maintainer command given in a new comment (README, "Maintainer commands"). What the
 * command does to the response clock needs nothing here: the clock reads the command's fact.
 * `lead` and `not-lead` are written to the conversion records, then a maintainer's applied command gets its 👍, `help` and an unknown command the help, and anyone
 * else one polite refusal per item. Only a fresh delivery of a new comment brings a command fact,
 * and every answer is claimed by the comment (or the person), so nothing is done twice.
 */
export const handleCommands: ItemActivityHandler = async (activity) => {
  const fact = activity.entry.events.find((event) => isCommandKind(event.kind));
  const number = activity.entry.item?.number;
  const commentId = typeof fact?.data?.commentId === "number" ? fact.data.commentId : null;
  if (!fact || number === undefined || commentId === null) return;
  const authority = commandAuthority(fact, activity.config);
  if (authority === "bot") return;
  const ctx = commandContext(activity, number);
  if (authority === "other") {
    report(activity, number, "refusal", await refuseOnce(ctx, personKey({ login: fact.actorLogin, id: fact.actorId })));
    return;
  }
  if (fact.kind === "command.help" || fact.kind === "command.unknown") {
    const unknown = fact.kind === "command.unknown" ? commandText(fact) : null;
    report(activity, number, "help", await replyWithHelp(ctx, commentId, unknown));
    return;
  }
  await applyLeadCommand(activity, fact);
  report(activity, number, "reaction", await acknowledge(ctx, commentId));
};

function commandContext(activity: ItemActivity, number: number): CommandContext {
  const { repository } = activity;
  return {
    db: activity.db,
    now: activity.now,
    metrics: activity.metrics,
    octokit: activity.octokit,
    steward: activity.steward,
    repositoryId: repository.id,
    where: { owner: repository.owner, repo: repository.name, issueNumber: number },
  };
}

const commandText = (fact: LedgerEvent) => (typeof fact.data?.text === "string" ? fact.data.text : "/steward");

/**
 * A failed answer is released by its claim; throwing keeps the delivery among the unhandled ones,
 * so the recovery job runs it again and the claim is finished then (no sweep re-derives commands).
 */
function report(activity: ItemActivity, number: number, what: string, outcome: EffectOutcome<unknown>): void {
  if (outcome.status === "failed") throw new Error(`${activity.repository.fullName}#${number}: the command's ${what} failed (${outcome.error})`);
}
