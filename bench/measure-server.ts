import { WEBHOOK_PATH, type StewardServer } from "./bench-servers.js";
import type { LedgerCounts } from "./ledger-counts.js";
import { sendLoad, type LoadResult } from "./send-load.js";
import type { ServerProcess } from "./server-process.js";
import type { SignedDelivery } from "./signed-deliveries.js";

export const CONNECTIONS = 10;

export interface ServerMeasure {
  load: LoadResult;
  /** CPU time (user + system) the server spent per measured delivery, in microseconds. */
  cpuMicrosPerDelivery: number;
  /** Deliveries sent to this server in all, warm-up included. */
  sent: number;
  /** What Steward's ledger held at the end, when the measure counted it. */
  ledger?: LedgerCounts;
}

/**
 * Warms a server up, then measures it under `measured` deliveries at 10 connections. The server
 * is one started for this measure only and is stopped afterwards; `inspect` runs before the stop
 * (to count what Steward's ledger recorded).
 */
export async function measureServer<S extends ServerProcess>(
  server: S,
  delivery: (n: number) => SignedDelivery,
  sizes: { warmup: number; measured: number },
  inspect?: (server: S, sent: number) => Promise<LedgerCounts>,
): Promise<ServerMeasure> {
  try {
    const base = { url: server.url, path: WEBHOOK_PATH, connections: CONNECTIONS, delivery };
    await sendLoad({ ...base, amount: sizes.warmup, firstN: 0 });
    const before = await server.cpu();
    const load = await sendLoad({ ...base, amount: sizes.measured, firstN: sizes.warmup });
    const after = await server.cpu();
    const cpuMicros = after.user - before.user + (after.system - before.system);
    const sent = sizes.warmup + sizes.measured;
    const ledger = await inspect?.(server, sent);
    return { load, sent, ledger, cpuMicrosPerDelivery: cpuMicros / sizes.measured };
  } finally {
    await server.stop();
  }
}

/** Throws unless Steward's ledger holds exactly one delivery and one event per delivery sent. */
export async function expectEveryDeliveryRecorded(server: StewardServer, sent: number): Promise<LedgerCounts> {
  const counts = await server.ledger();
  if (counts.deliveries !== sent || counts.events !== sent) {
    throw new Error(`${server.label}: sent ${sent} deliveries, the ledger holds ${counts.deliveries} deliveries and ${counts.events} events`);
  }
  return counts;
}

/** The median of some numbers (of a few rounds, so one disturbed round does not decide). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
