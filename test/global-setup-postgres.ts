import pg from "pg";

/**
 * The PostgreSQL leg's gate, before any test file runs. Without TEST_POSTGRES_URL the store's
 * PostgreSQL tests are skipped, and this says so in one line rather than in a skip per test. With
 * it set, the server must answer: a run meant to cover PostgreSQL fails here, naming the URL,
 * instead of passing with that leg silently missing.
 */
export default async function checkPostgres(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    console.log("PostgreSQL leg skipped: TEST_POSTGRES_URL is not set (e.g. TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npm test)");
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A refused connection is reported by connect(); this keeps a late socket error from crashing the run instead.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL does not answer at ${redacted(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}
