import type { StaleBacklog } from "../../domain/figures.js";

const DAY = 86_400_000;
export const STALE_IDLE_DAYS = 30;
/** How many of the longest idle items are named. */
export const STALE_SHOWN = 5;

/** An item open at the instant, with its latest fact then (null: none, its opening counts). */
export interface OpenItemTouch {
  number: number;
  isPull: boolean;
  title: string;
  createdAt: Date;
  lastFactAt: Date | null;
}

/**
 * CHAOSS's "Inactive Issues" for issues and pull requests alike: the open items with no fact at all
 * (comment, label, review, close or reopen) for `idleDays` at `at`, the longest idle first (ties:
 * the older number). An item's opening is its first fact. Pure.
 */
export function staleBacklog(items: readonly OpenItemTouch[], at: Date, idleDays = STALE_IDLE_DAYS, shown = STALE_SHOWN): StaleBacklog {
  const idle = items
    .map((item) => {
      const touched = Math.max(item.createdAt.getTime(), item.lastFactAt?.getTime() ?? -Infinity);
      return { item, idleMs: at.getTime() - touched };
    })
    .filter(({ idleMs }) => idleMs >= idleDays * DAY)
    .sort((a, b) => b.idleMs - a.idleMs || a.item.number - b.item.number);
  return {
    idleDays,
    count: idle.length,
    oldest: idle.slice(0, shown).map(({ item, idleMs }) => ({
      number: item.number,
      isPull: item.isPull,
      title: item.title,
      idleDays: Math.floor(idleMs / DAY),
    })),
  };
}
