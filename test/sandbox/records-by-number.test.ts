import { describe, expect, it } from "vitest";
import { recordsOf } from "../../src/sandbox/model/records-by-number.js";

interface Row {
  n: number;
  id: number;
}

describe("recordsOf", () => {
  const numberOf = (row: Row) => row.n;

  it("follows the list as records are appended and spliced out, even to the same length", () => {
    const list: Row[] = [
      { n: 1, id: 1 },
      { n: 2, id: 2 },
      { n: 1, id: 3 },
    ];
    expect(recordsOf(list, 1, numberOf).map((r) => r.id)).toEqual([1, 3]);
    list.push({ n: 1, id: 4 });
    expect(recordsOf(list, 1, numberOf).map((r) => r.id)).toEqual([1, 3, 4]);
    // One out, one in: the length is unchanged, the last record is not.
    list.splice(0, 1);
    list.push({ n: 2, id: 5 });
    expect(recordsOf(list, 1, numberOf).map((r) => r.id)).toEqual([3, 4]);
    expect(recordsOf(list, 2, numberOf).map((r) => r.id)).toEqual([2, 5]);
    expect(recordsOf(list, 9, numberOf)).toEqual([]);
  });

  it("returns a new array, so a caller sorting it leaves the index alone", () => {
    const list: Row[] = [
      { n: 1, id: 2 },
      { n: 1, id: 1 },
    ];
    recordsOf(list, 1, numberOf).sort((a, b) => a.id - b.id);
    expect(recordsOf(list, 1, numberOf).map((r) => r.id)).toEqual([2, 1]);
  });
});
