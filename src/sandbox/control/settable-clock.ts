import { toIso } from "../model/ids.js";
import type { TimeInput } from "../model/types.js";

/**
 * The model clock of a sandbox process: real time until a test freezes it with `set`, so records
 * created by later calls carry a chosen "now". Only the model reads it; app JWTs and installation
 * tokens keep the wall clock, because Probot signs them with real time.
 */
export class SettableClock {
  #fixed: Date | null = null;

  /** Bound, so it can be handed to `createSandbox({ now })`. */
  readonly now = (): Date => (this.#fixed ? new Date(this.#fixed) : new Date());

  /** Freezes the clock at `at`, or lets it run with real time again when `at` is null. */
  set(at: TimeInput | null): void {
    this.#fixed = at === null ? null : new Date(toIso(at, this.now));
  }

  /** True while frozen. */
  get frozen(): boolean {
    return this.#fixed !== null;
  }
}
