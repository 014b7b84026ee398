import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../helpers/capture-io.js";

/** Every command but migrate, in its reading and its writing forms. */
const NEEDS_A_DATABASE = [
  ["report", "--repo", "acme/widget"],
  ["leads", "--repo", "acme/widget"],
  ["customers", "list", "--repo", "acme/widget"],
  ["digest", "--repo", "acme/widget", "--dry-run"],
  ["sweep", "--dry-run"],
  ["sweep", "--repo", "acme/widget"],
  ["digest", "--repo", "acme/widget"],
  ["backfill", "--repo", "acme/widget"],
  ["customers", "add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5"],
  ["customers", "remove", "--repo", "acme/widget", "--company", "Acme"],
];

describe("a DATABASE_URL naming no database", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "steward-nodb-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cases = NEEDS_A_DATABASE.map((argv) => ({ line: argv.join(" "), argv }));

  it.each(cases)("$line: fails with exit 1 and one line, creating no folder", async ({ argv }) => {
    const io = captureIo({ DATABASE_URL: "./dta/steward.db" }, dir);
    expect(await runCli(argv, io)).toBe(1);
    const command = argv[0] === "customers" ? `customers ${argv[1]}` : argv[0];
    expect(io.stderr).toBe(
      `steward ${command}: no database at ${join(dir, "dta", "steward.db")}; run \`steward migrate\` or start the server first\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(cases)("$line: fails with exit 1, creating no file in an existing folder", async ({ argv }) => {
    mkdirSync(join(dir, "data"));
    const io = captureIo({ DATABASE_URL: `file:${join(dir, "data", "stewrd.db")}` });
    expect(await runCli(argv, io)).toBe(1);
    expect(io.stderr).toMatch(/no database at .*stewrd\.db; run `steward migrate`/);
    expect(readdirSync(join(dir, "data"))).toEqual([]);
  });

  it("also when the default ./data/steward.db is missing", async () => {
    const io = captureIo({}, dir);
    expect(await runCli(["report", "--repo", "acme/widget"], io)).toBe(1);
    expect(io.stderr).toContain(`no database at ${join(dir, "data", "steward.db")}`);
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("fails with exit 1 when DATABASE_URL names a folder", async () => {
    const io = captureIo({ DATABASE_URL: dir });
    expect(await runCli(["leads", "--repo", "acme/widget"], io)).toBe(1);
    expect(io.stderr).toBe(`steward leads: DATABASE_URL names ${dir}, which is not a file\n`);
  });

  it("migrate creates the database and its folder; the other commands then open it", async () => {
    const env = { DATABASE_URL: "./new/steward.db" };
    const migrate = captureIo(env, dir);
    expect(await runCli(["migrate"], migrate)).toBe(0);
    expect(existsSync(join(dir, "new", "steward.db"))).toBe(true);
    const sweep = captureIo(env, dir);
    expect(await runCli(["sweep", "--dry-run"], sweep)).toBe(0);
    expect(sweep.stderr).toBe("");
  });

  it("an in-memory database needs no file", async () => {
    const io = captureIo({ DATABASE_URL: ":memory:" }, dir);
    expect(await runCli(["sweep", "--dry-run", "--json"], io)).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
