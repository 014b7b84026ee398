import type { GqlThread, GqlTimelineEvent } from "../github/backfill-queries.js";
import type { LedgerEvent } from "../domain/ledger.js";
import { actorOf, threadEvents } from "./backfill-mapping.js";

/**
 * The backfill's timeline events (closes, reopens, labels, draft changes) as the very ledger facts
 * the webhooks record (src/ingest/map-item-events.ts), so the response clock sees the same history
 * whether Steward was installed then or not. Pure.
 *
 * Natural keys. A webhook's key is `<issue|pr>:<id>:<action>:<updated_at>:<label or "">`: its
 * payload names no timeline event id, only the item as the change left it. The backfill puts the
 * event's `createdAt` where the webhook has `updated_at`; GitHub stamps both with the moment of the
 * change (whole seconds), so a fact seen both ways is stored once. Should they ever differ (the
 * item changed again before GitHub built the payload, or a label renamed since: GraphQL gives its
 * name now), the same change is stored twice within moments, which the clock replays as no change
 * (a label put on twice, a second "ready"), and people are counted once each whatever their facts.
 */

/** The webhook action each timeline event type records; draft ones exist on pull requests only. */
const ACTIONS: Record<string, string> = {
  ClosedEvent: "closed",
  ReopenedEvent: "reopened",
  LabeledEvent: "labeled",
  UnlabeledEvent: "unlabeled",
  ReadyForReviewEvent: "ready_for_review",
  ConvertToDraftEvent: "converted_to_draft",
};

const isDraftChange = (event: GqlTimelineEvent) => event.__typename === "ReadyForReviewEvent" || event.__typename === "ConvertToDraftEvent";

/** Oldest first, as GitHub lists a timeline; sorted again so that pages joined out of order stay right. */
function byTime(timeline: readonly GqlTimelineEvent[]): GqlTimelineEvent[] {
  const time = (event: GqlTimelineEvent) => Date.parse(event.createdAt ?? "") || 0;
  return [...timeline].sort((a, b) => time(a) - time(b));
}

/**
 * Whether a pull request was opened as a draft: its first draft change says from what state it
 * went (marked ready: it was a draft), and without one it has always been as it is now.
 */
export function draftAtOpening(isDraftNow: boolean, timeline: readonly GqlTimelineEvent[]): boolean {
  const first = byTime(timeline).find(isDraftChange);
  return first ? first.__typename === "ReadyForReviewEvent" : isDraftNow;
}

/**
 * Every fact of an item read by the backfill: its opening (a draft or not, from its timeline), its
 * merge, comments and reviews (`threadEvents`), and its timeline events. `timeline` is the whole
 * timeline: the page read with the item and any follow-up pages.
 */
export function threadFacts(node: GqlThread, isPull: boolean, timeline: readonly GqlTimelineEvent[] = node.timelineItems.nodes): LedgerEvent[] {
  const draft = isPull && draftAtOpening(node.isDraft === true, timeline);
  return [...threadEvents(node, isPull, draft), ...timelineFacts(node, isPull, timeline)];
}

/**
 * Closes, reopens, labels and draft changes. A merged pull request's last close is its merge, which
 * the webhook records as `pull_request.merged` alone (`threadEvents`). A closed item whose timeline
 * shows no close (history GitHub did not keep) gets one at `closedAt` by an unknown actor, as before.
 */
export function timelineFacts(node: GqlThread, isPull: boolean, timeline: readonly GqlTimelineEvent[]): LedgerEvent[] {
  const sorted = byTime(timeline);
  const closes = sorted.filter((event) => event.__typename === "ClosedEvent");
  const merged = isPull && Boolean(node.mergedAt);
  // GitHub lists the merge's close beside its MergedEvent, at the same moment (a minute's leeway).
  const last = closes.at(-1);
  const mergeClose = merged && last && Math.abs(Date.parse(last.createdAt ?? "") - Date.parse(node.mergedAt ?? "")) <= 60_000 ? last : undefined;
  const lastClose = node.state === "OPEN" ? undefined : last;
  const facts: LedgerEvent[] = [];
  for (const event of sorted) {
    const action = ACTIONS[event.__typename];
    if (!action || !event.createdAt || event === mergeClose || (!isPull && isDraftChange(event))) continue;
    const isLabel = action === "labeled" || action === "unlabeled";
    // A label event without its label has nothing to key it by (and matters to no clock rule).
    if (isLabel && !event.label?.name) continue;
    // The webhook's stateReason is the at the close: an older close keeps only its own.
    const reason = event.stateReason ?? (event === lastClose ? node.stateReason : null);
    const data = isLabel ? { target: event.label!.name } : action === "closed" && !isPull ? { stateReason: reason?.toLowerCase() ?? null } : null;
    facts.push(fact(node, isPull, action, event.createdAt, isLabel ? event.label!.name : "", data, event.actor));
  }
  if (!merged && node.state !== "OPEN" && node.closedAt && closes.length === 0) {
    const data = isPull ? null : { stateReason: node.stateReason?.toLowerCase() ?? null };
    facts.push(fact(node, isPull, "closed", node.closedAt, "", data, null));
  }
  return facts;
}

/** One fact with the webhook's kind, key (see above) and shape: no association, the actor as sender. */
function fact(
  node: GqlThread,
  isPull: boolean,
  action: string,
  createdAt: string,
  target: string,
  data: Record<string, unknown> | null,
  rawActor: GqlTimelineEvent["actor"],
): LedgerEvent {
  const occurredAt = new Date(createdAt);
  const actor = actorOf(rawActor);
  return {
    kind: `${isPull ? "pull_request" : "issues"}.${action}`,
    naturalKey: `${isPull ? "pr" : "issue"}:${node.databaseId}:${action}:${occurredAt.getTime()}:${target}`,
    itemNumber: node.number,
    isPull,
    occurredAt,
    association: null,
    data,
    actorLogin: actor.login,
    actorId: actor.id,
    actorType: actor.type,
  };
}
