import { execute, getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError } from "graphql";
import type { RateLimiter, RateSnapshot } from "../rate-limit.js";
import type { ViolationKind } from "../recorder.js";
import type { GraphQLContext } from "./context.js";
import { analyzeQuery } from "./cost.js";
import { SandboxGraphQLError } from "./errors.js";
import { mutationRoot } from "./mutations.js";
import { queryRoot, sandboxFieldResolver } from "./root.js";
import { loadGitHubSchema } from "./schema.js";

/** The answer to one GraphQL request, with what went wrong from the sandbox's point of view. */
export interface GraphQLOutcome {
  body: { data?: unknown; errors?: GraphQLFormattedError[] };
  violations: { kind: ViolationKind; message: string }[];
  /** Rate-limit state after the query (undefined when it was refused before running). */
  snapshot?: RateSnapshot;
}

/**
 * Answers `POST /api/graphql` like GitHub: parse, validate against GitHub's published schema,
 * check pagination bounds and compute the cost, then execute against the model. GitHub answers
 * GraphQL errors with status 200 and an `errors` list, which Octokit turns into an exception.
 */
export async function answerGraphQL(
  body: unknown,
  base: Omit<GraphQLContext, "rate">,
  rateLimiter: RateLimiter,
  installationId: number,
): Promise<GraphQLOutcome> {
  const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== "string") {
    return refuse("invalid-graphql", [new GraphQLError("A query attribute must be specified and must be a string.")]);
  }
  const variables = request.variables && typeof request.variables === "object" ? (request.variables as Record<string, unknown>) : {};
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return refuse("invalid-graphql", [error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
  }
  const schema = await loadGitHubSchema();
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return refuse("invalid-graphql", validationErrors);

  const analysis = analyzeQuery(schema, document, operationName, variables);
  if (analysis.errors.length > 0) {
    return refuse(
      "rejected-graphql",
      analysis.errors.map((e) => new GraphQLError(e.message, { originalError: e })),
    );
  }
  const snapshot = rateLimiter.consume("graphql", installationId, analysis.cost);
  const ctx: GraphQLContext = { ...base, rate: { cost: analysis.cost, nodeCount: analysis.nodeCount, snapshot } };
  const result = await execute({
    schema,
    document,
    rootValue: getOperationAST(document, operationName)?.operation === "mutation" ? mutationRoot(ctx) : queryRoot(ctx),
    contextValue: ctx,
    variableValues: variables,
    ...(operationName === undefined ? {} : { operationName }),
    fieldResolver: sandboxFieldResolver,
  });
  const violations: GraphQLOutcome["violations"] = [];
  for (const error of result.errors ?? []) {
    const original = error.originalError;
    if (original instanceof SandboxGraphQLError) {
      if (original.violation) violations.push({ kind: original.violation, message: error.message });
    } else if (result.data === undefined) {
      // No data at all: the request itself was unusable (unknown operation, bad variables).
      violations.push({ kind: "invalid-graphql", message: error.message });
    } else {
      // Anything else (a null in a non-null field, an exception) is a gap in the sandbox.
      violations.push({ kind: "unimplemented-graphql", message: error.message });
    }
  }
  const errors = result.errors?.map(formatError);
  return { body: errors ? { data: result.data ?? null, errors } : { data: result.data }, violations, snapshot };
}

function refuse(kind: ViolationKind, errors: readonly GraphQLError[]): GraphQLOutcome {
  return { body: { errors: errors.map(formatError) }, violations: errors.map((e) => ({ kind, message: e.message })) };
}

/** GitHub adds a `type` (NOT_FOUND, EXCESSIVE_PAGINATION ...) next to the standard fields. */
function formatError(error: GraphQLError): GraphQLFormattedError & { type?: string } {
  const formatted: GraphQLFormattedError & { type?: string } = { ...error.toJSON() };
  if (error.originalError instanceof SandboxGraphQLError) formatted.type = error.originalError.type;
  return formatted;
}
