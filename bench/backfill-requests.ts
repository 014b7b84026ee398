import type { RecordedRequest } from "../src/sandbox/index.js";

export type PagedKind = "stars" | "issues" | "pulls" | "discussions";

/** One GraphQL request of the backfill, as the sandbox recorded it. */
export interface BackfillRequest {
  kind: PagedKind;
  /** A page of the kind's list (not a follow-up of comments, reviews or timeline events). */
  page: boolean;
  query: string;
  variables: Record<string, unknown>;
}

const PAGE_FIELDS: Array<[RegExp, PagedKind]> = [
  [/\bstargazers\(/, "stars"],
  [/\bissues\(first:/, "issues"],
  [/\bpullRequests\(first:/, "pulls"],
  [/\bdiscussions\(first:/, "discussions"],
];

/**
 * The backfill's GraphQL requests by kind, in the order sent. A page names its list; a follow-up
 * (further comments, reviews or timeline events of some items of a page) belongs to the kind of
 * the page before it, as the backfill sends follow-ups while storing that page.
 */
export function backfillRequests(recorded: readonly RecordedRequest[]): BackfillRequest[] {
  const requests: BackfillRequest[] = [];
  let current: PagedKind | null = null;
  for (const request of recorded) {
    if (request.method !== "POST" || request.path !== "/graphql") continue;
    const body = (request.body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    const query = body.query ?? "";
    const variables = body.variables ?? {};
    const kind = PAGE_FIELDS.find(([pattern]) => pattern.test(query))?.[1] ?? null;
    if (kind) current = kind;
    if (!current) throw new Error(`a GraphQL request before any backfill page: ${query.slice(0, 80)}`);
    requests.push({ kind: current, page: kind !== null, query, variables });
  }
  return requests;
}

const sameRequest = (request: BackfillRequest) => `${request.query}\n${JSON.stringify(request.variables)}`;

/** Whether each request repeats an earlier one (same query and variables): work a restart did again. */
function repeats(requests: readonly BackfillRequest[]): boolean[] {
  const seen = new Set<string>();
  return requests.map((request) => {
    const key = sameRequest(request);
    const again = seen.has(key);
    seen.add(key);
    return again;
  });
}

/** Requests sent again (pages a restart read again, and their follow-ups), per kind. */
export function repeatedByKind(requests: readonly BackfillRequest[]): Map<PagedKind, number> {
  const repeated = new Map<PagedKind, number>();
  repeats(requests).forEach((again, i) => {
    const kind = (requests[i] as BackfillRequest).kind;
    if (again) repeated.set(kind, (repeated.get(kind) ?? 0) + 1);
  });
  return repeated;
}

/** Pages (not follow-ups) sent again. */
export function pagesSentAgain(requests: readonly BackfillRequest[]): number {
  return repeats(requests).filter((again, i) => again && requests[i]?.page).length;
}

/** The requests an uninterrupted backfill would have sent: each one once. */
export function withoutRepeats(requests: readonly BackfillRequest[]): BackfillRequest[] {
  const again = repeats(requests);
  return requests.filter((_, i) => !again[i]);
}

/** Requests per kind. */
export function requestsByKind(requests: readonly BackfillRequest[]): Map<PagedKind, number> {
  const counts = new Map<PagedKind, number>();
  for (const request of requests) counts.set(request.kind, (counts.get(request.kind) ?? 0) + 1);
  return counts;
}
