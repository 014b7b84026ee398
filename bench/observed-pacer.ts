import type { WritePacer } from "../src/effects/write-pacer.js";

/** A pacer that also says how many callers are waiting in it for a slot. */
export interface ObservedPacer extends WritePacer {
  waiting(): number;
}

/**
 * Wraps a pacer to count the callers between asking for a slot and getting it. With every job
 * run either done or waiting here, nothing can happen until the pacer's sleep ends: that is when
 * the simulation may move its clock.
 */
export function observePacer(pacer: WritePacer): ObservedPacer {
  let waiting = 0;
  return {
    waiting: () => waiting,
    acquire(installationId) {
      waiting++;
      const slot = pacer.acquire(installationId);
      const done = () => {
        waiting--;
      };
      slot.then(done, done);
      return slot;
    },
  };
}
