import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRepositories } from "../../src/store/installations.js";
import { claimEffect, completeEffect, isEffectDone, releaseEffect, unfinishedEffects } from "../../src/store/side-effects.js";
import { createTestStore } from "../helpers/test-store.js";

const key = { repositoryId: 5, kind: "digest", subject: "repo", period: "2026-W48" };
const at = (iso: string) => new Date(iso);

describe("side-effect claims", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  it("gives a key to one claimant, then to nobody while its lease runs, then to one taker-over", async () => {
    expect(await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000)).toEqual({ status: "acquired", resumed: false, attempt: 1 });
    expect(await claimEffect(store.db, key, at("2026-11-30T09:00:30Z"), 60_000)).toEqual({ status: "busy" });
    expect(await claimEffect(store.db, key, at("2026-11-30T09:01:01Z"), 60_000)).toEqual({ status: "acquired", resumed: true, attempt: 2 });
    expect(await claimEffect(store.db, key, at("2026-11-30T09:01:02Z"), 60_000)).toEqual({ status: "busy" });
  });

  it("keys by period: next week's digest is another effect", async () => {
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    expect((await claimEffect(store.db, { ...key, period: "2026-W49" }, at("2026-11-30T09:00:00Z"), 60_000)).status).toBe("acquired");
  });

  it("reports a completed effect as done, with its result, forever", async () => {
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    await completeEffect(store.db, key, { issueNumber: 12 }, at("2026-11-30T09:00:01Z"));
    expect(await claimEffect(store.db, key, at("2027-01-01T00:00:00Z"), 60_000)).toEqual({ status: "done", result: { issueNumber: 12 } });
    expect(await unfinishedEffects(store.db, at("2027-01-01T00:00:00Z"))).toEqual([]);
  });

  it("keeps a failed attempt claimed, listed for the next sweep, and free to take over at once", async () => {
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    await releaseEffect(store.db, key, "HTTP 502: Bad Gateway");
    expect(await unfinishedEffects(store.db, at("2026-11-30T09:00:01Z"))).toEqual([{ ...key, attempts: 1, lastError: "HTTP 502: Bad Gateway" }]);
    expect((await claimEffect(store.db, key, at("2026-11-30T09:00:01Z"), 60_000)).status).toBe("acquired");
  });

  it("is forgotten with its repository", async () => {
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    await forgetRepositories(store.db, [5]);
    expect((await claimEffect(store.db, key, at("2026-11-30T09:00:01Z"), 60_000)).status).toBe("acquired");
  });

  // On PostgreSQL the claims run in parallel transactions: the unique key lets one insert win.
  it("gives a key claimed by several callers at once to exactly one", async () => {
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000)));
    expect(claims.filter((claim) => claim.status === "acquired")).toEqual([{ status: "acquired", resumed: false, attempt: 1 }]);
    expect(claims.filter((claim) => claim.status === "busy")).toHaveLength(5);
  });

  it("gives an expired claim taken over by several callers at once to exactly one", async () => {
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimEffect(store.db, key, at("2026-11-30T10:00:00Z"), 60_000)));
    expect(claims.filter((claim) => claim.status === "acquired")).toEqual([{ status: "acquired", resumed: true, attempt: 2 }]);
  });

  it("answers whether an effect is done without claiming it", async () => {
    expect(await isEffectDone(store.db, key)).toBe(false);
    await claimEffect(store.db, key, at("2026-11-30T09:00:00Z"), 60_000);
    expect(await isEffectDone(store.db, key)).toBe(false);
    await completeEffect(store.db, key, {}, at("2026-11-30T09:00:01Z"));
    expect(await isEffectDone(store.db, key)).toBe(true);
    expect(await isEffectDone(store.db, { ...key, period: "2026-W49" })).toBe(false);
  });

  it("lists unfinished claims by exact kind prefix and repository, oldest lease first", async () => {
    const claimed = [
      { kind: "welcome.first-issue", repositoryId: 5, minute: "03" },
      { kind: "welcome.first-pr", repositoryId: 5, minute: "01" },
      { kind: "Welcome.shouting", repositoryId: 5, minute: "00" },
      { kind: "welcomeXfirst", repositoryId: 5, minute: "00" },
      { kind: "response.at-risk", repositoryId: 5, minute: "00" },
      { kind: "welcome.first-issue", repositoryId: 6, minute: "02" },
    ];
    for (const c of claimed) {
      await claimEffect(store.db, { ...key, kind: c.kind, repositoryId: c.repositoryId }, at(`2026-11-30T09:${c.minute}:00Z`), 60_000);
    }
    const later = at("2026-11-30T12:00:00Z");
    const welcome = await unfinishedEffects(store.db, later, { kindPrefix: "welcome." });
    expect(welcome.map((e) => [e.kind, e.repositoryId])).toEqual([
      ["welcome.first-pr", 5],
      ["welcome.first-issue", 6],
      ["welcome.first-issue", 5],
    ]);
    const here = await unfinishedEffects(store.db, later, { kindPrefix: "welcome.", repositoryId: 5, limit: 1 });
    expect(here.map((e) => e.kind)).toEqual(["welcome.first-pr"]);
    expect(await unfinishedEffects(store.db, at("2026-11-30T08:59:59Z"))).toHaveLength(0);
  });
});
