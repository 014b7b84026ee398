import type { DiscussionRecord, RepoState } from "../model/types.js";
import type { GraphQLContext, GraphQLObject } from "./context.js";
import { notFoundError, SandboxGraphQLError } from "./errors.js";
import { discussionCommentNode } from "./nodes-discussion.js";
import { repositoryNode } from "./nodes-repository.js";

type AddDiscussionCommentInput = { discussionId: string; body: string; replyToId?: string | null; clientMutationId?: string | null };

/**
 * The `Mutation` root's implemented fields. Any other mutation reaches the field resolver's
 * "not implemented" answer, so a new write fails loudly until it is modelled here.
 */
export function mutationRoot(ctx: GraphQLContext): GraphQLObject {
  return {
    addDiscussionComment: (args: { input: AddDiscussionCommentInput }) => {
      const { input } = args;
      const found = findDiscussion(ctx, input.discussionId);
      if (!found) throw notFoundError(`Could not resolve to a node with the global id of '${input.discussionId}'`);
      // GitHub answers a token without the Discussions permission this way, with data null.
      if (ctx.permissions["discussions"] !== "write" && ctx.permissions["discussions"] !== "admin") {
        throw new SandboxGraphQLError("Resource not accessible by integration", "FORBIDDEN", null);
      }
      const { state, discussion } = found;
      const fullName = `${state.repo.owner}/${state.repo.name}`;
      const replyTo = input.replyToId ? state.discussionComments.find((c) => c.node_id === input.replyToId) : undefined;
      if (input.replyToId && !replyTo) throw notFoundError(`Could not resolve to a node with the global id of '${input.replyToId}'`);
      const comment = ctx.model.discussions.addComment(fullName, discussion.number, {
        user: ctx.app.botLogin,
        body: input.body,
        ...(replyTo ? { replyTo: replyTo.id } : {}),
      });
      const repository = (): GraphQLObject => repositoryNode(ctx, state);
      return {
        clientMutationId: input.clientMutationId ?? null,
        comment: discussionCommentNode(ctx, state, discussion, comment, repository),
      };
    },
  };
}

function findDiscussion(ctx: GraphQLContext, id: string): { state: RepoState; discussion: DiscussionRecord } | undefined {
  for (const repo of ctx.model.listRepositories()) {
    if (!ctx.canSee(repo.id)) continue;
    const state = ctx.model.repoState(`${repo.owner}/${repo.name}`);
    for (const discussion of state.discussions.values()) if (discussion.node_id === id) return { state, discussion };
  }
  return undefined;
}
