/** One request as the sandbox saw and answered it. */
export interface RecordedRequest {
  method: string;
  /** Path after /api/v3 (REST), "/graphql" (GraphQL) or "/login/oauth/..." (web flow), percent-encoded as sent, without query. */
  path: string;
  query: Record<string, string>;
  /** Request headers, lower-cased, with the credential of `authorization` redacted. */
  headers: Record<string, string>;
  /** Parsed JSON body; for GraphQL `{ query, variables }`; the web flow's parameters with credentials redacted; undefined without a body. */
  body: unknown;
  status: number;
  /** The matched GitHub route ("POST /repos/{owner}/{repo}/issues/{issue_number}/comments"), if any. */
  route?: string;
  /** Wall-clock time the request arrived. */
  at: Date;
}

export type ViolationKind =
  | "unknown-route"
  | "unimplemented-route"
  | "outside-api"
  | "invalid-graphql"
  | "rejected-graphql"
  | "unimplemented-graphql";

/** Something a real GitHub would not have answered the way the caller expects. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  message: string;
  /** The GraphQL query, for GraphQL violations. */
  query?: string;
  at: Date;
}

/** Keeps the request log and the violations, and reports violations loudly. */
export class Recorder {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];

  constructor(private readonly onViolation: (violation: Violation) => void) {}

  record(request: RecordedRequest): void {
    this.requests.push(request);
  }

  violation(violation: Violation): void {
    this.violations.push(violation);
    this.onViolation(violation);
  }

  /** Requests with this method whose path matches (a string must equal the path or the route template). */
  matching(method: string, path: RegExp | string): RecordedRequest[] {
    return this.requests.filter((r) => {
      if (r.method !== method.toUpperCase()) return false;
      if (typeof path === "string") return r.path === path || r.route === `${r.method} ${path}`;
      path.lastIndex = 0;
      return path.test(r.path);
    });
  }

  /** Empties the log in place, so references to `requests` stay valid. */
  resetRequests(): void {
    this.requests.length = 0;
  }

  resetViolations(): void {
    this.violations.length = 0;
  }
}

/** Redacts the credential but keeps the scheme, so tests can tell a JWT call from a token call. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    result[name] = name === "authorization" ? text.replace(/^(\w+)\s+.*$/, "$1 [redacted]") : text;
  }
  return result;
}
