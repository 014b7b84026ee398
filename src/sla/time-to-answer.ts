import type { StewardConfig } from "../config/schema.js";
import type { DurationSummary, Period } from "../domain/figures.js";
import type { DB } from "../store/db.js";
import { loadDiscussionStateFacts } from "../store/discussion-facts.js";
import { discussionsOnClock } from "./discussion-items.js";
import { summarize } from "./response-stats.js";

/**
 * Time to answer: for the discussions on the clock whose accepted answer was chosen in the period,
 * the calendar time from their opening to that choice. Only facts that occurred by `now` count, so
 * a past `now` gives the figure of then (docs/architecture.md, "One digest, one truth"). Reads the
 * discussions' own facts (openings, answers, closes, moves), not their comments: the category is
 * the one the latest of them names.
 */
export async function timeToAnswer(db: DB, repositoryId: number, period: Period, now: Date, config: StewardConfig): Promise<DurationSummary> {
  const facts = (await loadDiscussionStateFacts(db, repositoryId)).filter((fact) => fact.occurredAt <= now);
  const durations = discussionsOnClock(facts, config).flatMap(({ item, answeredAt }) =>
    answeredAt && answeredAt >= period.start && answeredAt < period.end ? [answeredAt.getTime() - item.createdAt.getTime()] : [],
  );
  return summarize(durations);
}
