import type { IncomingMessage, ServerResponse } from "node:http";
import { waitAtMost } from "../time/wait-at-most.js";

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Counts the requests being served, so a shutdown can wait for them: GitHub does not redeliver a
 * webhook by itself, so a delivery cut off mid-handling is only finished by a recovery.
 */
export function inFlightRequests() {
  const serving = new Set<Promise<void>>();
  return {
    track(listener: Listener): (req: IncomingMessage, res: ServerResponse) => void {
      return (req, res) => {
        const done = listener(req, res).finally(() => serving.delete(done));
        serving.add(done);
      };
    },
    /** Resolves once nothing is being served, or after `timeoutMs`. */
    async drained(timeoutMs: number): Promise<void> {
      await waitAtMost(serving, timeoutMs);
    },
  };
}
