import type { GraphQLFieldResolver } from "graphql";
import { isoSeconds } from "../model/ids.js";
import type { GraphQLContext, GraphQLObject } from "./context.js";
import { notFoundError, unimplementedError } from "./errors.js";
import { actorNode, userNode } from "./nodes-actor.js";
import { repositoryNode } from "./nodes-repository.js";

/**
 * The `Query` root. To support another top-level field, add it here; nested fields go on the
 * node builders (`nodes-*.ts`). Mutations have their own root (`mutations.ts`).
 */
export function queryRoot(ctx: GraphQLContext): GraphQLObject {
  return {
    repository: (args: { owner: string; name: string }) => {
      const repo = ctx.model.getRepository(`${args.owner}/${args.name}`);
      if (!repo || !ctx.canSee(repo.id)) throw notFoundError(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repositoryNode(ctx, ctx.model.repoState(`${repo.owner}/${repo.name}`));
    },
    user: (args: { login: string }) => {
      const user = ctx.model.getUser(args.login);
      if (user?.type !== "User") throw notFoundError(`Could not resolve to a User with the login of '${args.login}'.`);
      return userNode(ctx, user);
    },
    organization: (args: { login: string }) => {
      const org = ctx.model.getUser(args.login);
      if (org?.type !== "Organization") throw notFoundError(`Could not resolve to an Organization with the login of '${args.login}'.`);
      return actorNode(ctx, org.login);
    },
    repositoryOwner: (args: { login: string }) => {
      const owner = ctx.model.getUser(args.login);
      return owner && owner.type !== "Bot" ? actorNode(ctx, owner.login) : null;
    },
    // An installation token's viewer is the app's bot account.
    viewer: () => userNode(ctx, ctx.model.ensureUser(ctx.app.botLogin)),
    rateLimit: () => ({
      cost: ctx.rate.cost,
      limit: ctx.rate.snapshot.limit,
      nodeCount: ctx.rate.nodeCount,
      remaining: ctx.rate.snapshot.remaining,
      resetAt: isoSeconds(new Date(ctx.rate.snapshot.reset * 1000)),
      used: ctx.rate.snapshot.used,
    }),
  };
}

/**
 * Reads a field from the resolved object: a value, or a function called with the field's
 * arguments. A field the object does not define throws "not implemented", so a query for
 * something the sandbox cannot answer fails loudly instead of returning a quiet null.
 */
export const sandboxFieldResolver: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args, ctx, info) => {
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    const value = (source as GraphQLObject)[info.fieldName];
    return typeof value === "function" ? (value as (a: unknown, c: GraphQLContext) => unknown)(args, ctx) : value;
  }
  throw unimplementedError(`sandbox: GraphQL field ${info.parentType.name}.${info.fieldName} is not implemented`);
};
