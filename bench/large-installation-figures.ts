import type { RecordedRequest, Sandbox } from "../src/sandbox/index.js";
import { ContentCreationLimiter, type ContentCreationLimit } from "../src/sandbox/content-limit.js";
import type { SeededWeek } from "./large-installation-seed.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A request with the simulated time it was sent at. */
export interface SentRequest {
  request: RecordedRequest;
  at: number;
}

/**
 * How many of these content-creating requests GitHub's limit would have refused, replayed in order
 * through the sandbox's own limiter on their simulated times (a refused one does not count
 * against the windows, as on GitHub).
 */
export function refusedByLimit(times: number[], limit: ContentCreationLimit): number {
  let at = 0;
  const limiter = new ContentCreationLimiter(limit, () => at);
  let refused = 0;
  for (const time of [...times].sort((a, b) => a - b)) {
    at = time;
    try {
      limiter.admit(1);
    } catch {
      refused++;
    }
  }
  return refused;
}

/**
 * The least time (ms) in which `count` content-creating requests can all be sent from a standing
 * start at `perMinute` in any 60 s and `perHour` in any hour: full minutes up to each hour's share,
 * then the wait for the hour's first to leave the window.
 */
export function leastTimeFor(count: number, perMinute: number, perHour: number): number {
  if (count <= 0) return 0;
  const hours = Math.floor((count - 1) / perHour);
  const rest = (count - 1) % perHour;
  return hours * HOUR + Math.floor(rest / perMinute) * MINUTE;
}

/** The largest GitHub allows an installation: 5,000 an hour, 50 more per repository over 20, at most 12,500. */
export function primaryHourlyLimit(repositories: number): number {
  return Math.min(12_500, 5_000 + 50 * Math.max(0, repositories - 20));
}

/** What the sandbox holds after the run, per repository: this week's digests, last week's closed, reminders. */
export function countOutcomes(sandbox: Sandbox, seeded: SeededWeek, weekTitle: string) {
  const bot = sandbox.app.botLogin;
  let digestsOnce = 0;
  let closedWithOneComment = 0;
  for (const [fullName, previous] of seeded.previousDigests) {
    const digests = sandbox.model.listIssues(fullName).filter((issue) => issue.user === bot && issue.title === weekTitle);
    if (digests.length === 1) digestsOnce++;
    const old = sandbox.model.getIssue(fullName, previous);
    const comments = sandbox.model.listComments(fullName, previous).filter((comment) => comment.user === bot);
    if (old?.state === "closed" && comments.length === 1) closedWithOneComment++;
  }
  let remindersOnce = 0;
  for (const [fullName, { number }] of seeded.waiting) {
    const bodies = sandbox.model
      .listComments(fullName, number)
      .filter((comment) => comment.user === bot)
      .map((comment) => comment.body);
    for (const kind of ["at-risk", "breached"]) {
      if (bodies.filter((body) => body.includes(`steward:response.${kind}:`)).length === 1) remindersOnce++;
    }
  }
  return { digestsOnce, closedWithOneComment, remindersOnce };
}

/** The longest time (ms) from a breach (opened + goal) to its reminder's POST, over the waiting issues. */
export function longestBreachDelay(sent: SentRequest[], seeded: SeededWeek, goalMs: number): number {
  let longest = 0;
  for (const [fullName, { number, openedAt }] of seeded.waiting) {
    const path = `/repos/${fullName}/issues/${number}/comments`;
    const posted = sent.find(
      ({ request }) =>
        request.method === "POST" &&
        request.path === path &&
        request.status < 300 &&
        String((request.body as { body?: unknown } | undefined)?.body ?? "").includes("steward:response.breached:"),
    );
    if (posted) longest = Math.max(longest, posted.at - (openedAt + goalMs));
  }
  return longest;
}
