/** Legal-form suffixes that do not tell two companies apart ("Acme, Inc." is "Acme"). */
const LEGAL_FORMS = new Set([
  "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "ltd", "limited",
  "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "oy", "ab", "as", "aps", "plc", "pty", "srl", "spa", "kk",
]);

/**
 * The key under which a profile's free-text `company` is grouped: "@acme-corp", "Acme, Inc." and
 * "ACME" all become "acme". Null when nothing meaningful is left.
 */
export function normalizeCompany(company: string | null | undefined): string | null {
  if (!company) return null;
  const words = company
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^\s*@/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "");
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] ?? "")) words.pop();
  const key = words.join("");
  return key === "" ? null : key;
}
