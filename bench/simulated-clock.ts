/**
 * A clock that moves only when the benchmark moves it. Steward's jobs read it as their `now`, and
 * the write pacer reads it and sleeps on it: a sleep resolves when the clock is moved past its end,
 * so an hour the pacer waits for GitHub's limit passes in no real time.
 */
export class SimulatedClock {
  #now: number;
  readonly #sleepers: { until: number; wake: () => void }[] = [];

  constructor(start: number) {
    this.#now = start;
  }

  /** Epoch ms, as the pacer reads it. */
  readonly now = (): number => this.#now;

  /** As a Date, as Steward's jobs read it. */
  readonly date = (): Date => new Date(this.#now);

  /** Resolves once the clock has been moved `ms` on from now. */
  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.#sleepers.push({ until: this.#now + Math.max(0, ms), wake });
    });

  /** How many sleeps are pending. */
  get sleeping(): number {
    return this.#sleepers.length;
  }

  /** When the earliest pending sleep ends, or null when none is pending. */
  nextWake(): number | null {
    return this.#sleepers.length === 0 ? null : Math.min(...this.#sleepers.map((s) => s.until));
  }

  /** Moves the clock to `at` (never back) and wakes every sleep that has ended by then. */
  advanceTo(at: number): void {
    if (at < this.#now) throw new Error(`the simulated clock cannot go back (${new Date(at).toISOString()})`);
    this.#now = at;
    for (let i = this.#sleepers.length - 1; i >= 0; i--) {
      const sleeper = this.#sleepers[i]!;
      if (sleeper.until > at) continue;
      this.#sleepers.splice(i, 1);
      sleeper.wake();
    }
  }
}
