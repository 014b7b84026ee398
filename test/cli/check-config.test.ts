import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type Logger, ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { CONFIG_PATH } from "../../src/domain/config.js";
import type { RepositoryRef } from "../../src/domain/repository.js";
import { createRepoConfigLoader } from "../../src/runtime/repo-config-loader.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { appKeys } from "../helpers/e2e-harness.js";
import { captureIo } from "../helpers/capture-io.js";
import { readmeStewardYml } from "../helpers/readme-steward-yml.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

let dir: string;

/** `steward check-config ...` in process, in `dir`, with a DATABASE_URL that must stay untouched. */
async function checkConfig(...argv: string[]) {
  const io = captureIo({ DATABASE_URL: join(dir, "nowhere", "steward.db") }, dir);
  const code = await runCli(["check-config", ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

function writeLocal(name: string, text: string): void {
  mkdirSync(join(dir, name, ".."), { recursive: true });
  writeFileSync(join(dir, name), text);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "steward-check-config-"));
});
afterEach(() => {
  expect(existsSync(join(dir, "nowhere"))).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

describe("steward check-config <file>", () => {
  it("says in one line that the README's example is valid, and exits 0", async () => {
    writeLocal("steward.yml", readmeStewardYml());
    expect(await checkConfig("steward.yml")).toEqual({ code: 0, out: "steward.yml is valid\n", err: "" });
  });

  it("takes an empty file for the defaults, as the server does", async () => {
    writeLocal("empty.yml", "");
    expect(await checkConfig("empty.yml")).toEqual({ code: 0, out: "empty.yml is valid\n", err: "" });
  });

  it("lists every problem with its path and exits 1", async () => {
    writeLocal("steward.yml", "response:\n  goalHours: -5\n  notify: [octocat, 'not a login!']\ndigest:\n  day: someday\nrespons: {}\n");
    const { code, out, err } = await checkConfig("steward.yml");
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(out.split("\n")).toEqual([
      "steward.yml is invalid; the server would run the repository on the defaults:",
      "- response.goalHours: Too small: expected number to be >0",
      "- response.notify.1: not a GitHub login or @org/team",
      '- digest.day: Invalid option: expected one of "monday"|"tuesday"|"wednesday"|"thursday"|"friday"|"saturday"|"sunday"',
      '- (file): Unrecognized key: "respons"',
      "",
    ]);
  });

  it("says where a file that is not YAML broke, and exits 1", async () => {
    writeLocal("broken.yml", "response: [goalHours: 3\n  - : :\n");
    const { code, out } = await checkConfig("broken.yml");
    expect(code).toBe(1);
    expect(out).toMatch(/^broken\.yml is invalid; .*\n- \(file\): broken\.yml could not be parsed: .* at line 1, column \d+:\n$/);
  });

  it("checks the form of _extends but cannot follow it, and says so", async () => {
    writeLocal("extends.yml", "_extends: acme/.github\nresponse:\n  goalHours: 8\n");
    expect(await checkConfig("extends.yml")).toEqual({
      code: 0,
      out: "extends.yml is valid (the file it extends, acme/.github, was not checked)\n",
      err: "",
    });
    writeLocal("bad-extends.yml", "_extends: not a repository\n");
    expect((await checkConfig("bad-extends.yml")).out).toContain(
      '- (file): bad-extends.yml could not be parsed: Invalid value "not a repository" for _extends',
    );
  });

  it("fails with one line on stderr when there is no file to read", async () => {
    expect(await checkConfig("missing.yml")).toEqual({ code: 1, out: "", err: `steward check-config: no file at ${join(dir, "missing.yml")}\n` });
    mkdirSync(join(dir, "folder"));
    expect(await checkConfig("folder")).toEqual({ code: 1, out: "", err: `steward check-config: ${join(dir, "folder")} is not a file\n` });
  });

  it.each([
    [[], "steward check-config: the file to check is required: steward check-config <file>"],
    [["a.yml", "b.yml"], 'steward check-config: unexpected argument "b.yml"'],
    [["--strict", "a.yml"], "steward check-config: Unknown option '--strict'"],
  ])("refuses %j with exit 2 and one line", async (argv, message) => {
    expect(await checkConfig(...argv)).toEqual({ code: 2, out: "", err: `${message}\n` });
  });
});

describe("check-config prints what the server logs for the same file", () => {
  let sandbox: Sandbox;
  let octokit: InstanceType<typeof ProbotOctokit>;
  let store: TestStore;
  const repository: RepositoryRef = { id: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };

  beforeAll(async () => {
    store = await createTestStore();
    sandbox = createSandbox({ appId: 1, publicKeyPem: appKeys().publicKey });
    const { url } = await sandbox.listen();
    const installation = sandbox.model.addInstallation({ account: "acme", accountType: "Organization" });
    for (const name of ["widget", "base"]) sandbox.model.addRepository({ fullName: `acme/${name}` });
    octokit = new ProbotOctokit({
      auth: { token: sandbox.createInstallationToken(installation.id) },
      baseUrl: `${url}/api/v3`,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await store.dispose();
  });

  /** The problem lines the server logs for `text` as the repository's steward.yml; none when it is valid. */
  async function serverProblemLines(text: string): Promise<string[]> {
    sandbox.model.setFile("acme/widget", CONFIG_PATH, text);
    const warnings: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => warnings.push((JSON.parse(line) as { msg: string }).msg) }) as unknown as Logger;
    // Read-only: the server's reading and logging, without storing the problems.
    await createRepoConfigLoader({ db: store.db, log, now: () => new Date(), readOnly: true }).load(octokit, repository);
    const [warning] = warnings.filter((w) => w.startsWith(`acme/widget: ${CONFIG_PATH} is invalid, running on defaults:\n`));
    return warning === undefined ? [] : warning.split("\n").slice(1);
  }

  /** The same lines from check-config, run on a local file at the same path. */
  async function cliProblemLines(text: string): Promise<string[]> {
    writeLocal(CONFIG_PATH, text);
    const { code, out } = await checkConfig(CONFIG_PATH);
    const [first, ...problems] = out.trimEnd().split("\n");
    expect(code, out).toBe(first?.startsWith(`${CONFIG_PATH} is valid`) ? 0 : 1);
    return problems;
  }

  it.each([
    ["a valid file", 0, "maintainers: [alice]\nresponse:\n  goalHours: 8\n  pullRequests: { goalHours: 4 }\n"],
    ["an empty file", 0, ""],
    ["the README's example", 0, readmeStewardYml()],
    ["a file extending one that does not exist", 0, "_extends: base\nwelcome:\n  enabled: false\n"],
    [
      "a file with problems in every section",
      12,
      [
        "maintainers: ['dependabot[bot]']",
        "ignoreUsers: ['-x']",
        "response: { goalHours: 0, atRiskRatio: 1, businessHours: { timezone: Mars/Olympus, start: '18:00', end: '09:00' } }",
        "welcome: { templates: { firstIssue: 'Hi {{who}}' } }",
        "milestones: { stars: [1000, 100] }",
        "digest: { time: '9am', sections: { charts: false } }",
        "conversion: { terms: [' '] }",
        "extra: 1",
      ].join("\n"),
    ],
    ["a file that is not YAML", 1, "response: [goalHours: 3\n  - : :\n"],
    ["a file with a duplicated key", 1, "response:\n  goalHours: 8\n  goalHours: 9\n"],
    ["a list instead of a mapping", 1, "- maintainers\n- response\n"],
  ])("%s", async (_, problems, text) => {
    const server = await serverProblemLines(text);
    expect(server).toHaveLength(problems);
    expect(await cliProblemLines(text)).toEqual(server);
  });
});
