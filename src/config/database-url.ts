import { resolve } from "node:path";

/** Where the metrics live, as DATABASE_URL names it. */
export type DatabaseTarget =
  | { engine: "sqlite" /** Absolute path of the file, or ":memory:". */; path: string }
  | { engine: "postgres"; url: string /** Connections this process opens at most (DATABASE_POOL_SIZE). */; poolSize: number };

/**
 * Reads DATABASE_URL: `postgres://` or `postgresql://` names a PostgreSQL database; a plain path,
 * `file:path`, `sqlite:path` or `sqlite://path` a SQLite file (relative to `cwd`). Throws with a
 * message that names the variable.
 */
export function databaseTargetFrom(url: string, cwd: string, poolSize: number): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { engine: "postgres", url: checkedPostgresUrl(url), poolSize };
  const sqliteUrl = /^(sqlite:(\/\/)?|file:)/;
  if (!sqliteUrl.test(url) && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`DATABASE_URL: unsupported database "${url.split(":")[0]}"; use postgres://... or a SQLite file path`);
  }
  const path = url.replace(sqliteUrl, "");
  if (path === "") throw new Error(`DATABASE_URL: no file path in "${url}"`);
  return { engine: "sqlite", path: path === ":memory:" ? path : resolve(cwd, path) };
}

const SSL_MODES = ["disable", "prefer", "require", "verify-ca", "verify-full", "no-verify"];

/** A PostgreSQL URL with a host and a database name; the message never repeats a password. */
function checkedPostgresUrl(url: string): string {
  if (!URL.canParse(url))
    throw new Error("DATABASE_URL: not a valid postgres:// URL (check that special characters in the password are percent-encoded)");
  const parsed = new URL(url);
  if (parsed.hostname === "") throw new Error("DATABASE_URL: the postgres:// URL names no host");
  if (parsed.pathname.length <= 1) throw new Error("DATABASE_URL: the postgres:// URL names no database (postgres://user@host:5432/<database>)");
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode !== null && !SSL_MODES.includes(sslmode)) {
    throw new Error(`DATABASE_URL: sslmode must be one of ${SSL_MODES.join(", ")}, got "${sslmode}"`);
  }
  return url;
}

/** The target for logs and errors: the file, or the URL without its password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.path;
  if (!URL.canParse(target.url)) return "(a PostgreSQL URL)";
  const parsed = new URL(target.url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
