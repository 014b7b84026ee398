import { describe, expect, it } from "vitest";
import {
  type BackfillProgress,
  findBackfillProgress,
  listBackfillProgress,
  listNamedBackfillProgress,
  listUnfinishedBackfillRepositories,
  pendingProgress,
  saveBackfillProgress,
} from "../../src/store/backfill-state.js";
import { loadConfigStatus, saveConfigStatus } from "../../src/store/config-status.js";
import { readDailySeries, saveDailyMetrics } from "../../src/store/daily-metrics.js";
import { findDigest, latestDigestBefore, markDigestClosed, saveDigest } from "../../src/store/digests.js";
import { registerInstallation } from "../../src/store/installations.js";
import { findRepositoryFacts, saveRepositoryFacts } from "../../src/store/repository-facts.js";
import { useTestStore } from "../helpers/test-store.js";

/** Milliseconds that a time column must carry whole, on either engine. */
const at = (iso: string) => new Date(iso);
const REPO = 2_147_483_650;

/** The per-repository records the features keep: digests, daily values, backfill progress, config and facts. */
describe("per-repository records", () => {
  const store = useTestStore();

  describe("digests", () => {
    const digest = (week: string, issueNumber: number, publishedAt: string) => ({
      repositoryId: REPO,
      week,
      issueNumber,
      issueUrl: `https://github.com/acme/widget/issues/${issueNumber}`,
      figures: { stars: { value: 12, change: -1.5 }, note: "Société 🚀", none: null },
      publishedAt: at(publishedAt),
    });

    it("keeps the first record of a week, with its figures as they were", async () => {
      await saveDigest(store.db, digest("2026-W48", 10, "2026-11-30T09:00:00.123Z"));
      await saveDigest(store.db, digest("2026-W48", 11, "2026-11-30T10:00:00Z"));
      expect(await findDigest(store.db, REPO, "2026-W48")).toEqual({ ...digest("2026-W48", 10, "2026-11-30T09:00:00.123Z"), closedAt: null });
      expect(await findDigest(store.db, REPO, "2026-W49")).toBeUndefined();
      expect(await findDigest(store.db, 1, "2026-W48")).toBeUndefined();
    });

    it("finds the latest earlier week, published by a given instant where one is given", async () => {
      await saveDigest(store.db, digest("2026-W46", 1, "2026-11-16T09:00:00Z"));
      await saveDigest(store.db, digest("2026-W47", 2, "2026-11-23T09:00:00Z"));
      await saveDigest(store.db, digest("2026-W48", 3, "2026-11-30T09:00:00Z"));
      expect((await latestDigestBefore(store.db, REPO, "2026-W48"))?.issueNumber).toBe(2);
      expect((await latestDigestBefore(store.db, REPO, "2026-W49"))?.issueNumber).toBe(3);
      expect((await latestDigestBefore(store.db, REPO, "2026-W48", at("2026-11-20T00:00:00Z")))?.issueNumber).toBe(1);
      expect(await latestDigestBefore(store.db, REPO, "2026-W46")).toBeUndefined();
    });

    it("notes when a digest was closed", async () => {
      await saveDigest(store.db, digest("2026-W47", 2, "2026-11-23T09:00:00Z"));
      await markDigestClosed(store.db, REPO, "2026-W47", at("2026-11-30T09:00:00.456Z"));
      expect((await findDigest(store.db, REPO, "2026-W47"))?.closedAt).toEqual(at("2026-11-30T09:00:00.456Z"));
    });
  });

  describe("daily metrics", () => {
    it("replaces a day's values and reads a metric's days in order, both ends included", async () => {
      await saveDailyMetrics(store.db, REPO, "2026-11-02", { stars: 10, share: 0.125 });
      await saveDailyMetrics(store.db, REPO, "2026-11-01", { stars: 9 });
      await saveDailyMetrics(store.db, REPO, "2026-11-03", { stars: 12 });
      await saveDailyMetrics(store.db, REPO, "2026-11-02", { stars: 11 });
      await saveDailyMetrics(store.db, REPO, "2026-11-04", { stars: 13 });
      await saveDailyMetrics(store.db, 1, "2026-11-02", { stars: 500 });
      const series = await readDailySeries(store.db, REPO, "stars", "2026-11-01", "2026-11-03");
      expect([...series]).toEqual([
        ["2026-11-01", 9],
        ["2026-11-02", 11],
        ["2026-11-03", 12],
      ]);
      expect([...(await readDailySeries(store.db, REPO, "share", "2026-11-01", "2026-11-30"))]).toEqual([["2026-11-02", 0.125]]);
    });
  });

  describe("backfill progress", () => {
    const progress = (repositoryId: number, kind: BackfillProgress["kind"], status: BackfillProgress["status"]): BackfillProgress => ({
      ...pendingProgress(repositoryId, kind, `{"after":"Y3Vyc29y"}`, at("2026-11-01T00:00:00.001Z")),
      status,
    });

    it("writes one kind's state, replacing what it held, and lists a repository's kinds by name", async () => {
      await saveBackfillProgress(store.db, progress(REPO, "stars", "pending"));
      await saveBackfillProgress(store.db, progress(REPO, "issues", "running"));
      const done: BackfillProgress = {
        ...progress(REPO, "stars", "done"),
        cursor: null,
        done: 1234,
        total: 1234,
        requests: 13,
        lastError: "HTTP 502",
        updatedAt: at("2026-11-01T01:00:00Z"),
        finishedAt: at("2026-11-01T01:00:00Z"),
      };
      await saveBackfillProgress(store.db, done);
      expect(await findBackfillProgress(store.db, REPO, "stars")).toEqual(done);
      expect(await findBackfillProgress(store.db, REPO, "pulls")).toBeUndefined();
      expect(await listBackfillProgress(store.db, REPO)).toEqual([progress(REPO, "issues", "running"), done]);
      expect(await listBackfillProgress(store.db, 1)).toEqual([]);
    });

    it("lists each repository with a kind not done once, in id order", async () => {
      await saveBackfillProgress(store.db, progress(REPO, "stars", "paused"));
      await saveBackfillProgress(store.db, progress(REPO, "issues", "running"));
      await saveBackfillProgress(store.db, progress(5, "stars", "pending"));
      await saveBackfillProgress(store.db, progress(3, "stars", "done"));
      expect(await listUnfinishedBackfillRepositories(store.db)).toEqual([5, REPO]);
    });

    it("names every served repository's kinds for /metrics, and leaves out a repository no longer served", async () => {
      const repository = { id: REPO, installationId: 7, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
      await registerInstallation(store.db, { id: 7, accountLogin: "acme", accountType: "Organization" }, [repository], at("2026-11-01T00:00:00Z"));
      await saveBackfillProgress(store.db, { ...progress(REPO, "stars", "done"), done: 1234, total: 1234 });
      await saveBackfillProgress(store.db, progress(REPO, "issues", "running"));
      await saveBackfillProgress(store.db, progress(5, "stars", "pending"));
      expect(await listNamedBackfillProgress(store.db)).toEqual([
        { repository: "acme/widget", kind: "issues", status: "running", done: 0, total: null },
        { repository: "acme/widget", kind: "stars", status: "done", done: 1234, total: 1234 },
      ]);
    });
  });

  describe("config status", () => {
    const problem = { path: "welcome.message", message: "Expected string" };

    it("tells when the problems differ from the ones stored before", async () => {
      expect(await loadConfigStatus(store.db, REPO)).toBeUndefined();
      expect(await saveConfigStatus(store.db, REPO, [problem], at("2026-11-01T00:00:00Z"))).toBe(true);
      expect(await saveConfigStatus(store.db, REPO, [problem], at("2026-11-01T01:00:00Z"))).toBe(false);
      expect(await loadConfigStatus(store.db, REPO)).toEqual({ valid: false, problems: [problem], checkedAt: at("2026-11-01T01:00:00Z") });
      expect(await saveConfigStatus(store.db, REPO, [], at("2026-11-01T02:00:00Z"))).toBe(true);
      expect(await loadConfigStatus(store.db, REPO)).toEqual({ valid: true, problems: [], checkedAt: at("2026-11-01T02:00:00Z") });
      expect(await saveConfigStatus(store.db, 1, [], at("2026-11-01T02:00:00Z"))).toBe(true);
    });
  });

  describe("repository facts", () => {
    it("replaces the facts with the latest read", async () => {
      expect(await findRepositoryFacts(store.db, REPO)).toBeUndefined();
      await saveRepositoryFacts(store.db, REPO, { stars: 1, traffic: { refused: true } }, at("2026-11-01T00:00:00Z"));
      const latest = { stars: 2, topics: ["a", "b"], license: null };
      await saveRepositoryFacts(store.db, REPO, latest, at("2026-11-02T00:00:00.789Z"));
      expect(await findRepositoryFacts(store.db, REPO)).toEqual({ data: latest, checkedAt: at("2026-11-02T00:00:00.789Z") });
    });
  });
});
