import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteClientOf } from "../../src/store/engine.js";
import { openSqliteStore, type Store } from "../../src/store/db.js";
import { refreshMemberProjection } from "../../src/store/member-projection.js";
import { applyMigrations } from "../../src/store/migrate.js";
import { migrationsBefore } from "../helpers/migrations-before.js";

const REPO = 10;

/**
 * Migration 0008 on a database of the 0007 era, where people were keyed by login: a renamed
 * account (id 7, "alice" then "alicia") was a second contributor, a second stargazer and welcomed
 * twice. Its data is carried over keyed by account id, and what no id is known for stays keyed by login.
 */
describe("migration 0008_people_by_account_id", () => {
  let dir: string;
  let store: Store;
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("carries people over by account id, merges a renamed account's rows, and folds the members again", async () => {
    dir = mkdtempSync(join(tmpdir(), "steward-migration-"));
    store = openSqliteStore(join(dir, "steward.db"));
    migrate(store.db, { migrationsFolder: migrationsBefore(dir, "0008_people_by_account_id") });
    const sql = sqliteClientOf(store.db)!;
    const run = (text: string, ...rows: unknown[][]) => {
      const statement = sql.prepare(text);
      for (const row of rows) statement.run(...row);
    };
    run(`INSERT INTO repositories (id, installation_id, owner, name, full_name, registered_at) VALUES (?, 1, 'acme', 'widget', 'acme/widget', 0)`, [
      REPO,
    ]);
    // repository, natural key, kind, login, id, item, time
    run(
      `INSERT INTO events (repository_id, natural_key, kind, actor_login, actor_id, actor_type, item_number, occurred_at) VALUES (?, ?, ?, ?, ?, 'User', ?, ?)`,
      [REPO, "star:alice:1000", "star.created", "alice", 7, null, 1000],
      [REPO, "star:alicia:1000", "star.created", "alicia", 7, null, 1000],
      [REPO, "pr:1:merged", "pull_request.merged", "alice", 7, 1, 2000],
      [REPO, "pr:2:merged", "pull_request.merged", "alicia", 7, 2, 5000],
      [REPO, "comment:3:created", "issue_comment.created", "alicia", 7, 1, 6000],
      // A backfilled fact stored without an id: its login's id is known from the ledger.
      [REPO, "issue:4:opened", "issues.opened", "carol", null, 3, 3000],
      [REPO, "issue:5:opened", "issues.opened", "carol", 9, 4, 4000],
      [REPO, "star:ghostly:7000", "star.created", "ghostly", null, null, 7000],
    );
    run(
      `INSERT INTO contributors (repository_id, login, user_id, number, first_contributed_at, first_pull_number, source) VALUES (?, ?, ?, ?, ?, ?, 'webhook')`,
      [REPO, "pioneer", null, 1, 500, null],
      [REPO, "alice", 7, 2, 2000, 1],
      [REPO, "alicia", 7, 3, 5000, 2],
    );
    run(
      `INSERT INTO milestone_crossings (repository_id, metric, threshold, crossed_at, value, login, item_number) VALUES (?, 'contributors', ?, ?, ?, ?, ?)`,
      [REPO, 3, 5000, 3, "alicia", 2],
    );
    run(
      `INSERT INTO user_profiles (login, user_id, company, company_key, fetched_at) VALUES (?, ?, ?, ?, ?)`,
      ["alice", 7, "Old Co", "oldco", 100],
      ["alicia", 7, "New Co", "newco", 200],
      ["carol", null, "Carol Inc", "carol", 100],
      ["nobody", null, "Gone", "gone", 100],
    );
    run(`INSERT INTO lead_signals (repository_id, natural_key, login, item_number, terms, occurred_at) VALUES (?, ?, ?, 1, '["SSO"]', ?)`, [
      REPO,
      "comment:3:created",
      "alicia",
      6000,
    ]);
    run(
      `INSERT INTO side_effects (repository_id, kind, subject, period, state, claimed_at) VALUES (?, ?, ?, '', ?, 0)`,
      [REPO, "welcome.first-issue", "alice", "done"],
      [REPO, "welcome.first-issue", "alicia", "done"],
      [REPO, "welcome.first-pr", "carol", "claimed"],
      [REPO, "welcome.milestone", "contributors-3", "done"],
    );
    // The member projection as 0007 left it: two rows for one account, counted twice.
    run(
      `INSERT INTO community_members (repository_id, login, actor_type, maintainer_seen, first_starred_at, last_starred_at, first_active_at, last_active_at, community, starred)
       VALUES (?, ?, 'User', 0, 1000, 1000, 1000, 6000, 1, 1)`,
      [REPO, "alice"],
      [REPO, "alicia"],
    );
    run(`INSERT INTO projection_watermarks (repository_id, projection, last_event_id) VALUES (?, 'community_members', 999)`, [REPO]);
    expect(sql.prepare(`SELECT stargazers FROM member_counts WHERE repository_id = ?`).pluck().get(REPO)).toBe(2);

    await applyMigrations(store.db);
    const all = (text: string) => sql.prepare(text).raw().all();

    expect(all(`SELECT natural_key, actor_id FROM events WHERE kind IN ('star.created', 'issues.opened') ORDER BY natural_key`)).toEqual([
      ["issue:4:opened", 9],
      ["issue:5:opened", 9],
      ["star:ghostly:7000", null],
      ["star:id:7:1000", 7],
    ]);
    expect(
      all(`SELECT login, user_id, number, first_contributed_at, first_pull_number, login_seen_at FROM contributors ORDER BY first_contributed_at`),
    ).toEqual([
      ["pioneer", null, 1, 500, null, null],
      ["alicia", 7, 2, 2000, 1, 6000],
    ]);
    expect(all(`SELECT threshold, login, user_id FROM milestone_crossings`)).toEqual([[3, "alicia", 7]]);
    expect(all(`SELECT login, user_id, company FROM user_profiles ORDER BY user_id`)).toEqual([
      ["alicia", 7, "New Co"],
      ["carol", 9, "Carol Inc"],
    ]);
    expect(all(`SELECT login, user_id FROM lead_signals`)).toEqual([["alicia", 7]]);
    expect(all(`SELECT kind, subject, state FROM side_effects ORDER BY kind, subject`)).toEqual([
      ["welcome.first-issue", "alicia", "done"],
      ["welcome.first-issue", "id:7", "done"],
      ["welcome.first-pr", "id:9", "claimed"],
      ["welcome.milestone", "contributors-3", "done"],
    ]);

    // The projection is folded again from the ledger, by account id, and the counters follow it.
    expect(all(`SELECT count(*) FROM community_members`)).toEqual([[0]]);
    expect(all(`SELECT count(*) FROM member_counts`)).toEqual([[0]]);
    await refreshMemberProjection(store.db, REPO);
    expect(all(`SELECT user_id, login, starred, company_key FROM community_members ORDER BY login`)).toEqual([
      [7, "alicia", 1, "newco"],
      [9, "carol", 0, "carol"],
      [null, "ghostly", 1, null],
    ]);
    expect(all(`SELECT stargazers, participants FROM member_counts WHERE repository_id = ${REPO}`)).toEqual([[2, 2]]);
    expect(all(`SELECT company_key, people FROM company_counts ORDER BY company_key`)).toEqual([
      ["carol", 1],
      ["newco", 1],
    ]);
  });
});
