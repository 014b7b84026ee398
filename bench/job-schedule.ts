import type { RecordedRequest } from "../src/sandbox/index.js";

/** Whether a five-field cron pattern (minute hour day month weekday; `*`, `*\/n`, lists, numbers) fires at `at` (UTC). */
export function firesAt(pattern: string, at: Date): boolean {
  const [minute = "*", hour = "*", day = "*", month = "*", weekday = "*"] = pattern.trim().split(/\s+/);
  const field = (spec: string, value: number) =>
    spec.split(",").some((part) => {
      if (part === "*") return true;
      const step = /^\*\/(\d+)$/.exec(part);
      if (step) return value % Number(step[1]) === 0;
      return Number(part) === value;
    });
  return (
    field(minute, at.getUTCMinutes()) &&
    field(hour, at.getUTCHours()) &&
    field(day, at.getUTCDate()) &&
    field(month, at.getUTCMonth() + 1) &&
    field(weekday, at.getUTCDay())
  );
}

/** GraphQL queries read; mutations and every non-GET REST call write. */
export function isRead(request: RecordedRequest): boolean {
  if (request.path === "/graphql") return !/^\s*mutation\b/.test(String((request.body as { query?: unknown } | undefined)?.query ?? ""));
  return request.method === "GET" || request.method === "HEAD";
}

/** The routes of some requests, most frequent first, e.g. "GET /repos/{owner}/{repo} ×5". */
export function summarize(requests: RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const key = request.route ?? `${request.method} ${request.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([route, count]) => `${route} ×${count}`)
    .join(", ");
}
