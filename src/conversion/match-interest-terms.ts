/**
 * Finds the configured enterprise-interest terms in what a community member wrote. Pure.
 *
 * Only the writer's own prose counts: fenced code blocks, inline code spans, HTML comments (issue
 * templates hide their instructions there) and `>` quotes (someone else's words) are blanked out
 * first. A term matches as whole words, case-insensitively; the words of a phrase may be split by
 * any whitespace (a line break too) and a hyphen may stand for a space ("on prem", "single-sign-on").
 * An English plural of the last word also counts ("SLAs", "audit logs"), nothing else does:
 * "enterprisey" and "nonenterprise" are not "enterprise".
 */
export function matchInterestTerms(text: string, terms: readonly string[]): string[] {
  const prose = proseOnly(text);
  const found: string[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const key = term.trim().toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    if (termPattern(term).test(prose)) found.push(term.trim());
  }
  return found;
}

/** Stands in for blanked-out code and quotes: not whitespace, so no phrase can bridge it. */
const GAP = "\u0000";

/** Word characters in any script: a term must not touch one on either side. */
const WORD = "[\\p{L}\\p{N}_]";

function termPattern(term: string): RegExp {
  const words = term.trim().split(/[\s-]+/).filter((w) => w !== "").map(escapeRegExp);
  const body = words.join("(?:\\s+|\\s*-\\s*)");
  return new RegExp(`(?<!${WORD})${body}(?:e?s)?(?!${WORD})`, "iu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text with code, HTML comments and quotes replaced by gaps. */
export function proseOnly(text: string): string {
  const withoutComments = text.replace(/<!--[\s\S]*?(?:-->|$)/g, GAP);
  const lines = withoutComments.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const line of lines) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
      kept.push(GAP);
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      kept.push(GAP);
      continue;
    }
    kept.push(/^ {0,3}>/.test(line) ? GAP : line);
  }
  return withoutInlineCode(kept.join("\n"));
}

/**
 * Blanks inline code spans: a run of N backticks up to the next run of exactly N. A run without
 * its closing run is literal text, as in CommonMark.
 */
function withoutInlineCode(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "`") {
      const next = text.indexOf("`", i);
      const end = next === -1 ? text.length : next;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    let run = 0;
    while (text[i + run] === "`") run++;
    const close = findRun(text, i + run, run);
    if (close === -1) {
      out += text.slice(i, i + run);
      i += run;
    } else {
      out += GAP;
      i = close + run;
    }
  }
  return out;
}

function findRun(text: string, from: number, length: number): number {
  let i = text.indexOf("`", from);
  while (i !== -1) {
    let run = 0;
    while (text[i + run] === "`") run++;
    if (run === length) return i;
    i = text.indexOf("`", i + run);
  }
  return -1;
}
