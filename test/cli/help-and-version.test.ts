import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../helpers/capture-io.js";

const COMMANDS = ["migrate", "report", "sweep", "digest", "backfill", "leads", "customers", "copy", "check-config"];
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("steward --help, steward <command> --help, steward --version", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "steward-help-"));
    // A database that does not exist: help must not create (or need) it.
    env = { DATABASE_URL: join(dir, "nowhere", "steward.db") };
  });
  afterEach(() => {
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...argv: string[]) => {
    const io = captureIo(env);
    const code = await runCli(argv, io);
    return { code, out: io.stdout, err: io.stderr };
  };

  it.each([["--help"], ["-h"], ["help"]])("%s lists every command, the time format and the exit codes", async (flag) => {
    const { code, out, err } = await run(flag);
    expect(code).toBe(0);
    expect(err).toBe("");
    for (const name of COMMANDS) expect(out).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(out).toContain("A value without a zone is UTC");
    expect(out).toMatch(/exit codes:\n {2}0 +success\n {2}1 +failure: .*\n {2}2 +called wrongly: unknown command or flag, missing or bad value/);
  });

  it.each([
    ["migrate"],
    ["report"],
    ["sweep"],
    ["digest"],
    ["backfill"],
    ["leads"],
    ["customers", "add"],
    ["customers", "list"],
    ["customers", "remove"],
    ["copy"],
    ["check-config"],
  ])("%s --help prints its usage, every flag it accepts, and its exit codes, without touching the database", async (...command) => {
    for (const help of ["--help", "-h"]) {
      const { code, out, err } = await run(...command, help);
      expect(code).toBe(0);
      expect(err).toBe("");
      expect(out).toMatch(new RegExp(`^usage: steward ${command.join(" ")}\\b`));
      expect(out).toMatch(/exit codes:\n {2}0 +\S.*\n {2}1 +\S.*\n {2}2 +called wrongly/);
    }
    // Every flag the command accepts is described: an unknown one is refused, a described one is not.
    const { out } = await run(...command, "--help");
    const described = [...out.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]!).filter((flag) => flag !== "help");
    for (const flag of described) {
      const { code, err } = await run(...command, `--${flag}=x`);
      expect(err, `--${flag}`).not.toMatch(/Unknown option/);
      expect([1, 2]).toContain(code);
    }
  });

  it("--help wins over everything else on the line, even bad values", async () => {
    expect((await run("report", "--now", "2026-02-31", "--colour", "--help")).code).toBe(0);
    expect((await run("customers", "add", "-h", "--mrr", "lots")).out).toMatch(/^usage: steward customers add /);
    // After "--" it is an argument, not a request for help.
    expect((await run("report", "--repo", "a/b", "--", "--help")).code).toBe(2);
  });

  it("help <command> is <command> --help; customers --help lists its subcommands", async () => {
    expect((await run("help", "report")).out).toBe((await run("report", "--help")).out);
    expect((await run("help", "customers", "add")).out).toBe((await run("customers", "add", "--help")).out);
    const customers = await run("customers", "--help");
    expect(customers.code).toBe(0);
    for (const sub of ["add", "list", "remove"]) expect(customers.out).toContain(`steward customers ${sub} --repo owner/name`);
    expect(customers.out).toContain("exit codes:");
    expect((await run("customers", "toString", "--help")).out).toBe(customers.out);
  });

  it("the help of a command that takes a date says how dates are read", async () => {
    for (const command of ["report", "sweep", "digest", "backfill", "leads"]) {
      const { out } = await run(command, "--help");
      expect(out, command).toContain("A value without a zone is UTC");
      expect(out, command).toContain("YYYY-MM-DDTHH:MM:SS(.sss)");
    }
  });

  it("--version prints package.json's version", async () => {
    expect(await run("--version")).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
  });
});
