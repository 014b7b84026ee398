/** A hidden marker found in a body: which effect wrote it (`kind`) and for what (`key`). */
export interface Marker {
  kind: string;
  key: string;
}

const SAFE_CHAR = /^[A-Za-z0-9._/-]$/;
const MARKER = /<!-- steward:([A-Za-z0-9._/%-]+):([A-Za-z0-9._/%-]*) -->/g;
const utf8 = new TextEncoder();

/**
 * Keeps `[A-Za-z0-9._/-]` and percent-encodes the UTF-8 bytes of everything else, ":" and "%"
 * included, so the parts split unambiguously and decode exactly. A hyphen right after another is
 * encoded too: the marker never contains "--", so it can neither end the comment early ("-->")
 * nor fail GFM's stricter rule for inline comments. A lone surrogate is encoded as U+FFFD.
 */
function encodePart(value: string): string {
  let out = "";
  for (const char of value) {
    if (SAFE_CHAR.test(char) && !(char === "-" && out.endsWith("-"))) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * The hidden HTML comment `<!-- steward:KIND:KEY -->` that every body Steward writes carries
 * (docs/architecture.md, "Exactly once"), so an interrupted effect can find what it already posted. Characters outside
 * `[A-Za-z0-9._/-]` are percent-encoded; `parseMarkers` reverses that. `kind` must not be empty.
 */
export function hiddenMarker(kind: string, key: string): string {
  if (kind === "") throw new RangeError("a Steward marker needs a kind");
  return `<!-- steward:${encodePart(kind)}:${encodePart(key)} -->`;
}

/**
 * Every marker written by `hiddenMarker` in `body`, in order. Anyone can type a marker into their
 * own comment, so only trust markers in bodies that Steward itself authored. Text Steward quotes
 * cannot fake one: `inlineText` escapes "<" and `codeSpan` breaks up `<!--`.
 */
export function parseMarkers(body: string): Marker[] {
  const found: Marker[] = [];
  for (const [, kind = "", key = ""] of body.matchAll(MARKER)) {
    try {
      found.push({ kind: decodeURIComponent(kind), key: decodeURIComponent(key) });
    } catch {
      // A malformed escape such as "%E0%A4" was not written by hiddenMarker: not ours.
    }
  }
  return found;
}
