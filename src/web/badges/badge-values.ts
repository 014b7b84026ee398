import type { ResponseFigures } from "../../domain/figures.js";
import { duration } from "../../digest/render/format.js";
import { medianColor, shareColor, type BadgeColor } from "./badge-colors.js";

/** What one badge says: the grey label, the value and the value's colour. */
export interface BadgeSpec {
  label: string;
  value: string;
  color: BadgeColor;
}

/** The badges a repository's README can show, by the name their URL carries. */
export const BADGE_KINDS = ["first-response", "response-goal"] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

/** The subset of the response figures a badge shows. */
export type BadgeFigures = Pick<ResponseFigures, "medianMs" | "shareWithinGoal" | "goalHoursByKind">;

const NO_DATA = "no data";
const HOUR_MS = 3_600_000;

/**
 * The goal a badge names and colours the median against. With different goals per kind the median
 * mixes both kinds, so it is held to the longer goal: a project is not painted red for answering
 * issues within their own goal.
 */
function badgeGoalHours(figures: BadgeFigures): number {
  return Math.max(figures.goalHoursByKind.issues, figures.goalHoursByKind.pullRequests);
}

/** Whole percent, rounded down, so "90%" never shows on a share that the colour judged below 90%. */
export function wholePercent(share: number): string {
  // The epsilon keeps 0.29 * 100 = 28.999... at 29%.
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

/** "first response | 3h 20m": the median time to a first response, in the digest's words for durations. */
export function firstResponseBadge(figures: BadgeFigures): BadgeSpec {
  const { medianMs } = figures;
  return {
    label: "first response",
    value: medianMs === null ? NO_DATA : duration(medianMs),
    color: medianColor(medianMs, badgeGoalHours(figures)),
  };
}

/** "within 24h goal | 92%"; "within goal" when issues and pull requests have goals of their own. */
export function responseGoalBadge(figures: BadgeFigures): BadgeSpec {
  const { issues, pullRequests } = figures.goalHoursByKind;
  const label = issues === pullRequests ? `within ${duration(issues * HOUR_MS)} goal` : "within goal";
  const share = figures.shareWithinGoal;
  return { label, value: share === null ? NO_DATA : wholePercent(share), color: shareColor(share) };
}

/** The badge of `kind` for these figures. */
export function badgeFor(kind: BadgeKind, figures: BadgeFigures): BadgeSpec {
  return kind === "first-response" ? firstResponseBadge(figures) : responseGoalBadge(figures);
}
