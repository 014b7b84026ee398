/**
 * The geometry both charts share: a fixed viewBox (the SVG scales to its container's width), the
 * plot area inside it, and a value axis of round steps.
 */

export const VIEW = { width: 640, height: 280 } as const;

/** The plot area: left room for the value labels, bottom room for the x labels. */
export const PLOT = { left: 68, right: 620, top: 20, bottom: 240 } as const;

export interface ValueScale {
  /** The value at the top of the plot area (a whole number of steps, at least the largest value). */
  top: number;
  /** The values of the gridlines, 0 first. */
  ticks: number[];
}

/** 1, 2, 2.5 and 5 times a power of ten read as round numbers; counts skip 2.5. */
const ROUND = [1, 2, 2.5, 5, 10];
const ROUND_WHOLE = [1, 2, 5, 10];

/** Floating-point steps (0.1 × 3) made exact again. */
const tidy = (value: number) => Number(value.toPrecision(12));

/**
 * A value axis from 0 to at least `max` in about `steps` round steps, counted in `unit`s: with
 * `unit` one hour, the ticks of a duration chart fall on whole hours (or round fractions of one)
 * instead of round milliseconds. `whole` keeps steps of a count whole.
 */
export function valueScale(max: number, options: { unit?: number; whole?: boolean; steps?: number } = {}): ValueScale {
  const unit = options.unit ?? 1;
  const steps = options.steps ?? 4;
  const inUnits = max / unit;
  if (!(inUnits > 0) || !Number.isFinite(inUnits)) return { top: unit, ticks: [0, unit] };
  const rough = inUnits / steps;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const candidates = options.whole ? ROUND_WHOLE : ROUND;
  let step = tidy(candidates.map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-9)) ?? 10 * magnitude);
  if (options.whole) step = Math.max(1, Math.round(step));
  const count = Math.max(1, Math.ceil(inUnits / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, i) => tidy(i * step) * unit);
  return { top: ticks[ticks.length - 1]!, ticks };
}

/** The y coordinate of a value: 0 on the plot's bottom edge, `scale.top` on its top edge. */
export function yOf(value: number, scale: ValueScale): number {
  const share = Math.min(1, Math.max(0, value / scale.top));
  return round(PLOT.bottom - share * (PLOT.bottom - PLOT.top));
}

/** One decimal is finer than a pixel at any width the dashboard is shown at, and keeps the markup short. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Which x labels to write: about seven of them, so that week labels never overlap. */
export function labelEvery(count: number): number {
  return Math.max(1, Math.ceil(count / 7));
}
