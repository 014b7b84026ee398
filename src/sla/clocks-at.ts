import type { StewardConfig } from "../config/schema.js";
import type { ClockEvent, ClockItem } from "../domain/clock.js";
import { isCommunity } from "../people/roles.js";
import type { DB } from "../store/db.js";
import { itemsClosedAfter, loadClockEvents, loadItems, loadItemStateFacts, loadOpenItems } from "../store/response-clock-data.js";
import { itemAt } from "./item-at.js";
import { computeResponseClock, type ResponseClock } from "./response-clock.js";

/** A community item's clock at an instant, from what was known then. */
export interface ClockAt {
  /** The item as it was at the instant (`itemAt`). */
  item: ClockItem;
  /** The row as the store keeps it now: the author's login at its last delivery, at `updatedAt`. */
  stored: ClockItem;
  /** Its clock facts at or before the instant. */
  events: ClockEvent[];
  clock: ResponseClock;
}

/**
 * The community items among `stored` that were opened by `now`, as they were then, with their
 * clocks from the facts at or before `now` (docs/architecture.md, "One digest, one truth"): a
 * figure made again for a past `now` counts no response, close or label that came later. At the
 * present no row is newer than `now`, so no state facts are read.
 */
export async function clocksAt(db: DB, repositoryId: number, stored: readonly ClockItem[], config: StewardConfig, now: Date): Promise<ClockAt[]> {
  const community = stored.filter((item) =>
    isCommunity({ login: item.authorLogin, type: item.authorType, association: item.authorAssociation }, config),
  );
  const changed = community.filter((item) => item.updatedAt > now).map((item) => item.number);
  const stateFacts = changed.length === 0 ? new Map<number, ClockEvent[]>() : await loadItemStateFacts(db, repositoryId, changed);
  const facts = await loadClockEvents(
    db,
    repositoryId,
    community.map((item) => item.number),
    { until: now },
  );
  return community.flatMap((row) => {
    const item = itemAt(row, stateFacts.get(row.number) ?? [], now);
    if (item === null) return [];
    const events = facts.get(row.number) ?? [];
    return [{ item, stored: row, events, clock: computeResponseClock(item, events, config, now) }];
  });
}

/**
 * The community items open at `now`, oldest first, with their clocks then: those open now and
 * those closed since `now` (found through their closes after it), as `clocksAt` takes them back.
 */
export async function openClocksAt(db: DB, repositoryId: number, config: StewardConfig, now: Date): Promise<ClockAt[]> {
  const closedSince = (await loadItems(db, repositoryId, await itemsClosedAfter(db, repositoryId, now))).filter((item) => item.state === "closed");
  const candidates = [...(await loadOpenItems(db, repositoryId)), ...closedSince];
  return (await clocksAt(db, repositoryId, candidates, config, now))
    .filter(({ item }) => item.state === "open")
    .sort((a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime());
}
