import type { IssueRecord } from "../model/types.js";
import { connection, type ConnectionArgs } from "./connection.js";
import type { FieldFn, GraphQLContext } from "./context.js";
import { unimplementedError } from "./errors.js";
import { actorNode } from "./nodes-actor.js";

type TimelineArgs = ConnectionArgs & { itemTypes?: string[] | null };

/**
 * `timelineItems` of an issue or pull request, for the one item type the model keeps: the close
 * (`CLOSED_EVENT`, with who closed it and when). The model keeps only the latest close, so a
 * reopened-and-closed thread shows one. Asking for other item types fails loudly as unimplemented.
 */
export function timelineItemsField(ctx: GraphQLContext, issue: IssueRecord): FieldFn<TimelineArgs> {
  return (args) => {
    const types = args.itemTypes ?? [];
    if (types.length === 0 || types.some((t) => t !== "CLOSED_EVENT")) {
      throw unimplementedError("sandbox: timelineItems is implemented for itemTypes: [CLOSED_EVENT] only");
    }
    const closes = issue.state === "closed" && issue.closed_at !== null ? [issue] : [];
    return connection(closes, args, (closed) => ({
      __typename: "ClosedEvent",
      id: Buffer.from(`ClosedEvent${closed.id}`).toString("base64"),
      createdAt: closed.closed_at,
      actor: () => (closed.closed_by === null ? null : actorNode(ctx, closed.closed_by)),
      stateReason: closed.state_reason === null ? null : closed.state_reason.toUpperCase(),
    }));
  };
}
