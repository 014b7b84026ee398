/**
 * Paces content-creating requests (comments, issues), which GitHub's secondary rate limit caps at
 * 80 a minute and 500 an hour. Jobs that write many things at once (a sweep with hundreds of due
 * reminders) acquire a slot before each write.
 */
export interface WritePacer {
  /**
   * Resolves when one more content-creating request may be sent for this installation, with a
   * function to call once its answer came back. The slot counts from then: a request granted at
   * once may reach GitHub a while later, and counting from the grant let a minute's burst and the
   * next one land closer than a minute apart at GitHub's end.
   */
  acquire(installationId: number): Promise<() => void>;
}

/** No pacing: for tests of single writes and for the dry run, which writes nothing. */
export const unpaced: WritePacer = { acquire: async () => () => {} };

export interface WritePacerOptions {
  /** Slots per installation in any 60-second window. */
  perMinute: number;
  /** Slots per installation in any hour; GitHub's 500 by default. */
  perHour?: number;
  /** The real clock in epoch ms (not a job's logical `now`: pacing is about wall time). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A pacer that grants at most `perMinute` slots per installation in any sliding 60-second window
 * (and `perHour` in any hour). Callers of one installation are served one at a time, in order, so
 * concurrent jobs cannot both take the last slot; installations do not wait for each other.
 */
export function createWritePacer({ perMinute, perHour = 500, now, sleep }: WritePacerOptions): WritePacer {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError(`perMinute must be a positive whole number, got ${perMinute}`);
  const granted = new Map<number, number[]>();

  async function take(installationId: number): Promise<() => void> {
    const times = granted.get(installationId) ?? [];
    granted.set(installationId, times);
    for (;;) {
      const at = now();
      while (times.length > 0 && times[0]! <= at - HOUR) times.shift();
      const inMinute = times.filter((t) => t > at - MINUTE);
      const waitMinute = inMinute.length >= perMinute ? inMinute[inMinute.length - perMinute]! + MINUTE - at : 0;
      const waitHour = times.length >= perHour ? times[times.length - perHour]! + HOUR - at : 0;
      const wait = Math.max(waitMinute, waitHour);
      if (wait <= 0) {
        const slot = { at };
        times.push(at);
        return () => restamp(times, slot, now());
      }
      await sleep(wait);
    }
  }

  return { acquire: oneAtATimePerInstallation(take) };
}

/**
 * `take` for one installation's callers one at a time, in the order they asked, so two cannot both
 * be granted the last slot; installations do not wait for each other.
 */
export function oneAtATimePerInstallation(take: (installationId: number) => Promise<() => void>): WritePacer["acquire"] {
  const queues = new Map<number, Promise<void>>();
  return (installationId) => {
    const mine = (queues.get(installationId) ?? Promise.resolve()).then(() => take(installationId));
    // The queue must go on after a failed take; the caller still sees the failure.
    queues.set(
      installationId,
      mine.then(
        () => undefined,
        () => undefined,
      ),
    );
    return mine;
  };
}

/** Moves a granted slot to when its request was answered, keeping the times in order. */
function restamp(times: number[], slot: { at: number }, answeredAt: number): void {
  const index = times.indexOf(slot.at);
  if (index === -1 || answeredAt <= slot.at) return;
  times.splice(index, 1);
  let insertAt = times.length;
  while (insertAt > 0 && times[insertAt - 1]! > answeredAt) insertAt--;
  times.splice(insertAt, 0, answeredAt);
  slot.at = answeredAt;
}

/** A pacer on the real clock: GitHub's limits are about real minutes, whatever a job's `now`. */
export function realTimeWritePacer(perMinute: number): WritePacer {
  return createWritePacer({
    perMinute,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}
