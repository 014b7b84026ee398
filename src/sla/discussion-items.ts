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
 * the question is settled, so the discussion reads as closed at that moment. Pure.
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
    const answers = sorted.filter((f) => f.kind === "discussion.answered");
    const answeredAt = answers.at(-1)?.occurredAt ?? null;
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
      state: answeredAt ? "closed" : "open",
      draft: false,
      locked: false,
      labels: [],
      assignees: [],
      createdAt: opened.occurredAt,
      updatedAt: latest.occurredAt,
      closedAt: answeredAt,
    };
    const events = sorted.filter((f) => f.kind === "discussion_comment.created").map(({ number: _n, ...event }) => event);
    found.push({ item, events, nodeId, answeredAt });
  }
  return found.sort((a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime());
}

function categoryOf(fact: ClockEvent | undefined): Category | null {
  const raw = fact?.data?.["category"];
  if (!raw || typeof raw !== "object") return null;
  const { name, slug, answerable } = raw as Record<string, unknown>;
  return { name: typeof name === "string" ? name : "", slug: typeof slug === "string" ? slug : "", answerable: answerable === true };
}
