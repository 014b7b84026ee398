import {
  fetchFollowUps,
  FOLLOW_UPS_PER_PAGE,
  followUpSelection,
  readFollowUps,
  type FollowUp,
  type FollowUpResult,
} from "../github/backfill-follow-ups.js";
import {
  fetchIssuesPage,
  fetchPullsPage,
  fetchStargazersPage,
  FOLLOW_UPS_PER_REQUEST,
  type GqlStarEdge,
  type GqlThread,
  type GqlTimelineEvent,
  type Page,
  type RateLimitInfo,
} from "../github/backfill-queries.js";
import type { GitHubClient, RepoCoordinates } from "../github/octokit.js";
import type { LedgerEvent } from "../domain/ledger.js";
import { recordHistoryLeads, type WrittenFact } from "../conversion/history-leads.js";
import type { LeadRules } from "../conversion/lead-terms.js";
import { isBot } from "../people/roles.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { recordContribution } from "../store/contributors.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { recordBackfilledFacts } from "../store/backfilled-facts.js";
import { saveUserProfiles } from "../store/user-profiles.js";
import type { KindPass, StoredPage } from "./backfill-kind.js";
import { actorOf, commentEvent, reviewEvent, starEvent, threadSnapshot } from "./backfill-mapping.js";
import { threadFacts } from "./backfill-timeline.js";
import { commentWriting, reviewWriting, threadWritings } from "./backfill-writings.js";

/** What every pass needs: where to read, where to write. */
export interface PassContext {
  deps: JobDeps;
  octokit: GitHubClient;
  repository: RepositoryRecord;
  /** steward.yml's roles and terms, read once per run and only when a page holds something written. */
  leadRules(): Promise<LeadRules>;
}

const coordinates = (repository: RepositoryRecord): RepoCoordinates => ({ owner: repository.owner, repo: repository.name });
const noRoles = { maintainers: [], ignoreUsers: [] };

/**
 * Stargazers with `starredAt` and their public company. With `since`, newest first, stopping at
 * the first star older than `since`.
 */
export function starsPass(ctx: PassContext): KindPass<GqlStarEdge> {
  return {
    kind: "stars",
    fetch: (after, since) => fetchStargazersPage(ctx.octokit, coordinates(ctx.repository), after, since !== null),
    async store(page, since) {
      const wanted = page.items.filter((edge) => since === null || new Date(edge.starredAt) >= since);
      // Only the public companies matter to Steward (conversion); skipping the rest keeps a
      // 100,000-star backfill from writing 100,000 empty profiles.
      const profiles = wanted
        .filter((edge) => edge.node.__typename === "User" && edge.node.company)
        .map((edge) => ({ login: edge.node.login, userId: edge.node.databaseId ?? null, type: "User", company: edge.node.company ?? null }));
      await saveUserProfiles(ctx.deps.db, profiles, ctx.deps.now());
      await recordBackfilledFacts(ctx.deps.db, ctx.repository.id, { events: wanted.map(starEvent), items: [] });
      return { stored: wanted.length, reachedSince: wanted.length < page.items.length, requests: 0, rateLimit: null };
    },
  };
}

/** Issues (not pull requests) in creation order, with `since` only those updated since then. */
export function issuesPass(ctx: PassContext): KindPass<GqlThread> {
  return {
    kind: "issues",
    fetch: (after, since, followUps) => fetchIssuesPage(ctx.octokit, coordinates(ctx.repository), after, since, carried(followUps)),
    store: (page, _since, followUps) => storeThreads(ctx, page, page.items, false, false, followUps),
  };
}

/**
 * Pull requests, with their reviews; the authors of merged ones are recorded as contributors.
 * With `since`, most recently updated first, stopping at the first one not updated since then.
 */
export function pullsPass(ctx: PassContext): KindPass<GqlThread> {
  return {
    kind: "pulls",
    fetch: (after, since, followUps) => fetchPullsPage(ctx.octokit, coordinates(ctx.repository), after, since !== null, carried(followUps)),
    async store(page, since, followUps) {
      const wanted = page.items.filter((node) => since === null || new Date(node.updatedAt) >= since);
      const stored = await storeThreads(ctx, page, wanted, true, wanted.length < page.items.length, followUps);
      for (const node of wanted) {
        const author = actorOf(node.author);
        if (!node.mergedAt || isBot(author, noRoles)) continue;
        await recordContribution(ctx.deps.db, {
          repositoryId: ctx.repository.id,
          login: author.login,
          userId: author.id,
          at: new Date(node.mergedAt),
          pullNumber: node.number,
          source: "backfill",
        });
      }
      return stored;
    },
  };
}

