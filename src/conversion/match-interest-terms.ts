import { proseBlocks } from "./markdown-prose.js";

/**
 * Finds the configured enterprise-interest terms in what a community member wrote. Pure.
 *
 * Only the writer's own prose counts, as GitHub renders the Markdown (`proseBlocks`): never code,
 * quotes, HTML, link targets or autolinks. A term matches as whole words, case-insensitively,
 * within one paragraph; the words of a phrase may be split by any whitespace (a line break too)
 * or by emphasis, and a hyphen may stand for a space ("on prem", "single-sign-on"). An English
 * plural of the last word also counts ("SLAs", "audit logs"), nothing else does: "enterprisey"
 * and "nonenterprise" are not "enterprise".
 */
export function matchInterestTerms(text: string, terms: readonly string[]): string[] {
  // Parsing costs a hundred times more than searching the raw text, and a term can be in the prose
  // only if each of its words is in the text: most comments are never parsed.
  const candidates = distinctTerms(terms).filter((term) => wordPatterns(term).every((pattern) => pattern.test(text)));
  if (candidates.length === 0) return [];
  const blocks = proseBlocks(text);
  return candidates.filter((term) => {
    const pattern = termPattern(term);
    return blocks.some((block) => pattern.test(block));
  });
}

/** The configured terms, trimmed, without blanks and case-insensitive duplicates (the first spelling wins). */
function distinctTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of terms) {
    const key = term.trim().toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(term.trim());
  }
  return out;
}

/**
 * Each word of a term on its own, as it must appear in the raw Markdown for the term to be in the
 * prose: between anything but letters and digits (emphasis marks such as `_` may touch it there),
 * the last one with its plural. A word spelled with character references (`&#83;SO`) is not found.
 */
function wordPatterns(term: string): RegExp[] {
  const words = term
    .split(/[\s-]+/)
    .filter((w) => w !== "")
    .map(escapeRegExp);
  return words.map((word, i) => new RegExp(`(?<![\\p{L}\\p{N}])${word}${i === words.length - 1 ? "(?:e?s)?" : ""}(?![\\p{L}\\p{N}])`, "iu"));
}

/** Word characters in any script: a term must not touch one on either side. */
const WORD = "[\\p{L}\\p{N}_]";

function termPattern(term: string): RegExp {
  const words = term
    .trim()
    .split(/[\s-]+/)
    .filter((w) => w !== "")
    .map(escapeRegExp);
  const body = words.join("(?:\\s+|\\s*-\\s*)");
  return new RegExp(`(?<!${WORD})${body}(?:e?s)?(?!${WORD})`, "iu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
