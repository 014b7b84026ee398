/**
 * The dashboard's only way to build markup. Everything interpolated into `html` is escaped unless it
 * is already `SafeHtml`, so a login, title or company name from GitHub can never become markup; the
 * one way round it is `raw()`, kept for constant markup written in this folder.
 */

/** Markup that is known to be safe to send as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/**
 * What may be interpolated. `true` is left out on purpose so that `flag && html\`…\`` type-checks
 * while a bare boolean (almost always a mistake) does not; `Date` and other objects must be
 * formatted first, which keeps every date on the page in one format.
 */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return escapeHtml(String(value));
  if (Array.isArray(value)) return value.map(render).join("");
  // A Date, a plain object or `true` reached here past the types: failing loudly beats "[object Object]".
  throw new TypeError(`html: cannot interpolate a ${typeof value} (${String(value)})`);
}

/**
 * An unquoted attribute (`href=${url}`) would let a space in the value start a new attribute, which
 * escaping does not prevent; every template in this folder quotes its attributes, and this keeps it
 * so. Only inside a tag: "a = ${b}" in text is fine.
 */
function endsInUnquotedAttribute(literal: string, markup: string): boolean {
  return /=\s*$/.test(literal) && markup.lastIndexOf("<") > markup.lastIndexOf(">");
}

/** The tagged template: `html\`<td>${title}</td>\``. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    if (endsInUnquotedAttribute(strings[i]!, out)) throw new Error(`html: quote the attribute value before \${} (after "${out.slice(-30)}")`);
    out += render(values[i]!) + strings[i + 1]!;
  }
  return new SafeHtml(out);
}

/** Trusted markup, taken as it is: only for constants written in this folder, never for data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Several fragments as one, e.g. `join(cells, ", ")`; the separator is escaped unless it is SafeHtml. */
export function join(parts: readonly HtmlValue[], separator: string | SafeHtml = ""): SafeHtml {
  const sep = render(separator);
  return new SafeHtml(
    parts
      .map(render)
      .filter((part) => part !== "")
      .join(sep),
  );
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$/i;

/**
 * One attribute with its leading space, or nothing: `null`, `undefined` and `false` drop it, `true`
 * writes it bare (`hidden`, `download`); a value is escaped like any other. For attributes that
 * appear only sometimes, e.g. `aria-current` on the last breadcrumb.
 */
export function attr(name: string, value: string | number | boolean | null | undefined): SafeHtml {
  if (!ATTRIBUTE_NAME.test(name)) throw new Error(`attr: not an attribute name: ${JSON.stringify(name)}`);
  if (value === null || value === undefined || value === false) return new SafeHtml("");
  if (value === true) return new SafeHtml(` ${name}`);
  return new SafeHtml(` ${name}="${escapeHtml(String(value))}"`);
}

/**
 * A link target from the view model, or "#" when it is not one the dashboard links to: escaping
 * keeps a URL inside its attribute, but `javascript:` would still run when clicked. The dashboard
 * only links to its own paths and to GitHub over http(s).
 */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  // "/x" is this site; "//x" would be another host with the page's scheme.
  if (/^\/(?![/\\])/.test(trimmed) || /^[#?]/.test(trimmed)) return trimmed;
  return "#";
}
