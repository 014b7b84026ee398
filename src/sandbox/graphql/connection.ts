import { rejectedError } from "./errors.js";

/** The Relay pagination arguments every GitHub connection takes. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const CURSOR_PREFIX = "cursor:sandbox:";

/** Cursors are opaque to callers; inside they are offsets into the ordered, filtered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw rejectedError(`\`${cursor}\` does not appear to be a valid cursor.`, "INVALID_CURSOR_ARGUMENTS");
  }
  return offset;
}

/**
 * One page of a GitHub connection over `items` (already filtered and ordered): `totalCount`,
 * `pageInfo`, `edges` (with `cursor`, `node` and whatever `edgeFields` adds, e.g. `starredAt`)
 * and `nodes`. Page bounds were checked by the query analysis, so `first`/`last` are trusted here.
 */
export function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  toNode: (item: T) => unknown,
  edgeFields: (item: T) => Record<string, unknown> = () => ({}),
): Record<string, unknown> {
  const lower = args.after ? decodeCursor(args.after) + 1 : 0;
  const upper = args.before ? Math.min(decodeCursor(args.before), items.length) : items.length;
  let start = Math.min(lower, upper);
  let end = upper;
  if (typeof args.first === "number") end = Math.min(end, start + Math.max(0, args.first));
  if (typeof args.last === "number") start = Math.max(start, end - Math.max(0, args.last));
  const edges: Record<string, unknown>[] = [];
  const nodes: unknown[] = [];
  for (let offset = start; offset < end; offset++) {
    const item = items[offset] as T;
    const node = toNode(item);
    nodes.push(node);
    edges.push({ cursor: encodeCursor(offset), node, ...edgeFields(item) });
  }
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < upper,
      hasPreviousPage: start > lower,
      startCursor: edges.length > 0 ? encodeCursor(start) : null,
      endCursor: edges.length > 0 ? encodeCursor(end - 1) : null,
    },
    edges,
    nodes,
  };
}

/** Sorts by a string/number key in the direction of a GitHub `orderBy` input (ASC by default). */
export function orderBy<T>(items: T[], direction: unknown, key: (item: T) => string | number): T[] {
  const sign = direction === "DESC" ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign;
  });
}
