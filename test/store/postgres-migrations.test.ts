import { readFileSync } from "node:fs";
import { join } from "node:path";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres-db.js";
import { applyPostgresMigrations, MIGRATION_LOCK_KEY, postgresMigrationsFolder } from "../../src/store/postgres-migrate.js";
import * as schema from "../../src/store/schema-postgres.js";
import { createPostgresTestDatabase, createPostgresTestStore, describeOnPostgres } from "../helpers/postgres-test-database.js";

/** Every table and column the PostgreSQL schema declares, as `table.column`. */
const declaredColumns = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.map((c) => `${config.name}.${c.name}`);
  })
  .sort();
const migrationCount = (JSON.parse(readFileSync(join(postgresMigrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries
  .length;

/** What a database holds: its columns, the counter triggers, and how many migrations drizzle recorded. */
async function schemaOf(store: PostgresStore) {
  const columns = await store.postgres.execute<{ column: string }>(
    sql`SELECT table_name || '.' || column_name AS "column" FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
  );
  const triggers = await store.postgres.execute<{ name: string }>(
    sql`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'community_members'::regclass ORDER BY 1`,
  );
  const applied = await store.postgres.execute<{ n: number }>(sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`);
  return {
    columns: columns.rows.map((r) => r.column).sort(),
    triggers: triggers.rows.map((r) => r.name),
    applied: applied.rows[0]!.n,
  };
}

const completeSchema = {
  columns: declaredColumns,
  triggers: ["community_members_counts_delete", "community_members_counts_insert", "community_members_counts_update"],
  applied: migrationCount,
};

describeOnPostgres("PostgreSQL migrations (steward migrate on several replicas at once)", () => {
  it("applies every migration once when three replicas migrate one fresh database at the same time", async () => {
    const database = await createPostgresTestDatabase();
    // Each replica is its own process with its own pool; three pools stand for them.
    const replicas = [1, 2, 3].map(() => openPostgresStore(database.url, { poolSize: 2 }));
    try {
      await Promise.all(replicas.map((replica) => applyPostgresMigrations(replica.postgres)));
      expect(await schemaOf(replicas[0]!)).toEqual(completeSchema);
      // A later start finds nothing to do.
      await applyPostgresMigrations(replicas[1]!.postgres);
      expect(await schemaOf(replicas[2]!)).toEqual(completeSchema);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
      await database.drop();
    }
  });

  it("waits while another session holds the migration lock, then migrates", async () => {
    const database = await createPostgresTestDatabase();
    const holder = new pg.Client({ connectionString: database.url });
    const store = openPostgresStore(database.url, { poolSize: 2 });
    try {
      await holder.connect();
      await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      let finished = false;
      const migrating = applyPostgresMigrations(store.postgres).then(() => {
        finished = true;
      });
      // The migrating session is seen waiting for the advisory lock, with nothing created yet.
      await expect.poll(() => waitingForAdvisoryLock(holder), { timeout: 10_000 }).toBe(1);
      expect(finished).toBe(false);
      const tables = await holder.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows[0].n).toBe(0);
      await holder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      await migrating;
      expect(await schemaOf(store)).toEqual(completeSchema);
    } finally {
      await holder.end();
      await store.close();
      await database.drop();
    }
  });
});

async function waitingForAdvisoryLock(client: pg.Client): Promise<number> {
  const result = await client.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
  );
  return result.rows[0].n as number;
}

describeOnPostgres("a migrated PostgreSQL store", () => {
  let store: Awaited<ReturnType<typeof createPostgresTestStore>>;
  beforeAll(async () => {
    store = await createPostgresTestStore();
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it("reads back what drizzle wrote as SQLite's store does: Dates, booleans, JSON, ids as numbers", async () => {
    const occurredAt = new Date("2026-03-01T12:34:56.789Z");
    const [row] = await store.db
      .insert(schema.events)
      .values({
        repositoryId: 2_200_000_000,
        naturalKey: "issue:1:opened",
        kind: "issue.opened",
        actorLogin: "ann",
        actorId: 7,
        actorType: "User",
        isPull: false,
        occurredAt,
        data: { labels: ["bug"] },
      })
      .returning();
    expect(row).toMatchObject({ id: 1, repositoryId: 2_200_000_000, isPull: false, occurredAt, data: { labels: ["bug"] } });
    // Raw SQL gives numbers too (openPostgresStore's int8 parser), so times compare as on SQLite.
    const raw = await store.postgres.execute<{ at: number; n: number }>(
      sql`SELECT occurred_at AS at, count(*) AS n FROM events WHERE occurred_at >= ${occurredAt.getTime()} GROUP BY occurred_at`,
    );
    expect(raw.rows).toEqual([{ at: occurredAt.getTime(), n: 1 }]);
  });

  it("honours sslmode in the URL", async () => {
    const ask = async (sslmode: string) => {
      const url = new URL(store.url);
      url.searchParams.set("sslmode", sslmode);
      const probe = openPostgresStore(url.toString(), { poolSize: 1 });
      try {
        // The pool itself, not drizzle, so that a refused connection's own error comes through.
        const result = await probe.postgres.$client.query<{ ssl: boolean }>("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        return result.rows[0]!.ssl;
      } finally {
        await probe.close();
      }
    };
    expect(await ask("disable")).toBe(false);
    const serverSsl = await store.postgres.execute<{ ssl: string }>(sql`SHOW ssl`);
    if (serverSsl.rows[0]!.ssl === "on") expect(await ask("no-verify")).toBe(true);
    else await expect(ask("no-verify")).rejects.toThrow(/does not support SSL/);
  });
});
