import { describeTarget, ratioOf, targetMet, type BenchRow } from "./benchmark.js";

/** A number as the report shows it: integers grouped, small values with a few decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(value >= 10 ? 1 : 2);
}

/** One benchmark's rows as an aligned text table: figure, value, reference, ratio, target. */
export function formatRows(rows: BenchRow[]): string {
  const header = ["figure", "value", "reference", "ratio", "target"];
  const lines = rows.map((row) => {
    const ratio = ratioOf(row);
    const met = targetMet(row);
    return [
      row.figure,
      `${formatNumber(row.value)} ${row.unit}`,
      row.reference ? `${formatNumber(row.reference.value)} ${row.unit} (${row.reference.label})` : "-",
      ratio === null ? "-" : ratio.toFixed(2),
      row.target ? `${describeTarget(row.target)}: ${met === null ? "n/a" : met ? "met" : "MISSED"}` : "-",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [render(header), render(widths.map((w) => "-".repeat(w))), ...lines.map(render)].join("\n");
}
