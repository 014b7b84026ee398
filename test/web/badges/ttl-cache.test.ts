import { describe, expect, it } from "vitest";
import { ttlCache } from "../../../src/web/badges/ttl-cache.js";

describe("ttlCache", () => {
  it("keeps an entry for its lifetime only", () => {
    const cache = ttlCache<string>({ ttlMs: 1000, maxEntries: 10 });
    cache.set("a", "A", 5000);
    expect(cache.get("a", 5999)).toBe("A");
    expect(cache.get("a", 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("treats an entry stored after `now` (a clock set back) as stale", () => {
    const cache = ttlCache<string>({ ttlMs: 1000, maxEntries: 10 });
    cache.set("a", "A", 5000);
    expect(cache.get("a", 4000)).toBeUndefined();
  });

  it("lets the least recently used entry go first when full", () => {
    const cache = ttlCache<number>({ ttlMs: 1000, maxEntries: 2 });
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    expect(cache.get("a", 1)).toBe(1);
    cache.set("c", 3, 2);
    expect(cache.size).toBe(2);
    expect(cache.get("b", 3)).toBeUndefined();
    expect(cache.get("a", 3)).toBe(1);
    expect(cache.get("c", 3)).toBe(3);
  });
});
