import type { DurationFigures, DurationSummary } from "../../domain/figures.js";
import { count, duration } from "./format.js";

/** The rows of the table, in the order an item goes through them, with what each is timed from. */
const ROWS: Array<{ key: keyof DurationFigures; label: string }> = [
  { key: "firstResponse", label: "First response" },
  { key: "firstReview", label: "First review of a PR, from ready for review" },
  { key: "merge", label: "Merge of a PR, from ready for review" },
  { key: "close", label: "Close of an issue or PR, from opening" },
];

const cell = (ms: number | null) => (ms === null ? "–" : duration(ms));

function row(label: string, figure: DurationSummary): string {
  return `| ${label} | ${cell(figure.medianMs)} | ${cell(figure.p90Ms)} | ${cell(figure.averageMs)} | ${count(figure.items)} |`;
}

/**
 * The duration figures as one small table, with a sentence saying which items each row is over:
 * the items that reached the step this week, wherever they were opened (the definitions are in
 * `DurationFigures` and `flowTimes`). Pure.
 */
export function durationsTable(durations: DurationFigures): string[] {
  return [
    "| Community items, this week | Median | p90 | Average | Items |",
    "|---|---:|---:|---:|---:|",
    ...ROWS.map(({ key, label }) => row(label, durations[key])),
    "",
    "_Each row is over the items that reached its step this week (answered, first reviewed by a maintainer, merged, closed), " +
      "wherever they were opened; first responses in clock time, as the goal counts it, the rest in calendar time._",
  ];
}
