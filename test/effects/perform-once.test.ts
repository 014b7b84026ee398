import { ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { performOnce } from "../../src/effects/perform-once.js";
import { createComment, findCommentWithMarker } from "../../src/github/comments.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { claimEffect, unfinishedEffects } from "../../src/store/side-effects.js";
import { appKeys } from "../helpers/e2e-harness.js";
import { recordedMetrics } from "../helpers/recorded-metrics.js";
import { createTestStore, useTestStore } from "../helpers/test-store.js";

const where = { owner: "acme", repo: "widget", issueNumber: 1 };
const key = { repositoryId: 1, kind: "test.welcome", subject: "#1", period: "" };
const marker = "<!-- steward:test.welcome:#1 -->";

describe("performOnce against the sandbox", () => {
  let sandbox: Sandbox;
  let octokit: InstanceType<typeof ProbotOctokit>;
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let clock: number;
  const deps = () => ({ db: store.db, now: () => new Date(clock), leaseMs: 60_000 });
  const comments = () => sandbox.model.listComments("acme/widget", 1);
  const welcome = () => ({
    find: () => findCommentWithMarker(octokit, where, marker, { appId: sandbox.app.id, botLogin: sandbox.app.botLogin }),
    create: () => createComment(octokit, where, `Welcome!\n${marker}`),
  });

  beforeAll(async () => {
    sandbox = createSandbox({ appId: 1, publicKeyPem: appKeys().publicKey });
    const { url } = await sandbox.listen();
    const installation = sandbox.model.addInstallation({ account: "acme", accountType: "Organization" });
    sandbox.model.addRepository({ fullName: "acme/widget" });
    sandbox.model.addIssue("acme/widget", { user: "newcomer", number: 1, title: "hello" });
    // Probot's own Octokit with its retry plugin on: side-effect POSTs must opt out of it.
    octokit = new ProbotOctokit({
      auth: { token: sandbox.createInstallationToken(installation.id) },
      baseUrl: `${url}/api/v3`,
      throttle: { enabled: false },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    store = await createTestStore();
    clock = Date.parse("2026-11-23T10:00:00Z");
    sandbox.clearFaults();
  });
  afterEach(() => {
    for (const comment of comments()) sandbox.model.deleteComment("acme/widget", comment.id);
    store.dispose();
  });

  it("posts once, and never again for the same key", async () => {
    expect((await performOnce(deps(), key, welcome())).status).toBe("created");
    sandbox.resetRequests();
    expect((await performOnce(deps(), key, welcome())).status).toBe("already-done");
    expect(sandbox.requests).toEqual([]);
    expect(comments()).toHaveLength(1);
  });

  it("lets exactly one of two concurrent callers post", async () => {
    const outcomes = await Promise.all([performOnce(deps(), key, welcome()), performOnce(deps(), key, welcome())]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["busy", "created"]);
    expect(comments()).toHaveLength(1);
  });

  it("does not post twice when GitHub answers 502 after creating the comment", async () => {
    sandbox.failNext({ method: "POST", path: /\/comments$/, status: 502, afterSideEffect: true });
    const first = await performOnce(deps(), key, welcome());
    expect(first.status).toBe("failed");
    expect(comments()).toHaveLength(1);
    expect(await unfinishedEffects(store.db, new Date(clock))).toMatchObject([{ kind: "test.welcome", lastError: expect.stringContaining("502") }]);
    // The next sweep finds the marker instead of posting again.
    expect((await performOnce(deps(), key, welcome())).status).toBe("found");
    expect(comments()).toHaveLength(1);
    expect(await unfinishedEffects(store.db, new Date(clock))).toEqual([]);
  });

  it("posts on the next attempt when the first really failed", async () => {
    sandbox.failNext({ method: "POST", path: /\/comments$/, status: 500 });
    expect((await performOnce(deps(), key, welcome())).status).toBe("failed");
    expect(comments()).toHaveLength(0);
    expect((await performOnce(deps(), key, welcome())).status).toBe("created");
    expect(comments()).toHaveLength(1);
  });

  it("is not fooled by a user who types the marker into their own comment", async () => {
    sandbox.model.addComment("acme/widget", 1, { user: "prankster", body: `ha ${marker}` });
    await claimEffect(store.db, key, new Date(clock), 60_000);
    clock += 61_000;
    expect((await performOnce(deps(), key, welcome())).status).toBe("created");
    expect(comments().filter((c) => c.body.includes("Welcome!"))).toHaveLength(1);
  });

  it("finishes the work of a process that crashed between posting and recording, once its lease ran out", async () => {
    await claimEffect(store.db, key, new Date(clock), 60_000);
    await createComment(octokit, where, `Welcome!\n${marker}`);
    // The crashed owner's lease still runs: nobody touches the effect.
    expect((await performOnce(deps(), key, welcome())).status).toBe("busy");
    clock += 61_000;
    expect((await performOnce(deps(), key, welcome())).status).toBe("found");
    expect(comments()).toHaveLength(1);
    expect(sandbox.violations).toEqual([]);
  });
});

describe("performOnce's counting", () => {
  const store = useTestStore();

  it("counts every outcome by the effect's kind, the deferred ones included", async () => {
    const { metrics, calls } = recordedMetrics();
    const now = Date.parse("2026-11-23T10:00:00Z");
    const deps = (at: number) => ({ db: store.db, now: () => new Date(at), leaseMs: 60_000, metrics });
    const label = { find: async () => ({ label: "found" }), create: async () => ({ label: "created" }) };
    await performOnce(deps(now), key, label);
    await performOnce(deps(now), key, label);
    const other = { ...key, subject: "#2" };
    await performOnce(deps(now), other, { ...label, create: () => Promise.reject(new Error("HTTP 502")) });
    // The failed attempt's claim is given back with its lease run out: the next one looks first.
    await performOnce(deps(now), other, label);
    const third = { ...key, subject: "#3" };
    await claimEffect(store.db, third, new Date(now), 60_000);
    await performOnce(deps(now), third, label);
    expect(calls).toEqual([
      ["effect", "test.welcome", "performed"],
      ["effect", "test.welcome", "already_done"],
      ["effect", "test.welcome", "failed"],
      ["effect", "test.welcome", "found"],
      ["effect", "test.welcome", "busy"],
    ]);
  });
});
