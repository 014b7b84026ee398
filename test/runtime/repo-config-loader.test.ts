import { pino } from "pino";
import type { Logger } from "probot";
import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../../src/github/octokit.js";
import { createRepoConfigLoader, SCHEDULED_CONFIG_MAX_AGE_MS } from "../../src/runtime/repo-config-loader.js";
import { useTestStore } from "../helpers/test-store.js";

const repository = { id: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };

/** A client whose only call is the config read, answering a goal that changes with each read. */
function countingClient(): { client: GitHubClient; reads: () => number } {
  let reads = 0;
  const client = {
    config: {
      async get() {
        reads++;
        return {
          config: {},
          files: [{ owner: "acme", repo: "widget", path: ".github/steward.yml", url: "", config: { response: { goalHours: 10 + reads } } }],
        };
      },
    },
  } as unknown as GitHubClient;
  return { client, reads: () => reads };
}

describe("createRepoConfigLoader", () => {
  const store = useTestStore();
  const log = pino({ level: "silent" }) as unknown as Logger;

  it("reads again after its TTL, but a scheduled job accepts a configuration up to a day old", async () => {
    let at = Date.parse("2026-12-01T00:00:00Z");
    const loader = createRepoConfigLoader({ db: store.db, log, now: () => new Date(at), readOnly: true });
    const { client, reads } = countingClient();
    const scheduled = { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS };
    expect((await loader.load(client, repository, scheduled)).config.response.goalHours).toBe(11);
    at += 11 * 60_000;
    // A sweep every 15 minutes for most of a day: no read.
    for (let sweep = 0; sweep < 90; sweep++, at += 15 * 60_000) await loader.load(client, repository, scheduled);
    expect(reads()).toBe(1);
    // A webhook's handling (the default TTL, 10 minutes) reads it again, and the sweeps then use that.
    expect((await loader.load(client, repository)).config.response.goalHours).toBe(12);
    expect((await loader.load(client, repository, scheduled)).config.response.goalHours).toBe(12);
    expect(reads()).toBe(2);
    at += SCHEDULED_CONFIG_MAX_AGE_MS;
    expect((await loader.load(client, repository, scheduled)).config.response.goalHours).toBe(13);
    loader.invalidate(repository.id);
    expect((await loader.load(client, repository, scheduled)).config.response.goalHours).toBe(14);
  });
});
