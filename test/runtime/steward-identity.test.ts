import { pino } from "pino";
import type { Logger } from "probot";
import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../../src/github/octokit.js";
import { stewardIdentitySource } from "../../src/runtime/steward-identity.js";

/** An app client whose GET /app answers from `answers` in turn (an Error is thrown). */
function fakeApp(answers: Array<{ slug: string } | Error>) {
  const calls: string[] = [];
  const client = {
    rest: {
      apps: {
        getAuthenticated: async () => {
          calls.push("GET /app");
          const answer = answers.shift();
          if (!answer || answer instanceof Error) throw answer ?? new Error("no answer left");
          return { data: answer };
        },
      },
    },
  } as unknown as GitHubClient;
  return { calls, appClient: async () => client };
}

const quiet = () => {
  const warnings: string[] = [];
  const log = pino({ level: "silent" }) as unknown as Logger;
  log.warn = ((message: string) => void warnings.push(message)) as Logger["warn"];
  return { log, warnings };
};

describe("stewardIdentitySource", () => {
  it("reads the bot login from GET /app once, when first asked, and keeps it", async () => {
    const app = fakeApp([{ slug: "steward" }]);
    const source = stewardIdentitySource(4242, app.appClient, quiet().log);
    expect(app.calls).toEqual([]);
    const [first, second] = await Promise.all([source(), source()]);
    expect(first).toEqual({ appId: 4242, botLogin: "steward[bot]" });
    expect(second).toEqual(first);
    expect(await source()).toEqual(first);
    expect(app.calls).toEqual(["GET /app"]);
  });

  it("goes on with the app id alone when GET /app fails, says so once, and asks again next time", async () => {
    const app = fakeApp([Object.assign(new Error("Server Error"), { status: 502 }), { slug: "steward" }]);
    const { log, warnings } = quiet();
    const source = stewardIdentitySource(4242, app.appClient, log);
    const [first, second] = await Promise.all([source(), source()]);
    expect(first).toEqual({ appId: 4242, botLogin: null });
    expect(second).toEqual({ appId: 4242, botLogin: null });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/GET \/app: Server Error/);
    expect(await source()).toEqual({ appId: 4242, botLogin: "steward[bot]" });
    expect(app.calls).toEqual(["GET /app", "GET /app"]);
  });
});
