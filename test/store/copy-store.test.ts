import { asc, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { copyStore } from "../../src/store/copy/copy-store.js";
import { COPIED_TABLES } from "../../src/store/copy/copy-tables.js";
import { openSqliteSource } from "../../src/store/copy/sqlite-source.js";
import { verifyCopy } from "../../src/store/copy/verify-copy.js";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres-db.js";
import * as pg from "../../src/store/schema-postgres.js";
import * as lite from "../../src/store/schema.js";
import { FIXTURE_REPO, fillEveryTable } from "../helpers/every-table-fixture.js";
import { createPostgresTestDatabase, describeOnPostgres, type PostgresTestDatabase } from "../helpers/postgres-test-database.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

type TestStore = Awaited<ReturnType<typeof createSqliteTestStore>>;
/** A port nothing listens on: any attempt to reach PostgreSQL there fails at once. */
const NOWHERE = "postgres://steward:secret@127.0.0.1:1/steward";

describe("copyStore refuses a source that is not a migrated Steward database, before reaching PostgreSQL", () => {
  let store: TestStore;
  let destination: PostgresStore;
  beforeAll(async () => {
    store = await createSqliteTestStore();
    destination = openPostgresStore(NOWHERE, { poolSize: 1 });
  });
  afterAll(async () => {
    store?.dispose();
    await destination?.close();
  });

  it("a database whose last migration was not applied: run steward migrate first", async () => {
    store.sqlite.exec(`DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`);
    const source = openSqliteSource(store.path);
    try {
      await expect(copyStore(source, destination)).rejects.toThrow(
        new RegExp(`^${store.path} is not fully migrated \\(1 of \\d+ migrations not applied\\): run \`steward migrate\` with DATABASE_URL=`),
      );
    } finally {
      source.close();
    }
  });

  it("a SQLite file that is no Steward database, and a file that is no database", async () => {
    const empty = await createSqliteTestStore();
    empty.db.$client.exec("DROP TABLE __drizzle_migrations");
    const plain = openSqliteSource(empty.path);
    await expect(copyStore(plain, destination)).rejects.toThrow(`${empty.path} is not a Steward database: it records no migrations`);
    plain.close();
    empty.dispose();
    const text = openSqliteSource(new URL(import.meta.url).pathname);
    await expect(copyStore(text, destination)).rejects.toThrow(/copy-store\.test\.ts is not a SQLite database$/);
    text.close();
  });

  it("an unreachable destination, in one line naming it without its password", async () => {
    const migrated = await createSqliteTestStore();
    try {
      await expect(copyStore(migrated, destination)).rejects.toThrow(
        /^cannot connect to PostgreSQL at postgres:\/\/steward:\*\*\*@127\.0\.0\.1:1\/steward: .*ECONNREFUSED/,
      );
    } finally {
      migrated.dispose();
    }
  });
});

describeOnPostgres("copyStore into PostgreSQL", () => {
  let source: TestStore;
  const opened: Array<{ store: PostgresStore; database: PostgresTestDatabase }> = [];
  /** A new, empty database (not even migrated: the copy migrates it), dropped after the file. */
  async function emptyDestination(): Promise<PostgresStore> {
    const database = await createPostgresTestDatabase();
    const store = openPostgresStore(database.url, { poolSize: 2 });
    opened.push({ store, database });
    return store;
  }
  const count = async (db: PostgresStore, table: string) =>
    (await db.postgres.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)).rows[0]!.n;

  beforeAll(async () => {
    source = await createSqliteTestStore();
    await fillEveryTable(source.db);
  });
  afterAll(async () => {
    for (const { store, database } of opened) {
      await store.close();
      await database.drop();
    }
    source?.dispose();
  });

  it("copies every table, each with the source's row count and checksum (several INSERTs per table)", async () => {
    const destination = await emptyDestination();
    const copied = await copyStore(source, destination, { rowsPerInsert: 2 });
    const checks = await verifyCopy(source.db, destination.postgres);
    expect(checks.map((check) => check.table).sort()).toEqual(COPIED_TABLES.map((table) => table.name).sort());
    for (const check of checks) {
      expect(check.sqliteRows, check.table).toBeGreaterThan(0);
      expect(check, check.table).toMatchObject({ ok: true, postgresRows: check.sqliteRows, postgresChecksum: check.sqliteChecksum });
    }
    expect(copied).toEqual(checks.map((check) => ({ table: check.table, rows: check.sqliteRows })));

    // What the store reads back is value for value what it wrote, on either engine.
    expect(await destination.postgres.select().from(pg.events).orderBy(asc(pg.events.id))).toEqual(
      source.db.select().from(lite.events).orderBy(asc(lite.events.id)).all(),
    );
    expect(await destination.postgres.select().from(pg.repositoryFacts)).toEqual(source.db.select().from(lite.repositoryFacts).all());

    // The counters came over as they were, equal the sums over the members, and count again.
    const counts = await destination.postgres.select().from(pg.memberCounts);
    expect(counts).toEqual(source.db.select().from(lite.memberCounts).all());
    const recount = await destination.postgres.execute<{ stargazers: number }>(
      sql`SELECT count(*)::int AS stargazers FROM community_members WHERE repository_id = ${FIXTURE_REPO.repositoryId} AND community AND starred`,
    );
    expect(counts.find((c) => c.repositoryId === FIXTURE_REPO.repositoryId)?.stargazers).toBe(recount.rows[0]!.stargazers);
    await destination.postgres.execute(
      sql`UPDATE community_members SET starred = NOT starred WHERE repository_id = ${FIXTURE_REPO.repositoryId} AND login = 'dave'`,
    );
    const [after] = await destination.postgres.select().from(pg.memberCounts);
    expect(after!.stargazers).toBe(recount.rows[0]!.stargazers - 1);
  });

  it("moves each identity sequence to where SQLite's AUTOINCREMENT stands, so new rows get fresh ids", async () => {
    const destination = await emptyDestination();
    await copyStore(source, destination);
    const next = async (table: string) => {
      const given = source.db.$client.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(table) as number;
      return { given, max: source.db.$client.prepare(`SELECT max(id) FROM "${table}"`).pluck().get() as number };
    };
    // The fixture deleted its last customer: SQLite would give id 3 next, not 2.
    const customers = await next("customers");
    expect(customers.given).toBeGreaterThan(customers.max);
    const [customer] = await destination.postgres
      .insert(pg.customers)
      .values({
        repositoryId: 1,
        company: "Umbrella",
        companyKey: "umbrella",
        plan: "pro",
        mrrCents: 100,
        login: null,
        since: new Date(),
        createdAt: new Date(),
      })
      .returning({ id: pg.customers.id });
    expect(customer!.id).toBe(customers.given + 1);
    const events = await next("events");
    const [event] = await destination.postgres
      .insert(pg.events)
      .values({ repositoryId: 1, naturalKey: "star:new", kind: "star", actorLogin: "erin", actorType: "User", occurredAt: new Date() })
      .returning({ id: pg.events.id });
    expect(event!.id).toBe(events.given + 1);
    const effects = await next("side_effects");
    const [effect] = await destination.postgres
      .insert(pg.sideEffects)
      .values({ repositoryId: 1, kind: "digest", subject: "weekly", period: "2026-W49", state: "claimed", claimedAt: new Date() })
      .returning({ id: pg.sideEffects.id });
    expect(effect!.id).toBe(effects.given + 1);
  });

  it("refuses a destination that already holds Steward data, and changes nothing in it", async () => {
    const destination = await emptyDestination();
    await copyStore(source, destination);
    await expect(copyStore(source, destination)).rejects.toThrow(/already holds Steward data \(rows in .*events.*\); copy into an empty database/);
    expect((await verifyCopy(source.db, destination.postgres)).every((check) => check.ok)).toBe(true);
  });

  describe("a copy that fails half-way", () => {
    afterEach(() => {
      source.db.$client.prepare(`UPDATE user_profiles SET company = ? WHERE user_id = 14`).run(null);
    });

    it("leaves no row behind, the triggers enabled and the sequences unmoved", async () => {
      const destination = await emptyDestination();
      // PostgreSQL's text holds no NUL character, SQLite's does: user_profiles is copied after nearly every other table.
      source.db.$client.prepare(`UPDATE user_profiles SET company = ? WHERE user_id = 14`).run("nul\u0000byte");
      expect(COPIED_TABLES.map((table) => table.name).slice(-2)).toEqual(["user_profiles", "write_slots"]);
      await expect(copyStore(source, destination)).rejects.toThrow(
        /^copying user_profiles failed, so no row was written: invalid byte sequence .*0x00$/,
      );
      for (const table of COPIED_TABLES) expect(await count(destination, table.name), table.name).toBe(0);
      const disabled = await destination.postgres.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`,
      );
      expect(disabled.rows[0]!.n).toBe(0);
      const [event] = await destination.postgres
        .insert(pg.events)
        .values({ repositoryId: 1, naturalKey: "star:first", kind: "star", actorLogin: "erin", actorType: "User", occurredAt: new Date() })
        .returning({ id: pg.events.id });
      expect(event!.id).toBe(1);
    });
  });

  it("a value changed in the source afterwards shows as that one table differing", async () => {
    const destination = await emptyDestination();
    await copyStore(source, destination);
    const metric = `SELECT value FROM daily_metrics WHERE metric = 'stars'`;
    const before = source.db.$client.prepare(metric).pluck().get() as number;
    source.db.$client.prepare(`UPDATE daily_metrics SET value = ? WHERE metric = 'stars'`).run(before + 1);
    try {
      const differing = (await verifyCopy(source.db, destination.postgres)).filter((check) => !check.ok);
      expect(differing.map((check) => [check.table, check.sqliteRows === check.postgresRows])).toEqual([["daily_metrics", true]]);
    } finally {
      source.db.$client.prepare(`UPDATE daily_metrics SET value = ? WHERE metric = 'stars'`).run(before);
    }
  });
});