/** The follow-ups a page's request carries: the first FOLLOW_UPS_PER_PAGE still to read. */
const carried = (followUps: readonly FollowUp[]) => followUpSelection(followUps.slice(0, FOLLOW_UPS_PER_PAGE));

/**
 * Stores a page of issues or PRs with the further comment and review pages its request carried
 * (of items on earlier pages). An item's timeline is completed at once, in requests of their own:
 * its facts are made once the whole timeline is read, as whether a PR was opened as a draft
 * depends on its first draft change, which may lie beyond the first page. Further comments and
 * reviews are independent facts: they wait for the next pages' requests to carry them, so long
 * threads cost no request of their own, except those left when the last page is stored.
 */
async function storeThreads(
  ctx: PassContext,
  page: Page<GqlThread>,
  nodes: GqlThread[],
  isPull: boolean,
  reachedSince: boolean,
  followUps: readonly FollowUp[],
): Promise<StoredPage> {
  const events: LedgerEvent[] = [];
  const writings: WrittenFact[] = nodes.flatMap((node) => threadWritings(node, isPull));
  const items = nodes.map((node) => threadSnapshot(node, isPull));
  const timelines = new Map<number, GqlTimelineEvent[]>(nodes.map((node) => [node.number, [...node.timelineItems.nodes]]));
  const answered = followUps.slice(0, FOLLOW_UPS_PER_PAGE);
  const waiting: FollowUp[] = followUps.slice(answered.length);
  const timeline: FollowUp[] = [];
  const take = (results: FollowUpResult[]) => {
    for (const result of results) {
      for (const comment of result.comments) {
        events.push(commentEvent(comment, result.number, isPull));
        writings.push(commentWriting(comment, result.number, isPull));
      }
      for (const review of result.reviews) {
        const mapped = reviewEvent(review, result.number);
        if (mapped) events.push(mapped);
        writings.push(...reviewWriting(review, result.number));
      }
      timelines.get(result.number)?.push(...result.timeline);
      if (result.pageInfo.hasNextPage && result.pageInfo.endCursor) {
        const next = { number: result.number, what: result.what, after: result.pageInfo.endCursor };
        if (result.what === "timeline") timeline.push(next);
        else waiting.push(next);
      }
    }
  };
  take(readFollowUps(page.extra ?? {}, answered));
  for (const node of nodes) {
    const comments = node.comments.pageInfo;
    if (comments.hasNextPage && comments.endCursor) waiting.push({ number: node.number, what: "comments", after: comments.endCursor });
    const reviews = node.reviews?.pageInfo;
    if (reviews?.hasNextPage && reviews.endCursor) waiting.push({ number: node.number, what: "reviews", after: reviews.endCursor });
    const more = node.timelineItems.pageInfo;
    if (more.hasNextPage && more.endCursor) timeline.push({ number: node.number, what: "timeline", after: more.endCursor });
  }
  // The last page leaves no later request to carry what is waiting: read it all now.
  const last = !page.pageInfo.hasNextPage || reachedSince;
  let requests = 0;
  let rateLimit: RateLimitInfo | null = null;
  while (timeline.length > 0 || (last && waiting.length > 0)) {
    const batch = timeline.splice(0, FOLLOW_UPS_PER_REQUEST);
    if (last) batch.push(...waiting.splice(0, FOLLOW_UPS_PER_REQUEST - batch.length));
    requests++;
    const answer = await fetchFollowUps(ctx.octokit, coordinates(ctx.repository), batch);
    rateLimit = answer.rateLimit;
    take(answer.results);
  }
  for (const node of nodes) events.push(...threadFacts(node, isPull, timelines.get(node.number)));
  await recordBackfilledFacts(ctx.deps.db, ctx.repository.id, { events, items });
  // After the facts: a crash in between reads the page again, and both writes skip what they hold.
  if (writings.length > 0) await recordHistoryLeads(ctx.deps.db, ctx.repository.id, writings, await ctx.leadRules(), ctx.deps.now());
  return { stored: nodes.length, reachedSince, requests, rateLimit, followUps: waiting };
}
