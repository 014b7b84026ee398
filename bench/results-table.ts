import { describeTarget, ratioOf, targetMet, type BenchRow } from "./benchmark.js";
import { formatNumber } from "./format-rows.js";

/** Where in test/bench/README.md the run writes its tables; everything outside is left as it is. */
export const RESULTS_START = "<!-- bench-results:start -->";
export const RESULTS_END = "<!-- bench-results:end -->";

/** One benchmark's measured rows, with the run that measured them. */
export interface MeasuredBenchmark {
  name: string;
  title: string;
  rows: BenchRow[];
  /** The machine and the run, e.g. "2026-12-03, node v20.20.2, 2 cores (AMD EPYC 7B13)". */
  run: string;
}

/**
 * The README with the results block brought up to date: each benchmark measured now replaces its
 * own table (or is added), in `order`; tables of benchmarks not run this time stay as they were, so
 * `--only` refreshes only what it ran. A README without the block gets one at its end. Pure.
 */
export function updateResults(readme: string, measured: readonly MeasuredBenchmark[], order: readonly string[]): string {
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  const hasBlock = start >= 0 && end > start;
  const inside = hasBlock ? readme.slice(start + RESULTS_START.length, end) : "";
  const tables = new Map(existingTables(inside));
  for (const benchmark of measured) tables.set(benchmark.name, resultTable(benchmark));
  const ranked = [...tables.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  const block = [RESULTS_START, ...ranked.map((name) => tables.get(name)!), RESULTS_END].join("\n\n");
  if (!hasBlock) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + RESULTS_END.length);
}

/** A benchmark's table in Markdown, between markers that name it. */
export function resultTable({ name, title, rows, run }: MeasuredBenchmark): string {
  const cells = rows.map((row) => {
    const ratio = ratioOf(row);
    const met = targetMet(row);
    const reference = row.reference ? `${formatNumber(row.reference.value)} ${row.unit} (${row.reference.label})` : "";
    const target = row.target ? `${describeTarget(row.target)}: ${met === null ? "n/a" : met ? "met" : "**MISSED**"}` : "";
    return [row.figure, `${formatNumber(row.value)} ${row.unit}`, reference, ratio === null ? "" : ratio.toFixed(2), target].map(cell);
  });
  return [`<!-- result:${name} -->`, `#### ${title}`, "", `Measured ${run}.`, "", ...alignedTable(cells), `<!-- /result:${name} -->`].join("\n");
}

const HEADER = ["figure", "value", "reference", "ratio", "target"];
/** The value and the ratio are numbers: right-aligned. */
const RIGHT = [false, true, false, true, false];

/** A Markdown table padded to its columns' widths, as the project's formatter (Biome) writes tables. */
function alignedTable(rows: string[][]): string[] {
  const widths = HEADER.map((head, i) => Math.max(head.length, 3, ...rows.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) => (RIGHT[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (row: string[]) => `| ${row.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (RIGHT[i] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(HEADER), rule, ...rows.map(line)];
}

function existingTables(inside: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const pattern = /<!-- result:([\w-]+) -->[\s\S]*?<!-- \/result:\1 -->/g;
  for (const match of inside.matchAll(pattern)) found.push([match[1]!, match[0]]);
  return found;
}

function rank(order: readonly string[], name: string): number {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
}

function cell(text: string): string {
  return text.trim().replace(/\|/g, "\\|");
}
