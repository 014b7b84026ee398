import { describe, expect, it } from "vitest";
import { normalizeCompany } from "../../src/domain/company.js";

/**
 * Issue 14, defect 9: company names in non-Latin scripts became nothing (only a-z0-9 survived)
 * and two organisation mentions were glued into one name.
 */
describe("normalizeCompany in every script", () => {
  const cases: Array<[string, string, string | null]> = [
    ["Cyrillic", "Яндекс", "яндекс"],
    ["Cyrillic in capitals", "ЯНДЕКС", "яндекс"],
    ["Cyrillic with its legal form first", "ООО «Яндекс»", "яндекс"],
    ["Chinese", "腾讯", "腾讯"],
    ["Chinese with 有限公司 glued on", "腾讯科技有限公司", "腾讯科技"],
    ["Japanese", "メルカリ", "メルカリ"],
    ["Japanese with 株式会社 glued on", "株式会社メルカリ", "メルカリ"],
    ["Japanese with 株式会社 after, spaced", "メルカリ 株式会社", "メルカリ"],
    ["Japanese with ㈱", "㈱メルカリ", "メルカリ"],
    ["Japanese keeps its voiced marks", "グーグル", "グーグル"],
    ["Korean", "삼성전자 주식회사", "삼성전자"],
    ["Devanagari keeps its vowel signs", "इन्फोसिस", "इन्फोसिस"],
    ["Greek, accents folded like Latin ones", "Ελληνικά Πετρέλαια", "ελληνικαπετρελαια"],
    ["Arabic", "أرامكو", "أرامكو"],
    ["a legal form alone stays a name", "株式会社", "株式会社"],
    ["punctuation only", "«» — !", null],
  ];

  it.each(cases)("keeps a %s name: %s", (_script, company, key) => {
    expect(normalizeCompany(company)).toBe(key);
  });

  it("groups the spellings of one non-Latin company", () => {
    expect(new Set(["Яндекс", "ЯНДЕКС", "ООО «Яндекс»", "  яндекс "].map(normalizeCompany))).toEqual(new Set(["яндекс"]));
    expect(new Set(["株式会社メルカリ", "メルカリ", "(株)メルカリ", "ﾒﾙｶﾘ"].map(normalizeCompany))).toEqual(new Set(["メルカリ"]));
  });

  it("keeps Latin keys as they were, so stored keys still match", () => {
    expect(normalizeCompany("Société Générale")).toBe("societegenerale");
    expect(normalizeCompany("Acme, Inc.")).toBe("acme");
    expect(normalizeCompany("ＡＣＭＥ")).toBe("acme");
  });

  const mentions: Array<[string, string]> = [
    ["@microsoft @github", "microsoft"],
    ["@github, @microsoft", "github"],
    ["Staff engineer @stripe", "stripe"],
    ["Ex-Google, now at @acme-corp", "acme"],
    ["Acme (@acme-corp)", "acme"],
  ];

  it.each(mentions)("takes the first organisation mentioned in %s", (company, key) => {
    expect(normalizeCompany(company)).toBe(key);
  });

  it("does not read an e-mail address as a mention", () => {
    expect(normalizeCompany("jane@acme.com")).toBe("janeacmecom");
  });
});
