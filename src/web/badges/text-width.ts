/**
 * An estimate of how wide a line of Verdana 11px is, so a badge can be sized without a font
 * engine on the server. Verdana's advances cluster around a few widths, so characters are grouped
 * by their approximate advance (in thousandths of an em); an estimate a pixel or two off is
 * absorbed by the padding, and the SVG's `textLength` makes the real glyphs fit exactly.
 */

const FONT_SIZE_PX = 11;

/** Approximate advances of Verdana, grouped; hand-measured approximations, not a font's table. */
const ADVANCE_GROUPS: ReadonlyArray<readonly [chars: string, perMille: number]> = [
  ["il'.,`", 300],
  ["fj !", 360],
  ["t", 400],
  ["rI-/\\()[]{}:;|", 440],
  ['J"', 460],
  ["csz?*^", 525],
  ["aekvxyFL", 595],
  ["bdghnopquPTY0123456789_$#", 625],
  ["ABCEKRSVXZ&", 690],
  ["DGHNOQU@", 765],
  ["wM<>=+~", 820],
  ["mW%", 990],
];

const ADVANCES = new Map<string, number>(ADVANCE_GROUPS.flatMap(([chars, perMille]) => [...chars].map((c) => [c, perMille] as const)));

/** What a character outside the table gets: a typical lowercase letter's width. */
const FALLBACK_PER_MILLE = 625;
/** Ideographs and full-width forms take a whole em in any font that has them. */
const WIDE_PER_MILLE = 1000;

function isWide(codePoint: number): boolean {
  return (codePoint >= 0x2e80 && codePoint <= 0xa4cf) || (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xff00 && codePoint <= 0xff60);
}

function advance(char: string): number {
  const known = ADVANCES.get(char);
  if (known !== undefined) return known;
  return isWide(char.codePointAt(0) ?? 0) ? WIDE_PER_MILLE : FALLBACK_PER_MILLE;
}

/** The estimated width in pixels of `text` set in Verdana 11px, rounded up to a tenth of a pixel. */
export function textWidth(text: string): number {
  let perMille = 0;
  // By code point, so a character outside the BMP counts once, not as two halves of a pair.
  for (const char of text) perMille += advance(char);
  return Math.ceil((perMille * FONT_SIZE_PX) / 100) / 10;
}
