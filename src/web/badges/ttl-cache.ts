/**
 * A small in-memory cache whose entries live `ttlMs` and of which at most `maxEntries` are kept,
 * the least recently used leaving first: a popular README is served from memory, and a crawler
 * asking for many repositories cannot make it grow without bound. Time is passed in, so the
 * caller's injected clock decides when an entry is stale.
 */
export interface TtlCache<V> {
  get(key: string, nowMs: number): V | undefined;
  set(key: string, value: V, nowMs: number): void;
  delete(key: string): void;
  readonly size: number;
}

export function ttlCache<V>({ ttlMs, maxEntries }: { ttlMs: number; maxEntries: number }): TtlCache<V> {
  // A Map iterates in insertion order; re-inserting on each hit keeps the least recently used first.
  const entries = new Map<string, { value: V; storedAt: number }>();
  return {
    get(key, nowMs) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      // A clock set back counts as stale too: an entry "from the future" cannot be trusted to be fresh.
      if (nowMs - entry.storedAt >= ttlMs || nowMs < entry.storedAt) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, nowMs) {
      entries.delete(key);
      entries.set(key, { value, storedAt: nowMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
