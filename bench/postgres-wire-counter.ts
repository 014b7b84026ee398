import { createConnection, createServer, type Socket } from "node:net";

/** What went over the wire between Steward and PostgreSQL since the last reset. */
export interface WireCounts {
  /** Requests that each wait for the server's answer: a simple query, or an extended one's Sync. */
  roundTrips: number;
  /** Transactions committed (a COMMIT sent). */
  commits: number;
  /** Time from each request to the server's ReadyForQuery, summed over all: the time spent waiting on PostgreSQL. */
  waitMs: number;
}

export interface WireCounter {
  /** `databaseUrl` with the counter's address in place of the server's. */
  url: string;
  counts(): WireCounts;
  reset(): void;
  close(): Promise<void>;
}

/** The first bytes of an SSLRequest or GSSENCRequest: what follows is encrypted and cannot be read. */
const ENCRYPTION_REQUESTS = new Set([80877103, 80877104]);

/**
 * A TCP proxy in front of a PostgreSQL server that reads the wire protocol as it passes and counts
 * Steward's round trips and commits, without a line of bench code in the server under test (and
 * without pg_stat_statements, which needs a server restart to load). node-postgres sends one query
 * at a time per connection, so each ReadyForQuery answers the oldest request waiting on it. The
 * proxy costs each round trip a hop: it counts, it is not used to time throughput.
 */
export async function startWireCounter(databaseUrl: string): Promise<WireCounter> {
  const upstream = new URL(databaseUrl);
  const sslmode = upstream.searchParams.get("sslmode");
  if (sslmode !== null && sslmode !== "disable") throw new Error(`the wire counter reads unencrypted connections only (sslmode=${sslmode})`);
  let counts: WireCounts = { roundTrips: 0, commits: 0, waitMs: 0 };
  let encrypted = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const database = createConnection({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    for (const socket of [client, database]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        database.destroy();
      });
    }
    const waiting: number[] = [];
    const request = (at: number) => {
      counts.roundTrips++;
      waiting.push(at);
    };
    const fromClient = messages(true, (type, body) => {
      if (type === STARTUP) {
        if (ENCRYPTION_REQUESTS.has(body.readInt32BE(0))) encrypted = true;
      } else if (type === 0x51 /* Q: simple query */) {
        request(performance.now());
        if (isCommit(body)) counts.commits++;
      } else if (type === 0x50 /* P: parse, a name then the statement */) {
        if (isCommit(body.subarray(body.indexOf(0) + 1))) counts.commits++;
      } else if (type === 0x53 /* S: sync, which ends an extended query */) {
        request(performance.now());
      }
    });
    const fromServer = messages(false, (type) => {
      // The ReadyForQuery after the login answers no request.
      if (type === 0x5a /* Z: ready for query */ && waiting.length > 0) counts.waitMs += performance.now() - waiting.shift()!;
    });
    client.on("data", (chunk: Buffer) => {
      fromClient(chunk);
      database.write(chunk);
    });
    database.on("data", (chunk: Buffer) => {
      fromServer(chunk);
      client.write(chunk);
    });
    client.on("end", () => database.end());
    database.on("end", () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as { port: number }).port);
  return {
    url: proxied.toString(),
    counts() {
      if (encrypted) throw new Error("a connection through the wire counter asked for encryption: nothing it counted can be trusted");
      return { ...counts };
    },
    reset() {
      counts = { roundTrips: 0, commits: 0, waitMs: 0 };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The type the parser gives a connection's first message, which has no type byte. */
const STARTUP = -1;

const isCommit = (statement: Buffer) => /^\s*commit\b/i.test(statement.toString("utf8", 0, Math.min(statement.length, 16)));

/**
 * Splits one direction of a connection into messages: a type byte, then a length that counts
 * itself and the body. The client's first message (startup, or a request for encryption) has no
 * type byte; it is handed over as STARTUP with its body.
 */
function messages(startsUntyped: boolean, onMessage: (type: number, body: Buffer) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let untyped = startsUntyped;
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const header = untyped ? 4 : 5;
      if (pending.length < header) return;
      const end = untyped ? pending.readInt32BE(0) : 1 + pending.readInt32BE(1);
      if (pending.length < end) return;
      onMessage(untyped ? STARTUP : pending[0]!, pending.subarray(header, end));
      untyped = false;
      pending = pending.subarray(end);
    }
  };
}
