import type { IssueRecord, RepoState, TimelineEventRecord, TimelineEventType } from "../model/types.js";
import { timelineOf } from "../model/timeline.js";
import { connection, type ConnectionArgs } from "./connection.js";
import type { FieldFn, GraphQLContext, GraphQLObject } from "./context.js";
import { unimplementedError } from "./errors.js";
import { actorNode } from "./nodes-actor.js";

type TimelineArgs = ConnectionArgs & { itemTypes?: string[] | null; since?: string | null; skip?: number | null };

/** The `itemTypes` values the model keeps, and the object type each lists. */
const ITEM_TYPES: Record<string, TimelineEventType> = {
  CLOSED_EVENT: "ClosedEvent",
  REOPENED_EVENT: "ReopenedEvent",
  LABELED_EVENT: "LabeledEvent",
  UNLABELED_EVENT: "UnlabeledEvent",
  READY_FOR_REVIEW_EVENT: "ReadyForReviewEvent",
  CONVERT_TO_DRAFT_EVENT: "ConvertToDraftEvent",
};

/**
 * `timelineItems` of an issue or pull request, oldest first, for the item types the model keeps:
 * closes, reopens, labels put on and taken off, and (pull requests only; the schema refuses them on
 * issues) ready for review and converted to draft, with who and when, as the model's changes
 * recorded them. Other item types, no `itemTypes` (every type) and `since`/`skip` fail loudly as
 * unimplemented. `labelNode` builds the `Label` of a label event (passed in: it lives with the thread nodes).
 */
export function timelineItemsField(
  ctx: GraphQLContext,
  state: RepoState,
  issue: IssueRecord,
  threadUrl: string,
  labelNode: (name: string) => GraphQLObject,
): FieldFn<TimelineArgs> {
  return (args) => {
    const requested = args.itemTypes ?? [];
    if (requested.length === 0 || requested.some((t) => !(t in ITEM_TYPES))) {
      throw unimplementedError(`sandbox: timelineItems is implemented for itemTypes ${Object.keys(ITEM_TYPES).join(", ")} only`);
    }
    if (args.since != null || args.skip != null) throw unimplementedError("sandbox: timelineItems(since, skip) is not implemented");
    const types = new Set(requested.map((t) => ITEM_TYPES[t]));
    const events = timelineOf(state, issue.number).filter((event) => types.has(event.type));
    return connection(events, args, (event) => timelineEventNode(ctx, state, issue, event, threadUrl, labelNode));
  };
}

function timelineEventNode(
  ctx: GraphQLContext,
  state: RepoState,
  issue: IssueRecord,
  event: TimelineEventRecord,
  threadUrl: string,
  labelNode: (name: string) => GraphQLObject,
): GraphQLObject {
  const url = `${threadUrl}#event-${state.repo.id}${event.seq}`;
  const common = {
    __typename: event.type,
    id: Buffer.from(`0${event.type.length}:${event.type}${state.repo.id}-${event.seq}`).toString("base64"),
    createdAt: event.created_at,
    actor: () => (event.actor === null ? null : actorNode(ctx, event.actor)),
  };
  switch (event.type) {
    case "ClosedEvent":
      return {
        ...common,
        stateReason: event.state_reason === null ? null : event.state_reason.toUpperCase(),
        url,
        resourcePath: new URL(url).pathname,
      };
    case "ReopenedEvent":
      return { ...common, stateReason: issue.pull ? null : "REOPENED" };
    case "LabeledEvent":
    case "UnlabeledEvent":
      return { ...common, label: () => labelNode(event.label ?? "") };
    default:
      return { ...common, url, resourcePath: new URL(url).pathname };
  }
}
