/** Where GitHub's error bodies point; Octokit appends it to the error message. */
export const DOCS_URL = "https://docs.github.com/rest";

/**
 * An HTTP error answered with GitHub's JSON error shape `{ message, documentation_url }`.
 * Route handlers throw it; the server turns it into the response.
 */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SandboxHttpError";
  }

  /** The JSON body GitHub would send. */
  body(): Record<string, unknown> {
    return { message: this.message, ...this.extra, documentation_url: DOCS_URL };
  }
}

/** GitHub hides what a token cannot see behind a plain 404. */
export function notFound(message = "Not Found"): SandboxHttpError {
  return new SandboxHttpError(404, message);
}

/** GitHub's 422 for a request body it cannot accept. */
export function validationFailed(resource: string, field: string, code: string, message?: string): SandboxHttpError {
  const error: Record<string, string> = { resource, field, code };
  if (message !== undefined) error["message"] = message;
  return new SandboxHttpError(422, "Validation Failed", { errors: [error], status: "422" });
}

/** GitHub's answer when an installation lacks a permission. */
export function notAccessible(): SandboxHttpError {
  return new SandboxHttpError(403, "Resource not accessible by integration", { status: "403" });
}
