import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestStore, describeOnPostgres } from "../helpers/postgres-test-database.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

/**
 * The member counters are hand-written triggers on each engine (SQLite: migrations/sqlite 0005 and
 * 0008; PostgreSQL: migrations/postgres 0001). The same changes to community_members, in plain SQL
 * that both engines read alike, must leave the same member_counts, company_counts and
 * company_spellings on both, and on each the counts must equal the sums over the members.
 */

type Row = Record<string, unknown>;
/** Runs one statement, or reads rows, on one engine. */
interface Engine {
  run(statement: string): Promise<void>;
  rows(query: string): Promise<Row[]>;
}

interface Member {
  repo: number;
  id: number | null;
  login: string;
  community: boolean;
  starred: boolean;
  participated: number | null;
  key: string | null;
  company: string | null;
}

const literal = (value: string | number | boolean | null) => (value === null ? "NULL" : typeof value === "string" ? `'${value}'` : String(value));

function insert(m: Member): string {
  const values = [m.repo, m.id, m.login, "User", !m.community, m.participated, 1, 2, false, m.community, m.starred, m.key, m.company];
  return `INSERT INTO community_members (repository_id, user_id, login, actor_type, maintainer_seen, first_participated_at, first_active_at, last_active_at, is_bot, community, starred, company_key, company) VALUES (${values.map(literal).join(", ")})`;
}

const member = (repo: number, id: number | null, login: string, change: Partial<Member>): Member => ({
  repo,
  id,
  login,
  community: true,
  starred: false,
  participated: null,
  key: null,
  company: null,
  ...change,
});

/** Each kind of change the fold makes: new members in each stage, moves between stages, companies and repositories, deletions. */
const STEPS = [
  insert(member(1, 1, "ann", { starred: true, key: "acme", company: "Acme" })),
  insert(member(1, 2, "bob", { starred: true, participated: 3, key: "acme", company: "@acme" })),
  insert(member(1, 3, "cat", { participated: 4, key: "initech", company: "Initech" })),
  insert(member(1, 4, "dan", { community: false, starred: true, participated: 4, key: "acme", company: "Acme" })),
  insert(member(1, 5, "eve", { starred: true })),
  insert(member(2, 6, "fay", { participated: 5, key: "acme", company: "Acme" })),
  insert(member(1, 7, "gus", { starred: true, key: "umbrella" })),
  insert(member(1, null, "hal", {})),
  "UPDATE community_members SET last_active_at = 9 WHERE repository_id = 1",
  "UPDATE community_members SET starred = true, company_key = 'acme', company = 'Acme' WHERE login = 'cat'",
  "UPDATE community_members SET starred = false WHERE login = 'ann'",
  "UPDATE community_members SET company = 'ACME' WHERE login = 'bob'",
  "UPDATE community_members SET community = true, maintainer_seen = false WHERE login = 'dan'",
  "UPDATE community_members SET community = false, maintainer_seen = true WHERE login = 'eve'",
  "UPDATE community_members SET first_participated_at = 5 WHERE login = 'hal'",
  "UPDATE community_members SET repository_id = 1 WHERE login = 'fay'",
  "UPDATE community_members SET company_key = NULL WHERE login = 'gus'",
  "DELETE FROM community_members WHERE login IN ('ann', 'bob')",
  "DELETE FROM community_members WHERE login IN ('cat', 'dan', 'hal')",
];

/** Rows as sorted JSON lines: the engines order text differently, so neither is asked to sort. */
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();
/** A counter row left at zero once its members went: it stands for no one, so no sum has it. */
const counted = (rows: Row[]) => rows.filter((r) => r.stargazers !== 0 || r.participants !== 0 || (r.people ?? 0) !== 0);

/** The three counter tables; with `onlyCounted`, without their rows at zero. */
async function counters(engine: Engine, onlyCounted = false) {
  const read = async (query: string) => sorted(onlyCounted ? counted(await engine.rows(query)) : await engine.rows(query));
  return {
    members: await read("SELECT repository_id, stargazers, participants FROM member_counts"),
    companies: await read("SELECT repository_id, company_key, stargazers, participants, people FROM company_counts"),
    spellings: await read("SELECT repository_id, company_key, company, stargazers, participants, people FROM company_spellings"),
  };
}

const STARGAZER = "CASE WHEN community AND starred THEN 1 ELSE 0 END";
const PARTICIPANT = "CASE WHEN community AND first_participated_at IS NOT NULL THEN 1 ELSE 0 END";
const COUNTED = "community AND (starred OR first_participated_at IS NOT NULL)";

/** The same counts summed over community_members. */
async function recount(engine: Engine) {
  const sums = `sum(${STARGAZER}) AS stargazers, sum(${PARTICIPANT}) AS participants`;
  const read = async (query: string) => sorted(await engine.rows(query));
  return {
    members: await read(`SELECT repository_id, ${sums} FROM community_members WHERE ${COUNTED} GROUP BY repository_id`),
    companies: await read(
      `SELECT repository_id, company_key, ${sums}, count(*) AS people FROM community_members WHERE ${COUNTED} AND company_key IS NOT NULL GROUP BY repository_id, company_key`,
    ),
    spellings: await read(
      `SELECT repository_id, company_key, company, ${sums}, count(*) AS people FROM community_members WHERE ${COUNTED} AND company_key IS NOT NULL AND company IS NOT NULL GROUP BY repository_id, company_key, company`,
    ),
  };
}

describe("the member counters on SQLite", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  let sqlite: Engine;
  beforeAll(async () => {
    store = await createSqliteTestStore();
    sqlite = { run: async (s) => void store.sqlite.exec(s), rows: async (q) => store.sqlite.prepare(q).all() as Row[] };
  });
  afterAll(() => store?.dispose());

  it("equal the sums over the members after every change", async () => {
    for (const step of STEPS) {
      await sqlite.run(step);
      expect(await counters(sqlite, true), step).toEqual(await recount(sqlite));
    }
    // Left: fay (repository 1 now, participant at Acme); gus starred without a company; eve no longer counted.
    expect((await counters(sqlite, true)).members).toEqual(['{"repository_id":1,"stargazers":1,"participants":1}']);
  });
});

describeOnPostgres("the member counters on PostgreSQL", () => {
  let sqliteStore: Awaited<ReturnType<typeof createSqliteTestStore>>;
  let postgresStore: Awaited<ReturnType<typeof createPostgresTestStore>>;
  let sqlite: Engine;
  let postgres: Engine;
  beforeAll(async () => {
    sqliteStore = await createSqliteTestStore();
    postgresStore = await createPostgresTestStore();
    sqlite = { run: async (s) => void sqliteStore.sqlite.exec(s), rows: async (q) => sqliteStore.sqlite.prepare(q).all() as Row[] };
    postgres = {
      run: async (s) => void (await postgresStore.postgres.$client.query(s)),
      rows: async (q) => (await postgresStore.postgres.$client.query(q)).rows as Row[],
    };
  });
  afterAll(async () => {
    sqliteStore?.dispose();
    await postgresStore?.dispose();
  });

  it("are what SQLite's triggers keep, change by change, and equal the sums over the members", async () => {
    for (const step of STEPS) {
      await sqlite.run(step);
      await postgres.run(step);
      expect(await counters(postgres), step).toEqual(await counters(sqlite));
      expect(await counters(postgres, true), step).toEqual(await recount(postgres));
    }
  });
});
