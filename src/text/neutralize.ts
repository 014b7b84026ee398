/**
 * Untrusted text (titles, logins, company names, template variables) made safe to quote in
 * Steward's own markdown: it cannot ping, link elsewhere, inject HTML or change the structure
 * around it. Escapes are HTML entities and invisible characters rather than backslashes, because
 * entities also hold inside raw HTML blocks (`<details>`), where markdown escapes do nothing, and
 * CommonMark never reads an entity as syntax (`&#91;` is a "[" that cannot open a link).
 */

/**
 * Zero-width space, put after "@", after "#" in `owner/repo#1` and inside `://`.
 * GitHub mentions `@name` only when a login character directly follows the "@"; it finds mentions
 * in the rendered text, so a backslash (`\@name`) or an entity (`&#64;name`) still pings. An
 * invisible character keeps the text readable, and "@" + U+200B (as `&#8203;`) is what Renovate
 * writes into pull request bodies on github.com to the same end. Inline code would also stop the
 * ping, but changes how every title looks.
 */
const ZWSP = "\u200B";

/** C0/C1 controls other than whitespace (which becomes a space), and every bidi control (Trojan Source). */
const REMOVED = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Markdown and HTML syntax characters, shown literally through numeric or named references. */
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&#126;",
  $: "&#36;",
};
/** At the start of a line these open a heading, list or setext underline (`>` is always escaped). */
const LEADING: Readonly<Record<string, string>> = { "#": "&#35;", "-": "&#45;", "+": "&#43;", "=": "&#61;" };

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** One line of plain text: controls and bidi overrides removed, whitespace runs made one space. */
function clean(untrusted: string): string {
  return untrusted.replace(LONE_SURROGATE, "\uFFFD").replace(REMOVED, "").replace(/\s+/g, " ").trim();
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * At most `max` code points (what GitHub counts), ending in "…" when cut. Cuts only between
 * grapheme clusters, so neither a surrogate pair nor an emoji sequence (👨‍👩‍👧, 🇫🇷) is split.
 */
function truncate(text: string, max: number): string {
  if (text.length <= max || codePoints(text) <= max) return text;
  if (max < 1) return "";
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = codePoints(segment);
    if (count + size > max - 1) break;
    kept += segment;
    count += size;
  }
  return `${kept.trimEnd()}…`;
}

function escapeInline(text: string): string {
  const unlinked = text
    .replace(/@/g, `@${ZWSP}`)
    // `owner/repo#1` would add a "mentioned this" backlink in another repository. A bare `#1` is
    // kept: it can only point into Steward's own repository, whose items the digest links anyway.
    .replace(/([\w.-]\/[\w.-]+)#(?=\d)/g, `$1#${ZWSP}`)
    // Bare URLs: GitHub autolinks `http://`, `https://` and `www.` (issue titles never link).
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`);
  const escaped = unlinked
    .replace(/[&<>[\]\\`*_~$]/g, (char) => ENTITIES[char] ?? char)
    // A heading drops a closing "#" sequence: "## Fix #" would show "Fix".
    .replace(/#$/, "&#35;");
  const first = escaped[0] ?? "";
  if (first in LEADING) return `${LEADING[first]}${escaped.slice(1)}`;
  // An ordered list marker is up to nine digits and "." or ")".
  return escaped.replace(/^(\d{1,9})([.)])/, (_, digits: string, mark: string) => digits + (mark === "." ? "&#46;" : "&#41;"));
}

/**
 * Untrusted text as one line that is safe anywhere inline in markdown, and inside HTML blocks
 * such as `<details>` (not inside an HTML attribute). It cannot mention anyone, reference another
 * repository's issues, autolink a URL, open a link, image, code span, emphasis, math or HTML,
 * start a heading, list or quote, or lose a trailing "#" in a heading. `maxLength` counts the
 * code points a reader sees, "…" included; the markdown is at most 6 UTF-16 units per one.
 */
export function inlineText(untrusted: string, maxLength = 256): string {
  return escapeInline(truncate(clean(untrusted), maxLength));
}

/** `inlineText` that also cannot end a GFM table cell: "|" is escaped the way GitHub documents, `\|`. */
export function tableCell(untrusted: string, maxLength = 120): string {
  return inlineText(untrusted, maxLength).replace(/\|/g, "\\|");
}

/**
 * Whether `value` is a GitHub user or organization login: 1 to 39 letters, digits and single
 * hyphens, not starting or ending with a hyphen, and for Enterprise Managed Users the enterprise's
 * `_shortcode` after it (`mona_acme`), since those people are mentioned like anyone else. Bots
 * (`name[bot]`) and a few legacy logins with double or trailing hyphens fail, so they are never
 * mentioned.
 */
export function isGitHubLogin(value: string): boolean {
  return value.length <= 39 && /^[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:_[A-Za-z0-9]+)?$/.test(value);
}

/**
 * A login shown as `@login` that pings no one. With `mention: true` a valid login becomes a real
 * mention, which notifies that user; an invalid one is still shown without a ping.
 */
export function login(untrusted: string, { mention = false }: { mention?: boolean } = {}): string {
  if (mention && isGitHubLogin(untrusted)) return `@${untrusted}`;
  return `@${ZWSP}${inlineText(untrusted, 64)}`;
}

/**
 * Untrusted text as an inline code span that it cannot close: the fence is one backtick longer
 * than the longest run inside, padded with a space on each side (CommonMark strips exactly one
 * from each, so content starting or ending with a backtick still works). Newlines become spaces,
 * since a line that starts a block would end the span before inline parsing. GitHub neither
 * mentions nor links inside code, so `@` and URLs stay as typed; `<!--` is broken up so a quoted
 * `<!-- steward:... -->` cannot pass for Steward's own marker. Use `inTable` inside a table row:
 * GFM splits cells on "|" even within code, and `\|` is read there as a literal "|".
 * Markdown only: inside raw HTML the backticks are just text. Empty text gives "".
 */
export function codeSpan(untrusted: string, { maxLength = 256, inTable = false }: { maxLength?: number; inTable?: boolean } = {}): string {
  let text = truncate(clean(untrusted), maxLength).replace(/<!--/g, `<${ZWSP}!--`);
  if (text === "") return "";
  if (inTable) text = text.replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence} ${text} ${fence}`;
}
