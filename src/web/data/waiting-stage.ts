import type { WaitingItem } from "../../domain/figures.js";
import type { WaitingStage } from "../view-models.js";

/**
 * Where a waiting item stands on its clock, as the reminders see it: past the goal, past the
 * at-risk share of it (the at-risk reminder is due or sent), or still on time.
 */
export function waitingStage(item: Pick<WaitingItem, "waitedMs" | "overGoal">, goalHours: number, atRiskRatio: number): WaitingStage {
  if (item.overGoal) return "over goal";
  return item.waitedMs >= goalHours * 3_600_000 * atRiskRatio ? "due soon" : "on time";
}
