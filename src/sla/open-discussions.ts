import type { StewardConfig } from "../config/schema.js";
import type { DB } from "../store/db.js";
import { loadDiscussionComments, loadDiscussionStateFacts } from "../store/discussion-facts.js";
import { discussionsOnClock, type DiscussionOnClock } from "./discussion-items.js";

/**
 * The discussions on the response clock that were open at `now`, with their comments up to then.
 * Reads every discussion's own facts (a few per discussion) but the comments of the open ones
 * only, so a repository's answered and closed discussions cost the sweep nothing more as they
 * pile up. Facts after `now` are left out, so a past `now` gives the discussions open then.
 */
export async function openDiscussionsAt(db: DB, repositoryId: number, config: StewardConfig, now: Date): Promise<DiscussionOnClock[]> {
  if (!config.response.discussions.enabled) return [];
  const own = (await loadDiscussionStateFacts(db, repositoryId)).filter((fact) => fact.occurredAt <= now);
  const open = new Set(openOnly(discussionsOnClock(own, config)).map(({ item }) => item.number));
  if (open.size === 0) return [];
  const comments = (await loadDiscussionComments(db, repositoryId, [...open])).filter((fact) => fact.occurredAt <= now);
  return openOnly(discussionsOnClock([...own.filter((fact) => open.has(fact.number)), ...comments], config));
}

function openOnly(discussions: readonly DiscussionOnClock[]): DiscussionOnClock[] {
  return discussions.filter(({ item }) => item.state === "open");
}
