import { inlineText, login } from "../text/index.js";
import { ordinal } from "./ordinal.js";

/** Zero-width space: after "#" it keeps GitHub from reading "#7" as a link to issue 7. */
const ZWSP = "\u200B";

/** What a welcome is about, before it is made safe for markdown. */
export interface MessageFacts {
  /** The author of the item the message answers: the one person it mentions. */
  author: string;
  repository: string;
  contributing?: string | null;
  codeOfConduct?: string | null;
  number?: number | null;
  threshold?: number | null;
}

/**
 * Template values as safe markdown. The author is mentioned (a welcome speaks to the person who
 * just opened the item, as GitHub users expect); a login that is not a plain GitHub login (an app,
 * a legacy name) is shown without a ping. Links must be http(s) URLs and are escaped for a
 * markdown link target; a number reads "#7" without linking issue 7.
 */
export function messageValues(facts: MessageFacts): Record<string, string | null> {
  const number = facts.number ?? null;
  return {
    author: login(facts.author, { mention: true }),
    repository: inlineText(facts.repository, 140),
    contributing: linkTarget(facts.contributing),
    codeOfConduct: linkTarget(facts.codeOfConduct),
    number: number === null ? null : `#${ZWSP}${number}`,
    ordinal: number === null ? null : ordinal(number),
    threshold: facts.threshold === undefined || facts.threshold === null ? null : String(facts.threshold),
  };
}

/** An http(s) URL fit to stand inside `(...)` of a markdown link, or null. */
export function linkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return parsed.href.replace(/[()<>\s"'`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
