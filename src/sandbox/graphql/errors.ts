/**
 * Errors thrown while answering a GraphQL query. `type` is GitHub's error type field; `violation`
 * says whether the error means the caller did something real GitHub would also refuse (or the
 * sandbox cannot answer), as opposed to an ordinary answer such as NOT_FOUND.
 */
export class SandboxGraphQLError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly violation: "rejected-graphql" | "unimplemented-graphql" | null,
  ) {
    super(message);
    this.name = "SandboxGraphQLError";
  }
}

/** An ordinary "could not resolve" answer: data null at that path, no violation. */
export function notFoundError(message: string): SandboxGraphQLError {
  return new SandboxGraphQLError(message, "NOT_FOUND", null);
}

/** A query GitHub itself would refuse (bad pagination arguments, bad cursor ...). */
export function rejectedError(message: string, type: string): SandboxGraphQLError {
  return new SandboxGraphQLError(message, type, "rejected-graphql");
}

/** A valid query asking for something the sandbox has not implemented yet. */
export function unimplementedError(message: string): SandboxGraphQLError {
  return new SandboxGraphQLError(message, "SANDBOX_NOT_IMPLEMENTED", "unimplemented-graphql");
}
