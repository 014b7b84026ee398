import type Database from "better-sqlite3";
import { type DB, runStatement, selectRows, sqlFromText, sqliteClientOf } from "./engine.js";

/**
 * The member projection's statements (member-projection.ts), written once in the SQL both engines
 * speak, and how a transaction runs them on each.
 */

/** The values a statement binds, by the name its text gives each (`@name`). */
type Values = Record<string, string | number | null>;

/** A statement as both engines run it: its text with `?` placeholders, and the name each one binds, in order. */
interface Statement {
  text: string;
  binds: readonly string[];
}

/**
 * A statement written with `@name` placeholders, which read better where one value appears several
 * times, as positional ones: SQLite prepares the text, PostgreSQL numbers its `?`s (sqlFromText).
 */
function statement(text: string): Statement {
  const binds: string[] = [];
  return { text: text.replace(/@(\w+)/g, (_, name: string) => (binds.push(name), "?")), binds };
}

function bind(s: Statement, values: Values): Array<string | number | null> {
  return s.binds.map((name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for @${name} in: ${s.text}`);
    return value;
  });
}

/** How each folded column merges a stored and an incoming value. */
const MERGES = {
  actor_type: "max",
  maintainer_seen: "max",
  first_starred_at: "min",
  last_starred_at: "max",
  last_unstarred_at: "max",
  first_forked_at: "min",
  first_participated_at: "min",
  first_active_at: "min",
  last_active_at: "max",
} as const;

type FoldedColumn = keyof typeof MERGES | "login";

/**
 * The derived flags of a row, from its folded columns as `column` spells them: the parameters of
 * a new row, or the merged values of an updated one. One definition for both, so they agree.
 * `is_bot` is the twin of `isBot` (src/people/roles.ts) less the config's list, applied when counting.
 * Each is a boolean on PostgreSQL and 0 or 1 on SQLite, as the counters' triggers take them.
 */
function derivedFlags(column: (name: FoldedColumn) => string) {
  const bot = `(${column("actor_type")} = 'Bot' OR lower(${column("login")}) LIKE '%[bot]')`;
  return {
    is_bot: bot,
    community: `(NOT ${bot} AND NOT ${column("maintainer_seen")})`,
    starred: `((${column("first_starred_at")} IS NOT NULL AND NOT coalesce(${column("last_unstarred_at")} >= ${column("last_starred_at")}, false))
      OR ${column("first_forked_at")} IS NOT NULL)`,
  };
}

const FOLDED = Object.keys(MERGES) as Array<keyof typeof MERGES>;

/**
 * A parameter as an expression of its column's type: PostgreSQL cannot tell the type of a bare
 * parameter in `? IS NOT NULL` or `? >= ?` (it would compare times as text). SQLite's CAST to these
 * names keeps integers integers and text text.
 */
const typed = (name: FoldedColumn) =>
  `CAST(@${name} AS ${name === "login" || name === "actor_type" ? "text" : name === "maintainer_seen" ? "boolean" : "bigint"})`;

/**
 * The smaller (or larger) of the stored and the incoming value, where either may be null, written
 * out: SQLite's max(a, b) is null if either is, PostgreSQL's greatest(a, b) ignores a null. The
 * login stays as stored: the upsert never sets it, as setting it, even to itself, rewrites the
 * row's entry in the lower(login) index, a random page of a large table (`rename` changes it).
 */
const merged = (name: FoldedColumn) => {
  const stored = `community_members.${name}`;
  if (name === "login") return stored;
  const keeps = MERGES[name] === "max" ? "<=" : ">=";
  return `(CASE WHEN excluded.${name} IS NULL OR excluded.${name} ${keeps} ${stored} THEN ${stored} ELSE excluded.${name} END)`;
};

/** A new row takes its company from the stored profile; saving a profile updates existing rows. */
const profile = (column: string) =>
  `(SELECT p.${column} FROM user_profiles p WHERE p.user_id = @user_id AND p.company_key <> '' AND p.company <> '')`;

/**
 * One statement per member: the flags are computed from the merged values in the same write. A
 * person is their account id; facts without one are folded by login (docs/architecture.md, "Words").
 */
function upsert(byId: boolean): Statement {
  const inserted = derivedFlags(typed);
  const updated = derivedFlags(merged);
  return statement(
    `INSERT INTO community_members (repository_id, user_id, login, ${FOLDED.join(", ")}, is_bot, community, starred, company_key, company)
     VALUES (@repository_id, @user_id, @login, ${FOLDED.map((c) => `@${c}`).join(", ")},
       ${inserted.is_bot}, ${inserted.community}, ${inserted.starred}, ${profile("company_key")}, ${profile("company")})
     ON CONFLICT ${byId ? "(repository_id, user_id)" : `(repository_id, login) WHERE "user_id" IS NULL`} DO UPDATE SET
       ${FOLDED.map((c) => `${c} = ${merged(c)}`).join(", ")},
       is_bot = ${updated.is_bot}, community = ${updated.community}, starred = ${updated.starred}`,
  );
}

/** Accounts per `storedLogins` statement: a fixed list (padded by repeating an id), so that one prepared statement serves every slice. */
export const LOGIN_READ_IDS = 250;

/**
 * The projection's statements, in the SQL both engines speak. The fold runs on every collection:
 * SQLite prepares them once per connection, as building a many-row upsert through the query
 * builder cost more than SQLite running it.
 */
export const STATEMENTS = {
  watermark: statement(`SELECT last_event_id AS id FROM projection_watermarks WHERE repository_id = @repository_id AND projection = @projection`),
  // `+repository_id` keeps the engine on the id range (SQLite's rowid): an index on the repository would walk its whole history.
  batch: statement(
    `SELECT id, kind, actor_id AS "userId", actor_login AS login, actor_type AS "actorType", association, occurred_at AS at
     FROM events WHERE id > @after AND +repository_id = @repository_id ORDER BY id LIMIT @limit`,
  ),
  lastEventId: statement(`SELECT max(id) AS id FROM events`),
  upsertById: upsert(true),
  upsertByLogin: upsert(false),
  // The stored logins of up to LOGIN_READ_IDS accounts, and the one rename the fold applies (member-renames.ts).
  storedLogins: statement(
    `SELECT user_id AS "userId", login, last_active_at AS "lastActiveAt" FROM community_members
     WHERE repository_id = @repository_id AND user_id IN (${Array.from({ length: LOGIN_READ_IDS }, (_, i) => `@id${i}`).join(", ")})`,
  ),
  rename: statement(`UPDATE community_members SET login = @login WHERE repository_id = @repository_id AND user_id = @user_id`),
  // Never back: a refresh that read less than another one (they overlap only when both read the
  // same facts, which folding twice leaves as they were) must not undo the other's progress.
  advance: statement(
    `INSERT INTO projection_watermarks (repository_id, projection, last_event_id) VALUES (@repository_id, @projection, @id)
     ON CONFLICT (repository_id, projection) DO UPDATE SET last_event_id = CASE
       WHEN excluded.last_event_id > projection_watermarks.last_event_id THEN excluded.last_event_id ELSE projection_watermarks.last_event_id END`,
  ),
};

/** Runs the projection's statements on a transaction's handle. */
export interface Runner {
  rows<T>(s: Statement, values: Values): T[] | Promise<T[]>;
  /**
   * The rows as arrays of their columns in the statement's order: SQLite builds an array per row
   * in about half the time it builds an object, which a first fold reading millions of events feels.
   */
  tuples<T extends unknown[]>(s: Statement, values: Values): T[] | Promise<T[]>;
  run(s: Statement, values: Values): unknown;
}

/** Per connection, each statement prepared once as it returns objects and once as it returns arrays. */
const prepared = new WeakMap<Database.Database, Map<Statement, Database.Statement>>();
const preparedRaw = new WeakMap<Database.Database, Map<Statement, Database.Statement>>();

/** SQLite: each statement prepared once per connection (the speed the benchmarks measure); PostgreSQL: the same text, bound per call. */
export function runnerOf(tx: DB): Runner {
  const sqlite = sqliteClientOf(tx);
  if (!sqlite) {
    return {
      rows: <T>(s: Statement, values: Values) => selectRows<T>(tx, sqlFromText(s.text, bind(s, values))),
      // pg gives each row's fields in the statement's column order.
      tuples: async <T extends unknown[]>(s: Statement, values: Values) =>
        (await selectRows<Record<string, unknown>>(tx, sqlFromText(s.text, bind(s, values)))).map((row) => Object.values(row) as T),
      run: (s, values) => runStatement(tx, sqlFromText(s.text, bind(s, values))),
    };
  }
  const prepare = preparer(sqlite, prepared, false);
  const prepareRaw = preparer(sqlite, preparedRaw, true);
  return {
    rows: <T>(s: Statement, values: Values) => prepare(s).all(...bind(s, values)) as T[],
    tuples: <T extends unknown[]>(s: Statement, values: Values) => prepareRaw(s).all(...bind(s, values)) as T[],
    run: (s, values) => prepare(s).run(...bind(s, values)),
  };
}

function preparer(sqlite: Database.Database, caches: WeakMap<Database.Database, Map<Statement, Database.Statement>>, raw: boolean) {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  const statements = cache;
  return (s: Statement) => {
    let p = statements.get(s);
    if (!p) {
      p = sqlite.prepare(s.text);
      if (raw) p.raw(true);
      statements.set(s, p);
    }
    return p;
  };
}
