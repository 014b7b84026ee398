import { DAY_MS } from "./utc-day.js";

/** Days of history the growth rate is measured over. */
export const FORECAST_WINDOW_DAYS = 28;

/**
 * When `target` is reached if the metric keeps growing at its recent rate: the change over the
 * last FORECAST_WINDOW_DAYS of `points` (oldest first), per day. Null when there is too little
 * history or it is not growing; `now` when already reached. Pure.
 */
export function forecastReach(points: Array<{ at: Date; value: number }>, target: number, now: Date): Date | null {
  const last = points.at(-1);
  if (!last) return null;
  if (last.value >= target) return now;
  const windowStart = last.at.getTime() - FORECAST_WINDOW_DAYS * DAY_MS;
  const first = points.find((p) => p.at.getTime() >= windowStart);
  if (!first || first === last) return null;
  const days = (last.at.getTime() - first.at.getTime()) / DAY_MS;
  const perDay = (last.value - first.value) / days;
  if (!(perDay > 0)) return null;
  const daysLeft = (target - last.value) / perDay;
  return new Date(Math.max(now.getTime(), last.at.getTime()) + Math.ceil(daysLeft) * DAY_MS);
}
