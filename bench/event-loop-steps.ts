import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Watches the event loop until `stop`, which returns the longest it went without turning (ms): its
 * delay sampled every millisecond, i.e. what a webhook arriving during the longest synchronous step
 * would have waited. Wall-clock: on a shared machine it includes the time the scheduler gave other
 * processes in that step.
 */
export function watchEventLoop(): { stop(): number } {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  return {
    stop() {
      delay.disable();
      return delay.max / 1e6;
    },
  };
}
