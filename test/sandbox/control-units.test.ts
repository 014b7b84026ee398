import { describe, expect, it } from "vitest";
import { bannerLines } from "../../src/sandbox/control/announce.js";
import { decode, encode } from "../../src/sandbox/control/json-codec.js";
import { ConfigError, readProcessConfig } from "../../src/sandbox/control/process-config.js";
import { SandboxModel } from "../../src/sandbox/index.js";
import { seedHistory } from "../../src/sandbox/model/seed-history.js";

describe("the sandbox process's configuration", () => {
  it("has defaults a user can run Steward against", () => {
    expect(readProcessConfig({}, [], "/repo")).toEqual({
      port: 3100,
      host: "127.0.0.1",
      appId: 1,
      key: { kind: "generated", path: "/repo/data/sandbox-app.pem" },
      webhookUrl: "http://localhost:3000/api/github/webhooks",
      webhookSecret: "development",
      seed: null,
      readyFile: null,
      help: false,
    });
  });

  it("reads variables, lets flags win, and resolves paths", () => {
    const env = { PORT: "0", APP_ID: "7", PRIVATE_KEY_PATH: "k.pem", SANDBOX_SEED: "demo", SANDBOX_READY_FILE: "r.json" };
    expect(readProcessConfig(env, ["--port=4000", "--host", "0.0.0.0"], "/repo")).toMatchObject({
      port: 4000,
      host: "0.0.0.0",
      appId: 7,
      key: { kind: "file", path: "/repo/k.pem" },
      seed: "demo",
      readyFile: "/repo/r.json",
    });
    expect(readProcessConfig({ PRIVATE_KEY: "a\\nb" }, []).key).toEqual({ kind: "inline", pem: "a\nb" });
  });

  it("refuses unknown flags, seeds and bad numbers with one reason each", () => {
    expect(() => readProcessConfig({}, ["--sed", "demo"])).toThrow(
      new ConfigError('unknown argument "--sed" (flags: --port, --host, --seed demo, --help)'),
    );
    expect(() => readProcessConfig({}, ["--seed", "big"])).toThrow(/unknown seed "big"/);
    expect(() => readProcessConfig({ PORT: "http" }, [])).toThrow(/PORT must be a port number/);
    expect(() => readProcessConfig({}, ["--port"])).toThrow(/--port needs a value/);
  });
});

describe("the banner", () => {
  const info = {
    url: "http://127.0.0.1:3100",
    host: "127.0.0.1:3100",
    port: 3100,
    appId: 7,
    privateKeyPath: "/repo/data/sandbox-app.pem",
    clientId: "Iv1.sandbox7",
    clientSecret: "sandbox-client-secret-7",
    webhookUrl: "http://localhost:3000/api/github/webhooks",
    pid: 1,
  };

  it("prints a .env for Steward, with the OAuth pair under Probot's names after GHE_PROTOCOL", () => {
    const lines = bannerLines(info, "development", false);
    expect(lines.slice(0, 8)).toEqual([
      "[sandbox] listening on http://127.0.0.1:3100",
      "APP_ID=7",
      "PRIVATE_KEY_PATH=/repo/data/sandbox-app.pem",
      "WEBHOOK_SECRET=development",
      "GHE_HOST=127.0.0.1:3100",
      "GHE_PROTOCOL=http",
      "GITHUB_CLIENT_ID=Iv1.sandbox7",
      "GITHUB_CLIENT_SECRET=sandbox-client-secret-7",
    ]);
    expect(lines.join("\n")).not.toContain("sign in to Steward");
  });

  it("names who to sign in as when the demo is seeded", () => {
    expect(bannerLines(info, "development", true).at(-1)).toBe(
      "[sandbox] sign in to Steward's dashboard as \"maya\" (no password): the sandbox's sign-in page asks only for a username",
    );
  });
});

describe("the control API's JSON", () => {
  it("turns Sets, Dates and RegExps into JSON and RegExps back", () => {
    const plain = encode({ ids: new Set([1, 2]), at: new Date("2024-01-01T00:00:00Z"), path: /^\/repos\//i, skip: () => 1 });
    expect(plain).toEqual({ ids: [1, 2], at: "2024-01-01T00:00:00.000Z", path: { $regex: "^\\/repos\\/", flags: "i" } });
    expect(decode(JSON.parse(JSON.stringify(plain)))).toMatchObject({ path: /^\/repos\//i });
  });

  it("keeps a __proto__ key as data", () => {
    const decoded = decode(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("seedHistory", () => {
  it("spreads the history over the past year before the model clock, all of it in the past", () => {
    const model = new SandboxModel({ now: () => new Date("2025-06-01T00:00:00Z") });
    const summary = seedHistory(model, { repo: "acme/old", stars: 30, issues: 12, pulls: 10 });
    expect(summary).toEqual({
      repo: "acme/old",
      from: "2024-05-31T00:00:00Z",
      to: "2025-05-31T00:00:00Z",
      stars: 30,
      issues: 12,
      pulls: 10,
      comments: 24,
      reviews: 4,
      merged: 5,
      contributors: 5,
    });
    const times = [...model.listStargazers("acme/old").map((s) => s.starred_at), ...model.listIssues("acme/old").map((i) => i.created_at)];
    expect(times.every((t) => t >= summary.from && t <= summary.to)).toBe(true);
    expect(model.listIssues("acme/old").filter((i) => i.pull?.merged)).toHaveLength(5);
  });
});
