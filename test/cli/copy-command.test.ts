import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COPIED_TABLES } from "../../src/store/copy/copy-tables.js";
import { openSqliteStore } from "../../src/store/db.js";
import { applyMigrations } from "../../src/store/migrate.js";
import { fillEveryTable } from "../helpers/every-table-fixture.js";
import { createPostgresTestDatabase, describeOnPostgres, type PostgresTestDatabase } from "../helpers/postgres-test-database.js";

const BIN = fileURLToPath(new URL("../../bin/steward.js", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/steward.js <args>` in its own process, with no environment but PATH (no DATABASE_URL: copy must not need one). */
function steward(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "" }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.trimEnd().split("\n");

describe("steward copy, run as a child process", () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), "steward-copy-"));
    const store = openSqliteStore(join(cwd, "steward.db"));
    await applyMigrations(store.db);
    store.close();
    writeFileSync(join(cwd, "notes.txt"), "not a database\n");
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it.each([
    [["copy", "--to", "postgres://localhost/steward"], "steward copy: --from FILE is required (the SQLite database to copy)"],
    [["copy", "--from", "steward.db"], "steward copy: --to URL is required (the PostgreSQL database to fill)"],
    [["copy", "--from", "steward.db", "--to", "mysql://root:secret@db/steward"], "steward copy: --to must be a postgres:// URL, got a mysql:// one"],
    [
      ["copy", "--from", "steward.db", "--to", "./other.db"],
      "steward copy: --to must be a postgres:// URL (postgres://user:password@host:5432/database)",
    ],
    [["copy", "--from", "missing.db", "--to", "postgres://localhost/steward"], "steward copy: --from names <cwd>/missing.db, which does not exist"],
    [["copy", "--from", ".", "--to", "postgres://localhost/steward"], "steward copy: --from names <cwd>, which is not a file"],
  ])(
    "%j is a usage error: exit 2, one line, nothing written",
    async (argv, message) => {
      const before = readdirSync(cwd);
      const run = await steward(cwd, ...argv);
      expect(run).toEqual({ code: 2, stdout: "", stderr: `${message.replace("<cwd>", cwd)}\n` });
      expect(readdirSync(cwd)).toEqual(before);
    },
    60_000,
  );

  it("fails with exit 1 and one line for a source that is no database, or a PostgreSQL server that does not answer", async () => {
    const text = await steward(cwd, "copy", "--from", "notes.txt", "--to", "postgres://steward:secret@127.0.0.1:1/steward");
    expect(text.code).toBe(1);
    expect(lines(text.stderr)).toEqual([`steward copy: ${join(cwd, "notes.txt")} is not a SQLite database`]);
    const unreachable = await steward(cwd, "copy", "--from", "steward.db", "--to", "postgres://steward:secret@127.0.0.1:1/steward");
    expect(unreachable.code).toBe(1);
    expect(lines(unreachable.stderr)).toEqual([
      expect.stringMatching(/^steward copy: cannot connect to PostgreSQL at postgres:\/\/steward:\*\*\*@127\.0\.0\.1:1\/steward: /),
    ]);
    expect(unreachable.stderr).not.toContain("secret");
  }, 60_000);

  it("--help says what the command is for, and that the server must be stopped", async () => {
    const run = await steward(cwd, "copy", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: steward copy --from FILE --to URL\n/);
    expect(run.stdout).toContain("stop the\nserver first");
  }, 60_000);
});

describeOnPostgres("steward copy into PostgreSQL, run as a child process", () => {
  let cwd: string;
  let database: PostgresTestDatabase;
  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), "steward-copy-pg-"));
    const store = openSqliteStore(join(cwd, "steward.db"));
    await applyMigrations(store.db);
    await fillEveryTable(store.db);
    // The server stopped, as the help says it must be.
    store.close();
    database = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("copies the file, prints one verified line per table and a total, and exits 0; a second copy is refused", async () => {
    const run = await steward(cwd, "copy", "--from", "steward.db", "--to", database.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out).toHaveLength(COPIED_TABLES.length + 1);
    for (const line of out.slice(0, -1)) expect(line).toMatch(/^[a-z_]+: [1-9][\d,]* rows, checksum ok$/);
    expect(out).toContain("events: 5 rows, checksum ok");
    expect(out.at(-1)).toMatch(new RegExp(`^copied [\\d,]+ rows in ${COPIED_TABLES.length} tables from ${join(cwd, "steward.db")} to postgres://`));

    const again = await steward(cwd, "copy", "--from", "steward.db", "--to", database.url);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(lines(again.stderr)).toEqual([
      expect.stringMatching(/^steward copy: postgres:\/\/.* already holds Steward data \(rows in .*\); copy into an empty database/),
    ]);
  }, 60_000);
});
