import { describe, expect, it } from "vitest";
import { createWritePacer } from "../../src/effects/write-pacer.js";

/** A fake wall clock: sleeping moves it forward, nothing really waits. */
function fakeTime() {
  let t = 1_000_000;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** The largest number of grants in any 60-second window. */
function busiestMinute(times: number[]): number {
  let best = 0;
  for (const start of times) best = Math.max(best, times.filter((t) => t >= start && t < start + 60_000).length);
  return best;
}

describe("createWritePacer", () => {
  it("never grants more than perMinute slots in any 60-second window", async () => {
    const time = fakeTime();
    const pacer = createWritePacer({ perMinute: 5, now: time.now, sleep: time.sleep });
    const grants: number[] = [];
    for (let i = 0; i < 23; i++) {
      await pacer.acquire(1);
      grants.push(time.now());
      time.advance(1_000);
    }
    expect(busiestMinute(grants)).toBe(5);
    // 23 writes at 5 a minute take four full windows plus the last few.
    expect(grants[22]! - grants[0]!).toBeGreaterThanOrEqual(4 * 60_000);
    expect(grants[4]! - grants[0]!).toBe(4_000);
  });

  it("serves concurrent callers of one installation in order, still within the rate", async () => {
    const time = fakeTime();
    const pacer = createWritePacer({ perMinute: 3, now: time.now, sleep: time.sleep });
    const grants: Array<[number, number]> = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => pacer.acquire(7).then(() => grants.push([i, time.now()]))));
    expect(grants.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(busiestMinute(grants.map(([, t]) => t))).toBe(3);
  });

  it("paces each installation on its own", async () => {
    const time = fakeTime();
    const pacer = createWritePacer({ perMinute: 2, now: time.now, sleep: time.sleep });
    await pacer.acquire(1);
    await pacer.acquire(1);
    const before = time.now();
    await pacer.acquire(2);
    await pacer.acquire(2);
    expect(time.now()).toBe(before);
    await pacer.acquire(1);
    expect(time.now()).toBe(before + 60_000);
  });

  it("keeps to the hourly cap too", async () => {
    const time = fakeTime();
    const pacer = createWritePacer({ perMinute: 80, perHour: 100, now: time.now, sleep: time.sleep });
    const start = time.now();
    for (let i = 0; i < 101; i++) await pacer.acquire(1);
    expect(time.now() - start).toBe(60 * 60_000);
  });

  it("refuses a rate that is not a positive whole number", () => {
    const time = fakeTime();
    expect(() => createWritePacer({ perMinute: 0, now: time.now, sleep: time.sleep })).toThrow(/perMinute/);
  });
});

describe("a slot counts from the answer", () => {
  it("keeps a minute between the bursts at GitHub's end when the first answers came late", async () => {
    const time = fakeTime();
    const pacer = createWritePacer({ perMinute: 3, now: time.now, sleep: time.sleep });
    // Three requests granted at once; GitHub sees and answers them 2 s later.
    const first = await Promise.all([pacer.acquire(1), pacer.acquire(1), pacer.acquire(1)]);
    const firstSeenAt = time.now() + 2_000;
    time.advance(2_000);
    for (const answered of first) answered();
    await pacer.acquire(1);
    // Counting from the grant would have let the fourth go at +60 s, 58 s after GitHub saw the first three.
    expect(time.now() - firstSeenAt).toBeGreaterThanOrEqual(60_000);
  });
});
