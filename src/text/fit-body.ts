/**
 * GitHub rejects an issue or comment body over 65,536 characters, counting code points. Lengths
 * here are JavaScript string lengths, UTF-16 code units: equal for most text, two for an emoji or
 * other astral character that GitHub counts once. So a body that fits here always fits there, at
 * worst leaving a little room unused.
 */
export const GITHUB_BODY_LIMIT = 65_536;

/** The "and N more" line shown after a cut list. */
export type MoreLine = (hidden: number) => string;

const andMore: MoreLine = (hidden) => `…and ${hidden} more`;
const CUT_NOTICE = "_This message was shortened to fit GitHub's size limit._";

/** The first `max` items, then `more(n)` as one last item when `n` were left out. */
export function truncateList(items: readonly string[], max: number, more: MoreLine = andMore): string[] {
  if (items.length <= max) return [...items];
  const kept = items.slice(0, Math.max(0, max));
  return [...kept, more(items.length - kept.length)];
}

/** One part of a body: a fixed head, then items that may be cut from the end. */
export interface BodySection {
  /** Markdown before the items (a heading, a table's header and delimiter rows); always kept. */
  head: string;
  /** Rendered items, each whole: list items or table rows, joined with newlines. */
  items: readonly string[];
  /** Show at most this many items even when more would fit. */
  max?: number;
  /** The paragraph after a cut list, separated by a blank line so it ends a list or table. */
  more?: MoreLine;
}

export interface BodyParts {
  head: string;
  sections: readonly BodySection[];
  /** Kept whole whatever happens: the place for the hidden marker. */
  tail?: string;
}

function blocks(parts: readonly string[]): string {
  return parts.filter((part) => part !== "").join("\n\n");
}

function renderSection(section: BodySection, cap: number): string {
  const shown = section.items.slice(0, Math.max(0, Math.min(cap, section.max ?? Infinity)));
  const hidden = section.items.length - shown.length;
  const list = [section.head, ...shown].filter((part) => part !== "").join("\n");
  return blocks([list, hidden > 0 ? (section.more ?? andMore)(hidden) : ""]);
}

/**
 * Joins head, sections and tail with blank lines into a body of at most `limit` characters.
 * When too long, every section is cut to the same largest number of items that fits, ending in
 * "…and N more"; items are never split, so no code span or fence is left open. Only when the
 * heads alone are too long is the text before the tail cut by `fitToLimit`. The tail is always
 * kept whole; a tail longer than `limit` is a programming error and throws a RangeError.
 */
export function fitBody(parts: BodyParts, limit = GITHUB_BODY_LIMIT): string {
  const tail = parts.tail ?? "";
  if (tail.length > limit) throw new RangeError(`the tail alone is ${tail.length} characters, over the ${limit} limit`);
  const render = (cap: number) => blocks([parts.head, ...parts.sections.map((s) => renderSection(s, cap)), tail]);
  const most = Math.max(0, ...parts.sections.map((section) => section.items.length));
  const full = render(most);
  if (full.length <= limit) return full;
  // A larger cap is almost always longer, so search for the largest that fits; each try is checked.
  let best: string | null = null;
  for (let low = 0, high = most - 1; low <= high; ) {
    const cap = Math.floor((low + high) / 2);
    const body = render(cap);
    if (body.length > limit) {
      high = cap - 1;
    } else {
      best = body;
      low = cap + 1;
    }
  }
  if (best !== null) return best;
  const main = blocks([parts.head, ...parts.sections.map((s) => renderSection(s, 0))]);
  const room = tail === "" ? limit : limit - tail.length - 2;
  return blocks([fitToLimit(main, room), tail]);
}

/** What is still open at the end of the lines read so far. */
interface OpenBlocks {
  fence: string;
  fencePrefix: string;
  comment: boolean;
  details: number;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function read(open: OpenBlocks, line: string): void {
  if (open.fence !== "") {
    const [, , close = ""] = /^([ \t>]*)(`{3,}|~{3,})[ \t]*$/.exec(line) ?? [];
    if (close[0] === open.fence[0] && close.length >= open.fence.length) open.fence = "";
    return;
  }
  const fence = open.comment ? null : /^([ \t>]*)(`{3,}|~{3,})(.*)$/.exec(line);
  if (fence && !(fence[2]?.startsWith("`") && fence[3]?.includes("`"))) {
    [open.fencePrefix, open.fence] = [fence[1] ?? "", fence[2] ?? ""];
    return;
  }
  let outside = "";
  for (let at = 0; ; ) {
    const next = line.indexOf(open.comment ? "-->" : "<!--", at);
    if (!open.comment) outside += line.slice(at, next < 0 ? undefined : next);
    if (next < 0) break;
    at = next + (open.comment ? 3 : 4);
    open.comment = !open.comment;
  }
  open.details = Math.max(0, open.details + count(outside, /<details\b/gi) - count(outside, /<\/details\s*>/gi));
}

function closers(open: OpenBlocks): string[] {
  return [
    ...(open.fence !== "" ? [open.fencePrefix + open.fence] : []),
    ...(open.comment ? ["-->"] : []),
    ...Array<string>(open.details).fill("</details>"),
  ];
}

/**
 * `body` if it fits in `limit` characters; otherwise as many whole lines as fit, then whatever
 * closes what they left open (a code fence, an HTML comment, `<details>`), then `notice`. Never
 * cuts inside a line, where it could leave untrusted text outside the code span that held it.
 * The result is never longer than `limit`: the notice is dropped when even it does not fit.
 */
export function fitToLimit(body: string, limit = GITHUB_BODY_LIMIT, notice = CUT_NOTICE): string {
  if (body.length <= limit) return body;
  const tailRoom = notice === "" || notice.length + 2 > limit ? 0 : notice.length + 2;
  const lines = body.split("\n");
  const open: OpenBlocks = { fence: "", fencePrefix: "", comment: false, details: 0 };
  let keptLines = 0;
  let keptClosers: string[] = [];
  let length = -1;
  for (const [index, line] of lines.entries()) {
    length += line.length + 1;
    read(open, line);
    const shut = closers(open);
    // Counts a newline before each closer and the notice's blank line even where none is written.
    if (length + shut.reduce((sum, closer) => sum + closer.length + 1, 0) + tailRoom > limit) break;
    keptLines = index + 1;
    keptClosers = shut;
  }
  const kept = [...lines.slice(0, keptLines), ...keptClosers].join("\n");
  return blocks([kept, tailRoom > 0 ? notice : ""]);
}
