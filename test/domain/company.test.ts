import { describe, expect, it } from "vitest";
import { normalizeCompany } from "../../src/domain/company.js";

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

  it("groups the forms people type into their profiles", () => {
    const forms = ["@acme-corp", "Acme, Inc.", "ACME", "acme corp.", "Acme Corporation", "  @ACME  ", "Acme Ltd", "Ácme"];
    expect(new Set(forms.map(normalizeCompany))).toEqual(new Set(["acme"]));
    expect(normalizeCompany("@globex")).toBe(normalizeCompany("Globex Corporation"));
    expect(normalizeCompany("Initech")).not.toBe(normalizeCompany("Initrode"));
  });
});
