import { BADGE_FILLS, LABEL_FILL } from "./badge-colors.js";
import type { BadgeSpec } from "./badge-values.js";
import { textWidth } from "./text-width.js";

/** Space left and right of each half's text. */
const PADDING_PX = 6;
const HEIGHT_PX = 20;
const FONT_FAMILY = "Verdana,Geneva,DejaVu Sans,sans-serif";

/**
 * Whether XML 1.0 can carry a code point at all: most C0 controls, lone surrogates and
 * U+FFFE/U+FFFF make a document that is not an image, so they are dropped rather than escaped.
 */
function isXmlChar(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  return !(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint !== 0xfffe && codePoint !== 0xffff;
}

/** Text safe in XML content and in a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  // By code point: a surrogate pair is one character outside the basic plane, a lone half is none.
  const carried = Array.from(text)
    .filter((char) => isXmlChar(char.codePointAt(0)!))
    .join("");
  return carried.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** One decimal at most, and no "-0": the numbers end up in attributes a person may read. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A text centred in its half, drawn twice: a faint dark copy a pixel lower is the shadow. */
function centredText(text: string, centre: number, width: number): string {
  const fit = `textLength="${px(width)}" lengthAdjust="spacingAndGlyphs"`;
  return (
    `<text x="${px(centre)}" y="15" fill="#010101" fill-opacity=".3" ${fit} aria-hidden="true">${text}</text>` +
    `<text x="${px(centre)}" y="14" ${fit}>${text}</text>`
  );
}

/**
 * A flat two-part badge: the label on grey at the left, the value on its colour at the right,
 * white text with a subtle shadow, rounded corners. Each half is as wide as its text (estimated by
 * `textWidth`, enforced by `textLength`) plus padding. Pure.
 */
export function renderBadge({ label, value, color }: BadgeSpec): string {
  const labelText = escapeXml(label);
  const valueText = escapeXml(value);
  const labelTextWidth = textWidth(label);
  const valueTextWidth = textWidth(value);
  // Whole pixels for the halves, so the seam between them falls on a pixel edge.
  const labelWidth = Math.ceil(labelTextWidth + 2 * PADDING_PX);
  const valueWidth = Math.ceil(valueTextWidth + 2 * PADDING_PX);
  const width = labelWidth + valueWidth;
  const title = escapeXml(`${label}: ${value}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT_PX}" viewBox="0 0 ${width} ${HEIGHT_PX}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="shine" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="round"><rect width="${width}" height="${HEIGHT_PX}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#round)">`,
    `<rect width="${labelWidth}" height="${HEIGHT_PX}" fill="${LABEL_FILL}"/>`,
    `<rect x="${labelWidth}" width="${valueWidth}" height="${HEIGHT_PX}" fill="${BADGE_FILLS[color]}"/>`,
    `<rect width="${width}" height="${HEIGHT_PX}" fill="url(#shine)"/>`,
    `</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="11" text-rendering="geometricPrecision">`,
    centredText(labelText, labelWidth / 2, labelTextWidth),
    centredText(valueText, labelWidth + valueWidth / 2, valueTextWidth),
    `</g>`,
    `</svg>`,
  ].join("");
}
