import { describe, expect, it } from "vitest";
import { createSharedWritePacer } from "../../src/effects/shared-write-pacer.js";
import { jobLease, releaseJobLease, renewJobLease, takeJobLease } from "../../src/store/job-leases.js";
import { restampWriteSlot, takeWriteSlot } from "../../src/store/write-slots.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, 0) + seconds * 1000);
const MINUTE_MS = 60_000;

describe("job leases: one run per job and tick among replicas sharing the database", () => {
  const store = useTestStore();

  it("gives a tick's lease to exactly one of the replicas asking at once", async () => {
    const holders = ["a", "b", "c", "d"];
    const taken = await Promise.all(holders.map((holder) => takeJobLease(store.db, "sweep", holder, at(0), at(0), MINUTE_MS)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const winner = holders[taken.indexOf(true)]!;
    expect(await jobLease(store.db, "sweep")).toEqual({ holder: winner, leaseUntil: at(60) });
  });

  it("does not run a served tick again after its lease is released, and runs the next one", async () => {
    expect(await takeJobLease(store.db, "digests", "a", at(0), at(0), MINUTE_MS)).toBe(true);
    await releaseJobLease(store.db, "digests", "a", at(5));
    // b's clock is a little late: its tick for the same scheduled time comes after a finished.
    expect(await takeJobLease(store.db, "digests", "b", at(0), at(6), MINUTE_MS)).toBe(false);
    expect(await takeJobLease(store.db, "digests", "b", at(900), at(900), MINUTE_MS)).toBe(true);
  });

  it("lets another replica take a job over once the lease of one that stopped renewing ends", async () => {
    expect(await takeJobLease(store.db, "backfill", "dead", at(0), at(0), MINUTE_MS)).toBe(true);
    expect(await takeJobLease(store.db, "backfill", "alive", at(30), at(30), MINUTE_MS)).toBe(false);
    expect(await takeJobLease(store.db, "backfill", "alive", at(60), at(60), MINUTE_MS)).toBe(true);
    // The dead replica, back, has lost it.
    expect(await renewJobLease(store.db, "backfill", "dead", at(61), MINUTE_MS)).toBe(false);
  });

  it("keeps a renewed lease held past its first end", async () => {
    await takeJobLease(store.db, "backfill", "a", at(0), at(0), MINUTE_MS);
    expect(await renewJobLease(store.db, "backfill", "a", at(40), MINUTE_MS)).toBe(true);
    expect(await takeJobLease(store.db, "backfill", "b", at(70), at(70), MINUTE_MS)).toBe(false);
    expect(await takeJobLease(store.db, "backfill", "b", at(100), at(100), MINUTE_MS)).toBe(true);
  });
});

describe("write slots: one pace per installation across replicas", () => {
  const store = useTestStore();

  const limits = { perMinute: 3, perHour: 5 };

  it("grants perMinute slots in a minute, then says how long until the oldest leaves the window", async () => {
    for (const second of [0, 10, 20]) expect(await takeWriteSlot(store.db, 1, at(second), limits)).toHaveProperty("granted");
    expect(await takeWriteSlot(store.db, 1, at(30), limits)).toEqual({ waitMs: 30_000 });
    // Another installation has its own budget.
    expect(await takeWriteSlot(store.db, 2, at(30), limits)).toHaveProperty("granted");
    expect(await takeWriteSlot(store.db, 1, at(60.5), limits)).toHaveProperty("granted");
  });

  it("keeps the hour's budget too, and forgets slots older than an hour", async () => {
    for (const minute of [0, 2, 4, 6, 8]) expect(await takeWriteSlot(store.db, 1, at(minute * 60), limits)).toHaveProperty("granted");
    expect(await takeWriteSlot(store.db, 1, at(10 * 60), limits)).toEqual({ waitMs: 50 * MINUTE_MS });
    expect(await takeWriteSlot(store.db, 1, at(60 * 60 + 1), limits)).toHaveProperty("granted");
  });

  it("never grants more than the budget to callers asking at once", async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => takeWriteSlot(store.db, 1, at(0), limits)));
    expect(outcomes.filter((outcome) => "granted" in outcome)).toHaveLength(3);
  });

  it("counts a slot from when its request was answered", async () => {
    const first = await takeWriteSlot(store.db, 1, at(0), limits);
    await takeWriteSlot(store.db, 1, at(1), limits);
    await takeWriteSlot(store.db, 1, at(2), limits);
    if (!("granted" in first)) throw new Error("the first slot was not granted");
    await restampWriteSlot(store.db, first.granted, at(20));
    expect(await takeWriteSlot(store.db, 1, at(30), limits)).toEqual({ waitMs: 31_000 });
  });

  it("as a pacer, makes two replicas' callers wait for one budget between them", async () => {
    let clock = at(0).getTime();
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
      clock += ms;
    };
    const replica = () => createSharedWritePacer({ db: store.db, perMinute: 2, now: () => clock, sleep });
    const [one, two] = [replica(), replica()];
    for (const pacer of [one, two, one]) (await pacer.acquire(7))();
    expect(slept).toEqual([60_000]);
  });
});
