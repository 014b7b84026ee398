import type { StewardConfig } from "../config/schema.js";

/** The part of the response promise that may differ between issues and pull requests. */
export interface KindRules {
  goalHours: number;
  exemptLabels: readonly string[];
}

/**
 * The goal and exempt labels an item is held to: its own kind's (`response.issues` or
 * `response.pullRequests`), field by field, else the top-level ones. Everything that judges an
 * item against the goal (clock, reminders, breached label, figures) reads it here, so a pull
 * request with a 4 h goal is reminded, labelled and counted by the same 4 h. Pure.
 */
export function kindRules(response: StewardConfig["response"], isPull: boolean): KindRules {
  const own = isPull ? response.pullRequests : response.issues;
  return { goalHours: own?.goalHours ?? response.goalHours, exemptLabels: own?.exemptLabels ?? response.exemptLabels };
}
