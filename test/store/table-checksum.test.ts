import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COPIED_TABLES } from "../../src/store/copy/copy-tables.js";
import { inSqliteSnapshot, sqliteRowPages } from "../../src/store/copy/read-rows.js";
import { canonicalJson, type Row, TableChecksum } from "../../src/store/copy/table-checksum.js";
import { fillEveryTable } from "../helpers/every-table-fixture.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

const checksum = (rows: Row[]) => {
  const sum = new TableChecksum();
  for (const row of rows) sum.add(row);
  return { rows: sum.rows, hex: sum.hex };
};

const ROWS: Row[] = [
  { id: 1, login: "alice", data: { b: 1, a: [1, { y: 2, x: null }] }, at: new Date(1_700_000_000_123), pull: true },
  { id: 2, login: "bob", data: null, at: new Date(0), pull: false },
  { id: 3, login: "zoë", data: { company: "Société" }, at: new Date(1), pull: null },
];

describe("a table's checksum", () => {
  it("changes when one value of one row changes, so a verification can fail", () => {
    const before = checksum(ROWS);
    for (const changed of [
      { ...ROWS[1]!, login: "bobby" },
      { ...ROWS[1]!, at: new Date(1) },
      { ...ROWS[1]!, pull: true },
      { ...ROWS[1]!, data: {} },
      { ...ROWS[1]!, id: 4 },
    ]) {
      const after = checksum([ROWS[0]!, changed, ROWS[2]!]);
      expect(after.rows).toBe(before.rows);
      expect(after.hex, JSON.stringify(changed)).not.toBe(before.hex);
    }
    // A change deep inside a JSON column counts as much.
    expect(checksum([{ ...ROWS[0]!, data: { b: 1, a: [1, { y: 3, x: null }] } }, ROWS[1]!, ROWS[2]!]).hex).not.toBe(before.hex);
  });

  it("does not depend on the order rows come in, nor on the order of a JSON object's keys", () => {
    const reordered = [ROWS[2]!, ROWS[0]!, ROWS[1]!].map((row) => Object.fromEntries(Object.entries(row).reverse()));
    reordered[1]!.data = { a: [1, { x: null, y: 2 }], b: 1 };
    expect(checksum(reordered)).toEqual(checksum(ROWS));
  });

  it("counts a row present twice, a row missing and a null apart from a missing key", () => {
    const all = checksum(ROWS).hex;
    expect(checksum([...ROWS, ROWS[0]!]).hex).not.toBe(all);
    expect(checksum(ROWS.slice(1)).hex).not.toBe(all);
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(checksum([]).hex).toBe("0".repeat(64));
  });

  it("reads times as their milliseconds and JSON with sorted keys", () => {
    expect(canonicalJson({ b: new Date(5), a: { d: [true], c: 1.5 } })).toBe('{"a":{"c":1.5,"d":[true]},"b":5}');
  });
});

describe("the copy's view of a SQLite store", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  beforeAll(async () => {
    store = await createSqliteTestStore();
    await fillEveryTable(store.db);
  });
  afterAll(() => store?.dispose());

  it("copies every table the database has but drizzle's migrations, and the fixture gives each a row", () => {
    const tables = store.db.$client
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`)
      .pluck()
      .all();
    expect(COPIED_TABLES.map((table) => table.name).sort()).toEqual(tables);
    const empty = COPIED_TABLES.filter((table) => store.db.$client.prepare(`SELECT count(*) FROM "${table.name}"`).pluck().get() === 0);
    expect(empty.map((table) => table.name)).toEqual([]);
  });

  it("reads each table whole in pages of any size, with the same checksum", async () => {
    await inSqliteSnapshot(store.db, async () => {
      for (const table of COPIED_TABLES) {
        const rowCount = store.db.$client.prepare(`SELECT count(*) FROM "${table.name}"`).pluck().get();
        const [byOne, byMany] = [1, 1_000].map((size) => checksum([...sqliteRowPages(store.db, table.sqlite, size)].flat()));
        expect(byOne, table.name).toEqual(byMany);
        expect(byOne!.rows, table.name).toBe(rowCount);
      }
    });
  });
});
