import type { SandboxModel } from "../model/model.js";
import type { RateSnapshot } from "../rate-limit.js";
import type { AppInfo, Urls } from "../rest/types.js";

/** What resolvers see: the model, the caller's reach and this query's rate-limit bill. */
export interface GraphQLContext {
  model: SandboxModel;
  urls: Urls;
  app: AppInfo;
  /** Whether the installation token may read the repository with this id. */
  canSee(repositoryId: number): boolean;
  /** The installation token's permissions (`discussions: "write"` ...), which mutations check. */
  permissions: Readonly<Record<string, string>>;
  rate: { cost: number; nodeCount: number; snapshot: RateSnapshot };
}

/**
 * A resolved object: plain values for scalar fields and functions `(args, ctx)` for fields with
 * arguments or costly lookups. The sandbox's field resolver reads these; a field missing from
 * the object is reported as not implemented rather than silently answered with null.
 */
export type GraphQLObject = Record<string, unknown>;

/** A field resolver inside a GraphQL object. */
export type FieldFn<A = Record<string, unknown>> = (args: A, ctx: GraphQLContext) => unknown;
