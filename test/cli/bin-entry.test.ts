import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/steward.js", import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/steward.js <args>` as a user runs it: its own process, only the given environment (no
 * APP_ID or DATABASE_URL leaking in from the test runner), in an empty working directory so that
 * no .env is read and the default ./data is never the repository's.
 */
function steward(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

const oneLine = (text: string) => text.trimEnd().split("\n");

describe("bin/steward.js, run as a child process", () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), "steward-bin-"));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("--version prints package.json's version and exits 0", async () => {
    const run = await steward(cwd, {}, "--version");
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  }, 60_000);

  it("report --help prints the command's usage and exit codes, exits 0, and opens no database", async () => {
    const database = join(cwd, "help", "steward.db");
    const run = await steward(cwd, { DATABASE_URL: database }, "report", "--help");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^usage: steward report --repo owner\/name/);
    expect(run.stdout).toContain("--now TIME");
    expect(run.stdout).toMatch(/exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
    expect(existsSync(join(cwd, "help"))).toBe(false);
  }, 60_000);

  it("refuses an impossible --now with exit 2 and one line naming the flag", async () => {
    const run = await steward(cwd, { DATABASE_URL: join(cwd, "none.db") }, "report", "--repo", "acme/widget", "--now", "2026-02-31");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(oneLine(run.stderr)).toEqual([
      'steward report: --now "2026-02-31" is not a real date or time: February 2026 has no day 31 (it has 28 days)',
    ]);
  }, 60_000);

  it("refuses an unknown flag with exit 2 and one line", async () => {
    const run = await steward(cwd, { DATABASE_URL: join(cwd, "none.db") }, "report", "--repo", "acme/widget", "--colour");
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(["steward report: Unknown option '--colour'"]);
  }, 60_000);

  it("leaves no database file or folder behind at a mistyped DATABASE_URL: exit 1, one line", async () => {
    const before = readdirSync(cwd);
    const database = join(cwd, "dta", "steward.db");
    const run = await steward(cwd, { DATABASE_URL: "./dta/steward.db" }, "report", "--repo", "acme/widget");
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toEqual([`steward report: no database at ${database}; run \`steward migrate\` or start the server first`]);
    expect(existsSync(join(cwd, "dta"))).toBe(false);
    expect(readdirSync(cwd)).toEqual(before);
  }, 60_000);

  it("check-config lists a file's problems with exit 1, and says a fixed file is valid with exit 0, without a database", async () => {
    const env = { DATABASE_URL: "./no-db/steward.db" };
    writeFileSync(join(cwd, "steward.yml"), "response:\n  goalHours: 0\nwelcome:\n  enabld: true\n");
    const invalid = await steward(cwd, env, "check-config", "steward.yml");
    expect(invalid).toEqual({
      code: 1,
      stdout:
        "steward.yml is invalid; the server would run the repository on the defaults:\n" +
        "- response.goalHours: Too small: expected number to be >0\n" +
        '- welcome: Unrecognized key: "enabld"\n',
      stderr: "",
    });
    writeFileSync(join(cwd, "steward.yml"), "response:\n  goalHours: 8\nwelcome:\n  enabled: true\n");
    expect(await steward(cwd, env, "check-config", "steward.yml")).toEqual({ code: 0, stdout: "steward.yml is valid\n", stderr: "" });
    expect(existsSync(join(cwd, "no-db"))).toBe(false);
  }, 60_000);

  it("migrate creates the database, after which a read command finds it", async () => {
    const env = { DATABASE_URL: "./made/steward.db" };
    const migrate = await steward(cwd, env, "migrate");
    expect(migrate.code).toBe(0);
    expect(existsSync(join(cwd, "made", "steward.db"))).toBe(true);
    // The database is there but does not hold the repository: a failure, not a usage error.
    const report = await steward(cwd, env, "report", "--repo", "acme/widget");
    expect(report.code).toBe(1);
    expect(oneLine(report.stderr)).toEqual(['steward report: Steward holds no repository "acme/widget" (is the app installed on it?)']);
  }, 60_000);
});
