import { describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { revenueVisibility } from "../../src/digest/render/revenue-visibility.js";
import { renderDigest } from "../../src/digest/render-digest.js";
import type { DigestData } from "../../src/digest/digest-data.js";
import { sampleDigestData } from "../fixtures/digest/sample-digest-data.js";

/** The sample digest with `customers` customers paying `mrr` USD a month in all. */
function withCustomers(data: DigestData, customers: number, mrr: number): DigestData {
  if (data.conversion.status !== "ok") throw new Error("the sample has conversion figures");
  const current = { ...data.conversion.current, customers, mrrUsd: mrr };
  current.funnel = current.funnel.map((stage) => (stage.stage === "customers" ? { ...stage, count: customers } : stage));
  return { ...data, conversion: { ...data.conversion, current } };
}

const never = stewardConfigSchema.parse({ digest: { conversion: { publicRevenue: "never" } } });

describe("revenue in a digest: never one customer's contract in public", () => {
  it.each([
    [false, "aggregate", 1, "fewer-than-minimum"],
    [false, "aggregate", 2, "fewer-than-minimum"],
    [false, "aggregate", 3, "shown"],
    [false, "never", 40, "hidden"],
    [true, "never", 1, "shown"],
    [true, "aggregate", 1, "shown"],
  ] as const)("private %s, publicRevenue %s, %i customers: %s", (isPrivate, setting, customers, expected) => {
    expect(revenueVisibility(isPrivate, setting, customers)).toBe(expected);
  });

  it("a public digest with one customer says 'fewer than 3' and no MRR anywhere", () => {
    const body = renderDigest(withCustomers(sampleDigestData(), 1, 1_500));
    expect(body).toContain("- **Customers:** fewer than 3");
    expect(body).not.toMatch(/MRR|1,500/);
  });

  it("a public digest with three customers shows the aggregate", () => {
    const body = renderDigest(withCustomers(sampleDigestData(), 3, 4_500));
    expect(body).toContain("- **Customers:** 3, MRR 4,500 USD");
    expect(body).toContain("- **MRR (USD):** 500 / 1,000");
  });

  it("publicRevenue: never keeps customers and MRR out of a public digest, however many", () => {
    const body = renderDigest(withCustomers(sampleDigestData(never), 12, 90_000));
    expect(body).not.toMatch(/Customers|MRR|90,000/);
  });

  it("a private repository's digest shows the figures as they are", () => {
    const data = { ...withCustomers(sampleDigestData(never), 1, 1_500), repository: { fullName: "acme/widget", private: true } };
    expect(renderDigest(data)).toContain("- **Customers:** 1, MRR 1,500 USD");
  });
});
