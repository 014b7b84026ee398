/** What every benchmark gets: the mode and a place to say what it is doing. */
export interface BenchOptions {
  /** The short version for CI: seconds, not minutes. */
  quick: boolean;
  /** Where server processes write CPU profiles (`node --cpu-prof`), or null for none. */
  profileDir: string | null;
  /** Progress lines, printed as the benchmark goes. */
  progress(line: string): void;
}

/** A bound on a figure (its value, or its ratio to the reference). */
export interface Target {
  on: "value" | "ratio";
  min?: number;
  max?: number;
}

/** One measured figure, with the reference measured in the same run when there is one. */
export interface BenchRow {
  figure: string;
  unit: string;
  value: number;
  reference?: { label: string; value: number };
  /** False where value / reference means nothing (e.g. two growth percentages). */
  ratio?: false;
  target?: Target;
}

/**
 * One benchmark: a name for `--only`, a title for the report, and `run`, which measures and
 * returns its rows. A benchmark throws when what it measured was wrong (e.g. deliveries lost),
 * never because a figure missed its target.
 */
export interface Benchmark {
  name: string;
  title: string;
  /** True when it starts server processes: the runner compiles them (`npm run build`) before any benchmark runs. */
  servers?: boolean;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

/** value / reference, or null when there is no reference to divide by. */
export function ratioOf(row: BenchRow): number | null {
  if (!row.reference || row.reference.value === 0 || row.ratio === false) return null;
  return row.value / row.reference.value;
}

/** Whether the row meets its target; null when it has none (or no ratio to judge). */
export function targetMet(row: BenchRow): boolean | null {
  if (!row.target) return null;
  const judged = row.target.on === "ratio" ? ratioOf(row) : row.value;
  if (judged === null) return null;
  if (row.target.min !== undefined && judged < row.target.min) return false;
  if (row.target.max !== undefined && judged > row.target.max) return false;
  return true;
}

/** The target as the report prints it, e.g. `ratio >= 0.8`. */
export function describeTarget(target: Target): string {
  const parts: string[] = [];
  if (target.min !== undefined) parts.push(`>= ${target.min}`);
  if (target.max !== undefined) parts.push(`<= ${target.max}`);
  return `${target.on} ${parts.join(" and ")}`;
}
