import { and, asc, eq, lte } from "drizzle-orm";
import { type DB, inTransaction, lockForTransaction, tablesOf } from "./engine.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface WriteLimits {
  perMinute: number;
  perHour: number;
}

/** A slot granted (its row id, to move its time when the request is answered), or how long to wait for one. */
export type SlotOutcome = { granted: number } | { waitMs: number };

/**
 * Grants one content-creating request for the installation when fewer than `perMinute` were sent
 * in the 60 seconds before `now` and fewer than `perHour` in the hour; otherwise says how long
 * until the oldest slot in the way leaves its window. Every replica counts the same rows inside
 * one transaction locked per installation, so two cannot both take the last slot.
 */
export async function takeWriteSlot(db: DB, installationId: number, now: Date, limits: WriteLimits): Promise<SlotOutcome> {
  const at = now.getTime();
  return inTransaction(db, async (tx) => {
    await lockForTransaction(tx, `write-slots:${installationId}`);
    const { writeSlots } = tablesOf(tx);
    const mine = eq(writeSlots.installationId, installationId);
    await tx.delete(writeSlots).where(and(mine, lte(writeSlots.at, new Date(at - HOUR))));
    const times = (await tx.select({ at: writeSlots.at }).from(writeSlots).where(mine).orderBy(asc(writeSlots.at))).map((row) => row.at.getTime());
    const inMinute = times.filter((t) => t > at - MINUTE);
    const waitMinute = inMinute.length >= limits.perMinute ? inMinute[inMinute.length - limits.perMinute]! + MINUTE - at : 0;
    const waitHour = times.length >= limits.perHour ? times[times.length - limits.perHour]! + HOUR - at : 0;
    const waitMs = Math.max(waitMinute, waitHour);
    if (waitMs > 0) return { waitMs };
    const [slot] = await tx.insert(writeSlots).values({ installationId, at: now }).returning({ id: writeSlots.id });
    return { granted: slot!.id };
  });
}

/** Moves a granted slot to when its request was answered: the window counts from GitHub's side. */
export async function restampWriteSlot(db: DB, slotId: number, answeredAt: Date): Promise<void> {
  const { writeSlots } = tablesOf(db);
  await db
    .update(writeSlots)
    .set({ at: answeredAt })
    .where(and(eq(writeSlots.id, slotId), lte(writeSlots.at, answeredAt)));
}
