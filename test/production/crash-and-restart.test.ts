import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const STARS = 3_000;
const SCHEDULES = { STEWARD_SCHEDULES: "digests=off;daily-metrics=off" };

/** `npm start` killed in the middle of its work and started again on the same database. */
describe("npm start survives a SIGKILL mid-backfill and stops gracefully on SIGTERM", () => {
  let world: ProductionWorld;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.seedHistory({ repo: REPO, stars: STARS, issues: 30, pulls: 10, prefix: "past-" });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  const stars = () =>
    world.query<{ n: number; people: number }>(
      "select count(*) as n, count(distinct actor_login) as people from events where kind = 'star.created'",
    )[0]!;

  it("finishes the backfill after a restart, each star once", async () => {
    // Slow GitHub down so the backfill of 30 pages of stars is surely under way when the kill comes.
    await world.github.sandbox.setLatency(120);
    const first = await world.startSteward("npm start", SCHEDULES);
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    await eventually("part of the stars stored", () => stars().n >= 300);
    await first.kill();
    const partial = stars().n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(STARS);

    await world.github.sandbox.setLatency(0);
    const second = await world.startSteward("npm start", SCHEDULES);
    await eventually(
      "the resumed backfill to finish",
      () => world.query<{ n: number }>("select count(*) as n from backfill_state where status != 'done'")[0]!.n === 0 && stars().n === STARS,
      60_000,
    );
    expect(stars()).toEqual({ n: STARS, people: STARS });
    expect(second.alive()).toBe(true);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    await second.kill();
  });

  it("lets a delivery in flight finish on SIGTERM, then exits", async () => {
    const steward = await world.startSteward("npm start", SCHEDULES);
    // Each API answer takes 400 ms: the welcome's reads and its POST keep the delivery busy.
    await world.github.sandbox.setLatency(400);
    const opened = world.github.activity.openIssue(REPO, { user: "late-lee", title: "Build fails on ARM" });
    // The delivery reaches Steward at once; its first API read answers only after 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 300));
    steward.signal("SIGTERM");
    const answered = await opened;
    expect(answered.delivery.status).toBe(200);
    // npm itself dies of the signal sent to the group; Steward under it said it finished first
    // (the exit code 0 of Steward's own process is checked on `node dist/src/main.js`).
    await steward.exited;
    expect(steward.logs().some((line) => String(line.msg).startsWith("SIGTERM: finishing the work under way"))).toBe(true);
    await world.github.sandbox.setLatency(0);
    const comments = await world.stewardComments(REPO, answered.record.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain("@late-lee");
    // Once stopped, nothing listens any more.
    await expect(fetch(`${steward.url}/healthz`)).rejects.toThrow();
  });
});
