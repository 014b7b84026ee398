import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteClientOf } from "../../src/store/engine.js";
import { openSqliteStore, type Store } from "../../src/store/db.js";
import { companyCounts, companySpellings, memberCounts } from "../../src/store/schema.js";
import { migrationsBefore } from "../helpers/migrations-before.js";

describe("migration 0005_member_counters", () => {
  let dir: string;
  let store: Store;
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("initialises the counters from the members already folded, then keeps them with its triggers", async () => {
    dir = mkdtempSync(join(tmpdir(), "steward-migration-"));
    store = openSqliteStore(join(dir, "steward.db"));
    migrate(store.db, { migrationsFolder: migrationsBefore(dir, "0005_member_counters") });
    const insert = sqliteClientOf(store.db)!.prepare(
      `INSERT INTO community_members (repository_id, login, actor_type, maintainer_seen, first_starred_at, first_participated_at, first_active_at, last_active_at, is_bot, community, starred, company_key, company)
       VALUES (?, ?, 'User', 0, ?, ?, 1, 2, 0, ?, ?, ?, ?)`,
    );
    // repository, login, starred at, participated at, community, starred, company key, company
    const members: Array<[number, string, number | null, number | null, number, number, string | null, string | null]> = [
      [1, "ann", 1, null, 1, 1, "acme", "Acme"],
      [1, "bob", 1, 1, 1, 1, "acme", "@acme"],
      [1, "cat", null, 1, 1, 0, "initech", "Initech"],
      [1, "dan", 1, 1, 0, 1, "acme", "Acme"],
      [1, "eve", 1, null, 1, 0, null, null],
      [2, "fay", null, 1, 1, 0, "acme", "Acme"],
    ];
    for (const m of members) insert.run(...m);

    // Up to 0007: 0008 folds the members again by account id (test/store/people-migration.test.ts).
    migrate(store.db, { migrationsFolder: migrationsBefore(dir, "0008_people_by_account_id") });
    const sortBy = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sortBy(store.db.select().from(memberCounts).all(), (r) => `${r.repositoryId}`)).toEqual([
      { repositoryId: 1, stargazers: 2, participants: 2 },
      { repositoryId: 2, stargazers: 0, participants: 1 },
    ]);
    expect(sortBy(store.db.select().from(companyCounts).all(), (r) => `${r.repositoryId}/${r.companyKey}`)).toEqual([
      { repositoryId: 1, companyKey: "acme", stargazers: 2, participants: 1, people: 2 },
      { repositoryId: 1, companyKey: "initech", stargazers: 0, participants: 1, people: 1 },
      { repositoryId: 2, companyKey: "acme", stargazers: 0, participants: 1, people: 1 },
    ]);
    expect(
      store.db
        .select()
        .from(companySpellings)
        .all()
        .filter((r) => r.repositoryId === 1 && r.companyKey === "acme")
        .map((r) => [r.company, r.people]),
    ).toEqual(
      expect.arrayContaining([
        ["Acme", 1],
        ["@acme", 1],
      ]),
    );

    // From here the triggers keep them: a member becomes a stargazer and moves to another company.
    sqliteClientOf(store.db)!
      .prepare(`UPDATE community_members SET starred = 1, company_key = 'initech', company = 'Initech' WHERE login = 'cat'`)
      .run();
    sqliteClientOf(store.db)!.prepare(`DELETE FROM community_members WHERE login = 'ann'`).run();
    expect(
      store.db
        .select()
        .from(memberCounts)
        .all()
        .find((r) => r.repositoryId === 1),
    ).toEqual({ repositoryId: 1, stargazers: 2, participants: 2 });
    expect(
      store.db
        .select()
        .from(companyCounts)
        .all()
        .filter((r) => r.repositoryId === 1)
        .map((r) => [r.companyKey, r.stargazers, r.participants, r.people])
        .sort(),
    ).toEqual([
      ["acme", 1, 1, 1],
      ["initech", 1, 1, 1],
    ]);
  });
});
