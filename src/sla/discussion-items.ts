import type { StewardConfig } from "../config/schema.js";
import type { ClockEvent, ClockItem } from "../domain/clock.js";
import { isCommunity } from "../people/roles.js";

/** A discussion fact as the store gives it: a clock event with the discussion's number. */
export interface DiscussionFactInput extends ClockEvent {
  number: number;
}

/** A discussion as the clock reads it, with what posting a reminder on it needs. */
export interface DiscussionOnClock {
  item: ClockItem;
  /** Its comments, which the clock reads as it reads an issue's. */
  events: ClockEvent[];
  /** The GraphQL id `addDiscussionComment` takes. */
  nodeId: string;
  /** When its accepted answer was chosen (the latest choice), if it has one. */
  answeredAt: Date | null;
}

interface Category {
  name: string;
  slug: string;
  answerable: boolean;
}

/**
 * The discussions on the response clock, built from their facts alone (they have no `items` row):
 * opened by a community member in a configured category (`response.discussions.categories` by name
 * or slug; none configured: the answerable, Q&A-format ones), its category as the latest fact
 * saw it. An accepted answer ends the wait as a close ends an issue's, whoever wrote the answer:
 * the question is settled, so the discussion reads as closed at that moment (or at its close, when
 * that came first). An unmarked answer or a reopen opens it again; a deleted or transferred
 * discussion is left out. Pure.
 */
export function discussionsOnClock(facts: readonly DiscussionFactInput[], config: StewardConfig): DiscussionOnClock[] {
  const settings = config.response.discussions;
  if (!settings.enabled) return [];
  const byNumber = new Map<number, DiscussionFactInput[]>();
  for (const fact of facts) byNumber.set(fact.number, [...(byNumber.get(fact.number) ?? []), fact]);
  const wanted = settings.categories.map((c) => c.toLowerCase());
  const inScope = (category: Category) =>
    wanted.length === 0 ? category.answerable : wanted.includes(category.name.toLowerCase()) || wanted.includes(category.slug.toLowerCase());
  const found: DiscussionOnClock[] = [];
  for (const [number, list] of byNumber) {
    const sorted = [...list].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const opened = sorted.find((f) => f.kind === "discussion.created");
    const latest = sorted.at(-1);
    const nodeId = opened?.data?.["nodeId"];
    const category = categoryOf(latest);
    if (!opened || !latest || typeof nodeId !== "string" || !category || !inScope(category)) continue;
    const author = { login: opened.actorLogin, type: opened.actorType, association: opened.association ?? "NONE" };
    if (!isCommunity(author, config)) continue;
    const state = discussionState(sorted);
    if (state.gone) continue;
    const { answeredAt } = state;
    const settledAt = earliest(answeredAt, state.closedAt);
    const title = opened.data?.["title"];
    const item: ClockItem = {
      number,
      isPull: false,
      isDiscussion: true,
      title: typeof title === "string" ? title : "",
      authorLogin: opened.actorLogin,
      authorId: opened.actorId ?? null,
      authorType: opened.actorType,
      authorAssociation: author.association,
      state: settledAt ? "closed" : "open",
      draft: false,
      locked: false,
      labels: [],
      assignees: [],
      createdAt: opened.occurredAt,
      updatedAt: latest.occurredAt,
      closedAt: settledAt,
    };
    const events = sorted.filter((f) => f.kind === "discussion_comment.created").map(({ number: _n, ...event }) => event);
    found.push({ item, events, nodeId, answeredAt });
  }
  return found.sort((a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime());
}

interface DiscussionState {
  /** When its current accepted answer was chosen; null when none is marked now. */
  answeredAt: Date | null;
  /** When it was closed, if it is closed now. */
  closedAt: Date | null;
  /** Deleted, or transferred to another repository: no longer this repository's. */
  gone: boolean;
}

/** A discussion's state after its facts (oldest first): an unmarked answer or a reopen undoes what came before. */
function discussionState(sorted: readonly ClockEvent[]): DiscussionState {
  const state: DiscussionState = { answeredAt: null, closedAt: null, gone: false };
  for (const fact of sorted) {
    if (fact.kind === "discussion.answered") state.answeredAt = fact.occurredAt;
    else if (fact.kind === "discussion.unanswered") state.answeredAt = null;
    else if (fact.kind === "discussion.closed") state.closedAt ??= fact.occurredAt;
    else if (fact.kind === "discussion.reopened") state.closedAt = null;
    else if (fact.kind === "discussion.deleted" || fact.kind === "discussion.transferred") state.gone = true;
  }
  return state;
}

/** The earlier of two moments, either of which may be unknown. */
function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function categoryOf(fact: ClockEvent | undefined): Category | null {
  const raw = fact?.data?.["category"];
  if (!raw || typeof raw !== "object") return null;
  const { name, slug, answerable } = raw as Record<string, unknown>;
  return { name: typeof name === "string" ? name : "", slug: typeof slug === "string" ? slug : "", answerable: answerable === true };
}
