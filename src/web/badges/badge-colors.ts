/** Which colour a badge's value gets. Pure: the thresholds are here, the SVG only paints. */

export type BadgeColor = "green" | "yellow" | "red" | "grey";

/** Fills dark enough that the white value text stays readable on each. */
export const BADGE_FILLS: Readonly<Record<BadgeColor, string>> = {
  green: "#2f9e44",
  yellow: "#c28a00",
  red: "#d1242f",
  grey: "#8a8f98",
};

/** The label half is the same neutral grey on every badge, so only the value's colour carries meaning. */
export const LABEL_FILL = "#555";

const GOOD_SHARE = 0.9;
const FAIR_SHARE = 0.75;

/** The share of decided items answered within the goal: ≥ 90% green, ≥ 75% yellow, else red; grey without data. */
export function shareColor(share: number | null): BadgeColor {
  if (share === null) return "grey";
  if (share >= GOOD_SHARE) return "green";
  return share >= FAIR_SHARE ? "yellow" : "red";
}

/**
 * The median first response against the goal: within half of it green, within it yellow, past it
 * red; grey without data. A median at the goal is yellow, not green: half the items took longer.
 */
export function medianColor(medianMs: number | null, goalHours: number): BadgeColor {
  if (medianMs === null) return "grey";
  const goalMs = goalHours * 3_600_000;
  if (medianMs <= goalMs / 2) return "green";
  return medianMs <= goalMs ? "yellow" : "red";
}
