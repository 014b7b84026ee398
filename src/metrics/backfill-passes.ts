import {
  fetchFollowUps,
  fetchIssuesPage,
  fetchPullsPage,
  fetchStargazersPage,
  FOLLOW_UPS_PER_REQUEST,
  type FollowUp,
  type GqlStarEdge,
  type GqlThread,
  type GqlTimelineEvent,
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
    fetch: (after, since) => fetchIssuesPage(ctx.octokit, coordinates(ctx.repository), after, since),
    store: (page) => storeThreads(ctx, page.items, false, false),
  };
}

/**
 * Pull requests, with their reviews; the authors of merged ones are recorded as contributors.
 * With `since`, most recently updated first, stopping at the first one not updated since then.
 */
export function pullsPass(ctx: PassContext): KindPass<GqlThread> {
  return {
    kind: "pulls",
    fetch: (after, since) => fetchPullsPage(ctx.octokit, coordinates(ctx.repository), after, since !== null),
    async store(page, since) {
      const wanted = page.items.filter((node) => since === null || new Date(node.updatedAt) >= since);
      const stored = await storeThreads(ctx, wanted, true, wanted.length < page.items.length);
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

/**
 * Stores a page of issues or PRs, fetching further comment, review and timeline pages where an item
 * has them (batched with the others, so a few long items cost one request or two). An item's facts
 * from its timeline are made once the whole timeline is read: whether a PR was opened as a draft
 * depends on its first draft change, which may lie beyond the first page.
 */
async function storeThreads(ctx: PassContext, nodes: GqlThread[], isPull: boolean, reachedSince: boolean): Promise<StoredPage> {
  const events: LedgerEvent[] = [];
  const writings: WrittenFact[] = nodes.flatMap((node) => threadWritings(node, isPull));
  const items = nodes.map((node) => threadSnapshot(node, isPull));
  const timelines = new Map<number, GqlTimelineEvent[]>(nodes.map((node) => [node.number, [...node.timelineItems.nodes]]));
  let pending: FollowUp[] = [];
  for (const node of nodes) {
    const comments = node.comments.pageInfo;
    if (comments.hasNextPage && comments.endCursor) pending.push({ number: node.number, what: "comments", after: comments.endCursor });
    const reviews = node.reviews?.pageInfo;
    if (reviews?.hasNextPage && reviews.endCursor) pending.push({ number: node.number, what: "reviews", after: reviews.endCursor });
    const timeline = node.timelineItems.pageInfo;
    if (timeline.hasNextPage && timeline.endCursor) pending.push({ number: node.number, what: "timeline", after: timeline.endCursor });
  }
  let requests = 0;
  let rateLimit: RateLimitInfo | null = null;
  while (pending.length > 0) {
    const batch = pending.slice(0, FOLLOW_UPS_PER_REQUEST);
    pending = pending.slice(FOLLOW_UPS_PER_REQUEST);
    requests++;
    const answer = await fetchFollowUps(ctx.octokit, coordinates(ctx.repository), batch);
    rateLimit = answer.rateLimit;
    for (const result of answer.results) {
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
      if (result.pageInfo.hasNextPage && result.pageInfo.endCursor)
        pending.push({ number: result.number, what: result.what, after: result.pageInfo.endCursor });
    }
  }
  for (const node of nodes) events.push(...threadFacts(node, isPull, timelines.get(node.number)));
  await recordBackfilledFacts(ctx.deps.db, ctx.repository.id, { events, items });
  // After the facts: a crash in between reads the page again, and both writes skip what they hold.
  if (writings.length > 0) await recordHistoryLeads(ctx.deps.db, ctx.repository.id, writings, await ctx.leadRules(), ctx.deps.now());
  return { stored: nodes.length, reachedSince, requests, rateLimit };
}
