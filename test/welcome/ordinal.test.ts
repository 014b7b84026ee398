import { describe, expect, it } from "vitest";
import { ordinal } from "../../src/welcome/ordinal.js";

describe("ordinal", () => {
  it("uses st, nd, rd and th, with th for the teens at any size", () => {
    const cases: Array<[number, string]> = [
      [1, "1st"],
      [2, "2nd"],
      [3, "3rd"],
      [4, "4th"],
      [10, "10th"],
      [11, "11th"],
      [12, "12th"],
      [13, "13th"],
      [21, "21st"],
      [22, "22nd"],
      [23, "23rd"],
      [101, "101st"],
      [111, "111th"],
      [112, "112th"],
      [1013, "1013th"],
    ];
    for (const [n, expected] of cases) expect(ordinal(n)).toBe(expected);
  });
});
