import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** How often the worker copies the WAL back into the database file. */
const PERIOD_MS = 250;
/** SQLite's own default, put back if the worker dies: pages of WAL after which a commit checkpoints. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * The worker's code, CommonJS as `eval` workers run: its own connection to the file, checkpointing
 * PASSIVE (it never waits for, nor blocks, the server's connection) until told to stop.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.periodMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** A running checkpointer: `stop` ends the worker and closes its connection. */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Moves the WAL checkpoints of `sqlite` (a file in WAL mode) to a worker thread. SQLite runs a
 * checkpoint inside the commit that takes the WAL past 1,000 pages: it copies those pages into the
 * database file and waits for the disk twice (fsync), on the thread that committed, which for the
 * server is the event loop. A fold writing random member rows of a large table passes that mark at
 * nearly every commit, and the checkpoints were most of its time and its longest steps
 * (test/bench/README.md, 3b). Here the server's connection never checkpoints and the worker's
 * does, every PERIOD_MS; should the worker fail, the connection checkpoints itself again.
 */
export function startWalCheckpointer(sqlite: Database.Database, path: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, periodMs: PERIOD_MS } });
  sqlite.pragma("wal_autocheckpoint = 0");
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const fallBack = () => {
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.once("error", fallBack);
  worker.once("exit", fallBack);
  // The thread alone never keeps the process alive.
  worker.unref();
  return {
    async stop() {
      stopping = true;
      // Held by the worker until it has closed its connection: an unref'd thread would be left behind as the process ends.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
