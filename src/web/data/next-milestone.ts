import type { MilestoneProgress } from "../../domain/figures.js";
import type { NextMilestone } from "../view-models.js";

/**
 * The milestone nearest to being reached, by share of the way from the last threshold crossed to
 * the next: what a maintainer looks at first. Revenue is left out (the overview is shown to
 * everyone with maintain permission; MRR stays on the repository page with the customers).
 */
export function nearestMilestone(milestones: readonly MilestoneProgress[]): NextMilestone | null {
  let best: { milestone: NextMilestone; share: number } | null = null;
  for (const m of milestones) {
    if (m.next === null || m.metric === "mrr") continue;
    const span = m.next - m.previous;
    const share = span > 0 ? (m.current - m.previous) / span : 0;
    if (best === null || share > best.share)
      best = { milestone: { metric: m.metric, current: m.current, next: m.next, forecast: m.forecast }, share };
  }
  return best?.milestone ?? null;
}
