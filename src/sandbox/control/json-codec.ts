/**
 * Plain JSON for the control API, both ways. Model records hold Sets (an installation's
 * repository ids) and fault specs and request filters hold RegExps, which JSON.stringify would
 * turn into `{}`; this module gives each a JSON form and back, so a test sees what the model holds.
 */

/** How a RegExp travels: `{ "$regex": "^/repos/", "flags": "i" }`. */
export interface EncodedRegExp {
  $regex: string;
  flags?: string;
}

/** What a value of type T looks like after a round trip through the control API. */
export type Plain<T> = T extends Date
  ? string
  : T extends RegExp
    ? RegExp
    : T extends ReadonlySet<infer U>
      ? Plain<U>[]
      : T extends ReadonlyMap<string, infer V>
        ? Record<string, Plain<V>>
        : T extends readonly (infer U)[]
          ? Plain<U>[]
          : T extends (...args: never[]) => unknown
            ? never
            : T extends object
              ? { [K in keyof T]: Plain<T[K]> }
              : T;

/** Deep-copies `value` into JSON-safe data: Date to ISO, Set to array, Map to object, RegExp to `$regex`. */
export function encode(value: unknown): unknown {
  if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return { $regex: value.source, flags: value.flags } satisfies EncodedRegExp;
  if (value instanceof Set) return [...value].map(encode);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), encode(v)]));
  if (Array.isArray(value)) return value.map(encode);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
}

/** Revives `$regex` objects anywhere in parsed JSON; everything else is returned as parsed. */
export function decode(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  if (typeof record["$regex"] === "string") return new RegExp(record["$regex"], typeof record["flags"] === "string" ? record["flags"] : "");
  // fromEntries defines own properties: a "__proto__" key in the JSON stays data, never a prototype.
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]));
}
