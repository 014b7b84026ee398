import type { ClockEvent, ClockItem } from "../domain/clock.js";
import type { ItemActivity } from "../runtime/item-activity.js";
import { loadClockEvents, loadItems } from "../store/response-clock-data.js";
import type { EffectContext } from "./send-reminder.js";

/** An item as the ledger holds it now, with its clock events: what a live clock decision reads. */
export async function storedItemOnTheClock(activity: ItemActivity, number: number): Promise<{ item: ClockItem; events: ClockEvent[] } | null> {
  const { db, repository } = activity;
  const [item] = await loadItems(db, repository.id, [number]);
  if (!item) return null;
  return { item, events: (await loadClockEvents(db, repository.id, [number])).get(number) ?? [] };
}

/** Where a handler puts or takes a label on the item of a delivery, exactly once. */
export function itemEffectContext(activity: ItemActivity, number: number): EffectContext {
  const { repository } = activity;
  return {
    db: activity.db,
    now: activity.now,
    octokit: activity.octokit,
    metrics: activity.metrics,
    repositoryId: repository.id,
    where: { owner: repository.owner, repo: repository.name, issueNumber: number },
  };
}
