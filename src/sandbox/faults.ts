/** A failure to inject into the next matching request(s). */
export interface FaultSpec {
  /** HTTP method to match; any method when omitted. */
  method?: string;
  /**
   * Path to match, after /api/v3 (GraphQL requests have the path "/graphql", the web flow's its own,
   * e.g. "/login/oauth/access_token"). A string matches the
   * exact path or the route template ("/repos/{owner}/{repo}/issues/{issue_number}/comments");
   * a RegExp is tested against the path.
   */
  path: RegExp | string;
  status: number;
  /** How many matching requests fail; 1 by default. */
  times?: number;
  /** Perform the request's side effect, then answer the failure anyway (an answer lost in transit). */
  afterSideEffect?: boolean;
  headers?: Record<string, string>;
  /** Error message in the JSON body; a GitHub-like default per status otherwise. */
  message?: string;
}

interface ArmedFault extends FaultSpec {
  remaining: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  500: "Server Error",
  502: "Server Error",
  503: "Service Unavailable",
  504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
  403: "Forbidden",
  429: "Too Many Requests",
};

/** Armed faults, consumed in the order they were added. */
export class FaultInjector {
  readonly #faults: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    if (spec.status < 400 || spec.status > 599) throw new Error(`sandbox: failNext needs an error status, got ${spec.status}`);
    this.#faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(method: string, path: string, template: string | undefined): ArmedFault | undefined {
    const fault = this.#faults.find((f) => matches(f, method, path, template));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }

  /** Faults not yet triggered. */
  pending(): FaultSpec[] {
    return this.#faults.map(({ remaining, ...spec }) => ({ ...spec, times: remaining }));
  }

  clear(): void {
    this.#faults.length = 0;
  }
}

/** The JSON body of an injected failure. */
export function faultBody(fault: FaultSpec): Record<string, unknown> {
  return {
    message: fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Injected failure ${fault.status}`,
    documentation_url: "https://docs.github.com/rest",
  };
}

function matches(fault: FaultSpec, method: string, path: string, template: string | undefined): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof fault.path === "string") return fault.path === path || fault.path === safeDecode(path) || fault.path === template;
  fault.path.lastIndex = 0;
  return fault.path.test(path);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
