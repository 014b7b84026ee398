import { describe, expect, it } from "vitest";
import type { BenchRow } from "../../bench/benchmark.js";
import { RESULTS_END, RESULTS_START, updateResults, type MeasuredBenchmark } from "../../bench/results-table.js";

const row = (figure: string, value: number, reference: number, max: number): BenchRow => ({
  figure,
  unit: "ms",
  value,
  reference: { label: "at 10,000 events", value: reference },
  target: { on: "ratio", max },
});
const measured = (name: string, rows: BenchRow[], run = "2026-12-03 18:00 UTC"): MeasuredBenchmark => ({
  name,
  title: `Title of ${name}`,
  rows,
  run,
});
const ORDER = ["first", "second", "third"];
/** The tables are padded to their columns; the assertions read them with single spaces. */
const squeezed = (text: string) => text.replace(/ {2,}/g, " ");

describe("the results tables of test/bench/README.md", () => {
  it("adds a block with each benchmark's table, its run and its verdicts, keeping the text around it", () => {
    const readme = updateResults("# Benchmarks\n\nProse.\n", [measured("second", [row("digest | render", 150, 100, 1.2)])], ORDER);
    expect(readme.startsWith("# Benchmarks\n\nProse.\n\n<!-- bench-results:start -->")).toBe(true);
    expect(readme).toContain("#### Title of second\n\nMeasured 2026-12-03 18:00 UTC.");
    expect(squeezed(readme)).toContain("| digest \\| render | 150 ms | 100 ms (at 10,000 events) | 1.50 | ratio <= 1.2: **MISSED** |");
    expect(readme).toContain("| ---------------- | -----: | ------------------------- | ----: | ------------------------ |");
    expect(readme.trimEnd().endsWith(RESULTS_END)).toBe(true);
  });

  it("replaces only the tables of the benchmarks run again, in the benchmarks' order", () => {
    const before = updateResults(
      `intro\n\n${RESULTS_START}\n${RESULTS_END}\n\nafter`,
      [measured("third", [row("a", 1, 1, 2)], "old run"), measured("second", [row("b", 3, 1, 2)], "old run")],
      ORDER,
    );
    const after = updateResults(
      before,
      [measured("second", [row("b", 1.5, 1, 2)], "new run"), measured("first", [row("c", 1, 1, 2)], "new run")],
      ORDER,
    );
    const names = [...after.matchAll(/<!-- result:([\w-]+) -->/g)].map((m) => m[1]);
    expect(names).toEqual(["first", "second", "third"]);
    expect(squeezed(after)).toContain("| b | 1.50 ms | 1 ms (at 10,000 events) | 1.50 | ratio <= 2: met |");
    expect(after).not.toContain("| b | 3 ms");
    expect(after).toContain("#### Title of third\n\nMeasured old run.");
    expect(after.startsWith("intro\n\n")).toBe(true);
    expect(after.endsWith("\n\nafter")).toBe(true);
  });
});
