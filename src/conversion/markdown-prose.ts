import type { Nodes, PhrasingContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";

/**
 * The writer's own prose in a GitHub comment, found by parsing the Markdown as GitHub does
 * (CommonMark plus GFM's bare-URL autolinks) instead of guessing from lines. Pure.
 */

/** Stands in for what is not prose inside a block: not whitespace, so no phrase can bridge it. */
const GAP = "\u0000";

/**
 * Addresses GitHub leaves as text but that are no one's prose: other schemes (`ftp://…`), a URL
 * written as a link's text, and a domain with a path (`example.com/docs/sso`). "SSO/SAML" has no
 * dot before its slash, so it stays prose.
 */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/\S*/giu;

/**
 * The prose of each block (paragraph, heading, list item's paragraph), in order. Left out: code
 * (fenced, indented, inline), block quotes (someone else's words, lazy continuation lines
 * included, as GitHub shows them), HTML (blocks, tags, comments: issue templates hide their
 * instructions there), link targets and titles, autolinks, images and reference definitions.
 * What is left out inside a block becomes a GAP; blocks are separate strings, so a phrase never
 * runs from one paragraph into the next.
 */
export function proseBlocks(markdown: string): string[] {
  const tree = fromMarkdown(markdown, { extensions: [gfmAutolinkLiteral()], mdastExtensions: [gfmAutolinkLiteralFromMarkdown()] });
  const blocks: string[] = [];
  collectBlocks(tree, markdown, blocks);
  return blocks;
}

function collectBlocks(node: Nodes, source: string, out: string[]): void {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "tableCell":
      out.push(node.children.map((child) => phrasing(child, source)).join(""));
      return;
    case "blockquote":
    case "code":
    case "html":
    case "definition":
    case "thematicBreak":
      return;
    default:
      if ("children" in node) for (const child of node.children) collectBlocks(child, source, out);
  }
}

function phrasing(node: PhrasingContent, source: string): string {
  switch (node.type) {
    case "text":
      return node.value.replace(ADDRESS, GAP);
    case "break":
      return "\n";
    case "emphasis":
    case "strong":
    case "delete":
    case "linkReference":
      return node.children.map((child) => phrasing(child, source)).join("");
    case "link":
      // `<https://…>` and bare URLs are links too; only `[text](target)` has prose, its text.
      if (source[node.position?.start.offset ?? -1] !== "[") return GAP;
      return node.children.map((child) => phrasing(child, source)).join("");
    default:
      // inlineCode, html, image, imageReference, footnoteReference: never prose.
      return GAP;
  }
}
