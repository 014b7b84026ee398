import type { RestContext, RestResult } from "./types.js";

/**
 * One page of `items` per `per_page` (default 30, at most 100) and `page` (from 1), with GitHub's
 * `Link` header (next, last, first, prev) so Octokit's paginate follows it.
 */
export function paginate<T>(ctx: RestContext, items: readonly T[], defaultPerPage = 30): { page: T[]; headers: Record<string, string> } {
  const perPage = clamp(Number(ctx.query.get("per_page") ?? defaultPerPage), 1, 100, defaultPerPage);
  const page = clamp(Number(ctx.query.get("page") ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const link = (target: number, rel: string) => links.push(`<${pageUrl(ctx, target)}>; rel="${rel}"`);
  if (page > 1) link(Math.min(page - 1, lastPage), "prev");
  if (page < lastPage) link(page + 1, "next");
  if (page < lastPage) link(lastPage, "last");
  if (page > 1) link(1, "first");
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(", ") } : {};
  return { page: items.slice((page - 1) * perPage, page * perPage), headers };
}

/** Shorthand: a paginated JSON list answer. */
export function pagedList<T>(ctx: RestContext, items: readonly T[], shape: (item: T) => unknown): RestResult {
  const { page, headers } = paginate(ctx, items);
  return { body: page.map(shape), headers };
}

function pageUrl(ctx: RestContext, page: number): string {
  const query = new URLSearchParams(ctx.query);
  query.set("page", String(page));
  return `${ctx.urls.api}${ctx.path}?${query.toString()}`;
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
