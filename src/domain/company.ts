/**
 * The company key: how free-text company names are told apart. It is part of the vocabulary
 * because the store writes it beside each profile (and each member row) and conversion, the CLI and
 * customers group by it; every layer must compute the same key.
 */

/** Legal-form suffixes that do not tell two companies apart ("Acme, Inc." is "Acme"). */
const LEGAL_FORMS = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "llc",
  "llp",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "aps",
  "plc",
  "pty",
  "srl",
  "spa",
  "kk",
]);

/** Legal forms written before the name as often as after it: ООО «Яндекс», АО «Тинькофф Банк», ТОВ «…». */
const SURROUNDING_LEGAL_FORMS = new Set(["ооо", "оао", "зао", "пао", "ао", "нао", "тоо", "тов", "пат", "ат"]);

/**
 * Legal forms of scripts written without spaces, so glued to the name before or after it
 * (株式会社メルカリ, 腾讯科技有限公司); longest first, so 股份有限公司 goes before 有限公司.
 */
const GLUED_LEGAL_FORMS = [
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "株式会社",
  "有限会社",
  "合同会社",
  "合資会社",
  "合名会社",
  "주식회사",
  "유한회사",
];

/** The abbreviated forms in parentheses, (株) and (주), also as the single characters ㈱ and ㈜ (NFKD makes those the former). */
const PARENTHESIZED_LEGAL_FORM = /\((?:株|有|合|주|유)\)/gu;

/**
 * An organisation mention, `@handle`, not inside an e-mail address. A profile naming several
 * ("@microsoft @github") works for the first; gluing them made a company nobody works for.
 */
const MENTION = /(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9][A-Za-z0-9-]*)/u;

/** Anything but letters, combining marks and digits, in any script, separates words. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * The key under which a profile's free-text `company` is grouped: "@acme-corp", "Acme, Inc." and
 * "ACME" all become "acme"; "ООО «Яндекс»" and "Яндекс" become "яндекс", "株式会社メルカリ"
 * becomes "メルカリ". With organisation mentions, the first one is the company. Null when no letter
 * or digit is left.
 */
export function normalizeCompany(company: string | null | undefined): string | null {
  if (!company) return null;
  const named = MENTION.exec(company)?.[1] ?? company;
  const words = foldCase(named)
    .replace(PARENTHESIZED_LEGAL_FORM, " ")
    .split(SEPARATORS)
    .filter((word) => word !== "");
  const key = withoutLegalForms(words).join("");
  return key === "" ? null : key;
}

/**
 * Lower case, full-width and half-width forms made ordinary (ＡＣＭＥ, ﾒﾙｶﾘ), and the accents of
 * Latin, Greek and Cyrillic letters dropped (Société is societe, as stored keys have always been).
 * Other combining marks stay: they are part of the letter in Devanagari, Thai or Japanese (グ), and
 * NFC puts each back together.
 */
function foldCase(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

/** The words without the legal forms around them; a name that is nothing but a legal form stays. */
function withoutLegalForms(input: string[]): string[] {
  const words = [...input];
  const trailing = (word: string) => LEGAL_FORMS.has(word) || SURROUNDING_LEGAL_FORMS.has(word) || GLUED_LEGAL_FORMS.includes(word);
  const leading = (word: string) => SURROUNDING_LEGAL_FORMS.has(word) || GLUED_LEGAL_FORMS.includes(word);
  while (words.length > 1 && trailing(words[words.length - 1] ?? "")) words.pop();
  while (words.length > 1 && leading(words[0] ?? "")) words.shift();
  const first = words[0];
  const prefix = first === undefined ? undefined : GLUED_LEGAL_FORMS.find((form) => first.length > form.length && first.startsWith(form));
  if (first !== undefined && prefix) words[0] = first.slice(prefix.length);
  const last = words[words.length - 1];
  const suffix = last === undefined ? undefined : GLUED_LEGAL_FORMS.find((form) => last.length > form.length && last.endsWith(form));
  if (last !== undefined && suffix) words[words.length - 1] = last.slice(0, -suffix.length);
  return words;
}
