/** Makes the invisible characters Steward inserts visible in snapshots and failure messages. */
export function show(markdown: string): string {
  return markdown.replace(/\u200B/g, "⟨zwsp⟩");
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">" };

/** What a reader sees of an `inlineText` or `tableCell` result: entities decoded, escapes and U+200B gone. */
export function visible(markdown: string): string {
  return markdown
    .replace(/\\\|/g, "|")
    .replace(/&(?:#(\d+)|(amp|lt|gt));/g, (_, code: string | undefined, name: string | undefined) =>
      code !== undefined ? String.fromCodePoint(Number(code)) : (NAMED[name ?? ""] ?? ""),
    )
    .replace(/\u200B/g, "");
}

/** Counts code points, as GitHub counts characters. */
export function codePoints(text: string): number {
  return [...text].length;
}
