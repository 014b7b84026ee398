/**
 * What Steward counts about its own work for `/metrics` (src/http/prometheus-metrics.ts keeps the
 * counters). The port is passed in, never imported as a global, so that several servers in one
 * process (tests, the demo) each count their own. Every label a caller gives comes from a short,
 * fixed set (event and job names, effect kinds, installation ids): no delivery id, item number or
 * login ever becomes a label.
 */
export interface OperationalMetrics {
  /** A verified delivery, once it was handled: what became of it and how long it took. */
  delivery(event: string, outcome: DeliveryOutcome, seconds: number): void;
  /** A request to the webhook path that was answered without being handled. */
  refused(reason: RefusalReason): void;
  /** One feature's handler on one delivery. */
  featureHandled(feature: string, outcome: "succeeded" | "failed", seconds: number): void;
  /** One scheduled or requested job run; `seconds` is null when the run never started. */
  jobRun(job: string, outcome: "succeeded" | "failed" | "skipped", seconds: number | null): void;
  /** One answered (or failed) GitHub API request. */
  githubRequest(request: GitHubRequestSeen): void;
  /** One `performOnce` (src/effects/perform-once.ts) by its effect kind, e.g. "digest". */
  effect(kind: string, outcome: EffectOutcomeLabel): void;
}

/**
 * `stored`: recorded for the first time; `duplicate`: its id was recorded before; `not_served`:
 * about a repository Steward does not serve; `handled`: an event the ledger does not hold (installation,
 * repository, push), handled by the app; `failed`: handling failed and was answered with an error.
 */
export type DeliveryOutcome = "stored" | "duplicate" | "not_served" | "handled" | "failed";

/** Why the webhook receiver answered without handling a request. */
export type RefusalReason = "signature" | "too_large" | "unreadable" | "content_type" | "headers" | "payload";

/** `busy` and `failed` are deferred: the claim stays for a later run (docs/architecture.md, "Exactly once"). */
export type EffectOutcomeLabel = "performed" | "found" | "already_done" | "busy" | "failed";

export interface GitHubRequestSeen {
  method: string;
  /** The HTTP status, or null when no answer came (a network error). */
  status: number | null;
  /** The installation the client acts for; null for the app itself. */
  installationId: number | null;
  /** `x-ratelimit-resource` (core, graphql, search, ...) and `x-ratelimit-remaining`, when GitHub sent them. */
  rateLimit: { resource: string; remaining: number } | null;
}
