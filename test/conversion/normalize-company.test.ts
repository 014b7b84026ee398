import { describe, expect, it } from "vitest";
import { normalizeCompany } from "../../src/conversion/normalize-company.js";

describe("normalizeCompany", () => {
  it("groups an organization handle, a legal name and a shout as one company", () => {
    expect(normalizeCompany("@acme-corp")).toBe("acme");
    expect(normalizeCompany("Acme, Inc.")).toBe("acme");
    expect(normalizeCompany("ACME")).toBe("acme");
    expect(normalizeCompany("  Acme GmbH ")).toBe("acme");
  });

  it("keeps distinct names apart and drops empty ones", () => {
    expect(normalizeCompany("Acme Robotics")).toBe("acmerobotics");
    expect(normalizeCompany("Société Générale")).toBe("societegenerale");
    expect(normalizeCompany("Inc")).toBe("inc");
    expect(normalizeCompany("  @ ")).toBeNull();
    expect(normalizeCompany(null)).toBeNull();
  });
});
