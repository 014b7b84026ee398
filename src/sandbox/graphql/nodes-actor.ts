import type { UserRecord } from "../model/types.js";
import type { GraphQLContext, GraphQLObject } from "./context.js";

/**
 * An `Actor` (User, Bot or Organization) by REST login. Note GitHub's GraphQL gives bots their
 * login without the "[bot]" suffix ("dependabot", not "dependabot[bot]"), and so does this.
 */
export function actorNode(ctx: GraphQLContext, login: string): GraphQLObject {
  const user = ctx.model.ensureUser(login);
  if (user.type === "Bot") return botNode(ctx, user);
  if (user.type === "Organization") return organizationNode(ctx, user);
  return userNode(ctx, user);
}

function common(ctx: GraphQLContext, user: UserRecord, login: string): GraphQLObject {
  const url = `${ctx.urls.web}/${user.type === "Bot" ? "apps/" : ""}${login}`;
  return {
    id: user.node_id,
    databaseId: user.id,
    login,
    url,
    resourcePath: new URL(url).pathname,
    avatarUrl: () => `${ctx.urls.web}/avatars/u/${user.id}?v=4`,
    createdAt: user.created_at,
    updatedAt: user.created_at,
  };
}

/** A `User` object. */
export function userNode(ctx: GraphQLContext, user: UserRecord): GraphQLObject {
  return {
    __typename: "User",
    ...common(ctx, user, user.login),
    name: user.name,
    company: user.company,
    // GraphQL's User.email is non-null: the public email or "".
    email: user.email ?? "",
    location: user.location,
    bio: user.bio,
    isSiteAdmin: false,
    isHireable: false,
    isBountyHunter: false,
    isCampusExpert: false,
    isDeveloperProgramMember: false,
    isEmployee: false,
    isGitHubStar: false,
    isViewer: false,
    twitterUsername: null,
    websiteUrl: null,
  };
}

function botNode(ctx: GraphQLContext, user: UserRecord): GraphQLObject {
  return { __typename: "Bot", ...common(ctx, user, user.login.replace(/\[bot\]$/, "")) };
}

function organizationNode(ctx: GraphQLContext, user: UserRecord): GraphQLObject {
  return {
    __typename: "Organization",
    ...common(ctx, user, user.login),
    name: user.name,
    description: user.bio,
    email: user.email,
    location: user.location,
    websiteUrl: null,
    isVerified: false,
  };
}
