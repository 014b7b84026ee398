/**
 * The control API's contract, shared by the server (`targets.ts`) and the typed client
 * (`../control-client.ts`): which methods each target allows, and their signatures. Only names
 * listed here are callable; the lists are checked against the interfaces they expose, so a verb
 * added to `Activity` fails to compile until it is listed (or deliberately left out).
 *
 * Wire format: `POST /_sandbox/call` with `{ "target", "method", "args": [...] }`, answered with
 * `{ "result": ... }` or `{ "error": "..." }` (400 bad request, 404 unknown target or method,
 * 405 wrong HTTP method, 422 the method refused, e.g. an unknown repository). JSON has no
 * undefined: the client leaves trailing undefined arguments out; one before a given argument
 * arrives as null.
 */
import type { Permission, TimeInput } from "../model/types.js";
import type { SandboxModel } from "../model/model.js";
import type { HistoryOptions, HistorySummary } from "../model/seed-history.js";
import type { FaultSpec } from "../faults.js";
import type { RecordedRequest, Violation } from "../recorder.js";
import type { AppInfo } from "../rest/types.js";
import type { Activity } from "../webhooks/activity.js";
import type { InstallationActivity } from "../webhooks/installation-activity.js";
import type { ScenarioOptions, ScenarioSummary } from "../webhooks/scenario.js";
import type { DeliveryRecord } from "../webhooks/sender.js";

export const CALL_PATH = "/_sandbox/call";
export const HEALTH_PATH = "/_sandbox/health";

/** Seeding and reading methods of `SandboxModel` (no webhooks are sent). */
export const SANDBOX_MODEL_METHODS = [
  "addUser",
  "renameUser",
  "addOrgMember",
  "addCollaborator",
  "setRepositoryRole",
  "addRepository",
  "addFork",
  "setRepositoryVisibility",
  "setRepositoryArchived",
  "moveRepository",
  "deleteRepository",
  "setFile",
  "deleteFile",
  "createLabel",
  "addStargazer",
  "removeStargazer",
  "setTraffic",
  "addInstallation",
  "setInstallationPermission",
  "listDiscussionComments",
  "grantRepository",
  "removeInstallation",
  "addIssue",
  "addPullRequest",
  "updateIssue",
  "mergePullRequest",
  "setPullDraft",
  "addLabelsToIssue",
  "removeLabelFromIssue",
  "addComment",
  "updateComment",
  "deleteComment",
  "addReaction",
  "addReview",
  "addReviewComment",
  "getUser",
  "repositoryRole",
  "getRepository",
  "listRepositories",
  "listForks",
  "getFile",
  "getLabel",
  "listLabels",
  "listStargazers",
  "getInstallation",
  "listInstallations",
  "installationForAccount",
  "installationRepositories",
  "getIssue",
  "getPullRequest",
  "listIssues",
  "issueLabels",
  "listComments",
  "listRepoComments",
  "getComment",
  "listReactions",
  "listReviews",
  "listReviewComments",
  "listTimeline",
] as const satisfies readonly (keyof SandboxModel)[];

/** The `model` target: the model's own methods plus bulk seeding. */
export type ModelControl = Pick<SandboxModel, (typeof SANDBOX_MODEL_METHODS)[number]> & {
  /** Stars, issues, pull requests and comments with past timestamps (see `seed-history.ts`). */
  seedHistory(options: HistoryOptions): HistorySummary;
  /** The offline demo's project `acme/widget` (install the app on "acme" afterwards to announce it). */
  seedDemo(options?: { installedAt?: TimeInput }): { repo: string; account: string };
};
export const MODEL_METHODS = [...SANDBOX_MODEL_METHODS, "seedHistory", "seedDemo"] as const satisfies readonly (keyof ModelControl)[];

/** The `activity` target: verbs that change the model and send the signed webhook. */
export const ACTIVITY_VERBS = [
  "openIssue",
  "comment",
  "closeIssue",
  "reopenIssue",
  "openPullRequest",
  "mergePullRequest",
  "markReadyForReview",
  "convertToDraft",
  "review",
  "reviewComment",
  "addLabel",
  "removeLabel",
  "star",
  "unstar",
  "fork",
  "publicize",
  "privatize",
  "rename",
  "transfer",
  "archive",
  "unarchive",
  "deleteRepository",
  "openDiscussion",
  "commentOnDiscussion",
  "markDiscussionAnswer",
  "unmarkDiscussionAnswer",
  "closeDiscussion",
  "reopenDiscussion",
  "moveDiscussion",
  "deleteDiscussion",
] as const satisfies readonly (keyof Activity)[];
export type ActivityControl = Pick<Activity, (typeof ACTIVITY_VERBS)[number]> & {
  /** Two weeks of a small project's life as webhooks (see `webhooks/scenario.ts`). */
  playScenario(options: ScenarioOptions): Promise<ScenarioSummary>;
};
export const ACTIVITY_METHODS = [...ACTIVITY_VERBS, "playScenario"] as const satisfies readonly (keyof ActivityControl)[];

/** The `installations` target: install, uninstall, grant a repository, each with its webhook. */
export type InstallationsControl = InstallationActivity;
export const INSTALLATION_METHODS = ["install", "uninstall", "addRepository"] as const satisfies readonly (keyof InstallationsControl)[];

/** What a running sandbox process is; also the content of its ready file. */
export interface SandboxInfo {
  url: string;
  /** "127.0.0.1:3100", for GHE_HOST. */
  host: string;
  port: number;
  appId: number;
  /** Absolute path of the app's private key, or null when it was given inline as PRIVATE_KEY. */
  privateKeyPath: string | null;
  /** The app's OAuth client id and secret, for "Sign in with GitHub" (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET). */
  clientId: string;
  clientSecret: string;
  /** Where activities deliver webhooks now. */
  webhookUrl: string;
  pid: number;
}

/** The `sandbox` target: the process's own knobs and logs. */
export interface SandboxControl {
  info(): SandboxInfo;
  app(): AppInfo;
  /** Changes where (and with which secret) later deliveries and redeliveries go. */
  setWebhookTarget(target: { url?: string; secret?: string }): { url: string };
  /** Every delivery attempt, oldest first, each with its exact body. */
  deliveries(): DeliveryRecord[];
  /** Sends a delivery again with the same id and body (GitHub's "Redeliver"). */
  redeliver(id: string): Promise<DeliveryRecord>;
  failNext(spec: FaultSpec): void;
  pendingFaults(): FaultSpec[];
  clearFaults(): void;
  /** Delays every API answer by `ms` (0: none). */
  setLatency(ms: number): void;
  /** Requests served under /api and by the web flow (/login/oauth/...), optionally only `method` ones whose path (or route template) matches. */
  requests(method?: string, path?: string | RegExp): RecordedRequest[];
  resetRequests(): void;
  violations(): Violation[];
  resetViolations(): void;
  /** The model clock, ISO. */
  now(): string;
  /** Freezes the model clock at `at` (null: real time again); returns the clock's time. */
  setNow(at: TimeInput | null): string;
  /** A token for a plain Octokit, as if the app had asked for one. */
  createInstallationToken(installationId: number, permissions?: Record<string, Permission>): string;
}
export const SANDBOX_METHODS = [
  "info",
  "app",
  "setWebhookTarget",
  "deliveries",
  "redeliver",
  "failNext",
  "pendingFaults",
  "clearFaults",
  "setLatency",
  "requests",
  "resetRequests",
  "violations",
  "resetViolations",
  "now",
  "setNow",
  "createInstallationToken",
] as const satisfies readonly (keyof SandboxControl)[];

/** The targets and the methods each allows. */
export const CONTROL_METHODS = {
  model: MODEL_METHODS,
  activity: ACTIVITY_METHODS,
  installations: INSTALLATION_METHODS,
  sandbox: SANDBOX_METHODS,
} as const;
export type TargetName = keyof typeof CONTROL_METHODS;

/** Compiles only when T is never: here, when no verb or knob is missing from its list. */
type Exhaustive<T extends never> = T;
/** @public Exported only so that `noUnusedLocals` keeps the check: nothing uses it, it only has to compile. */
export type EveryVerbListed = Exhaustive<
  | Exclude<keyof Activity, (typeof ACTIVITY_VERBS)[number] | "model" | "sender">
  | Exclude<keyof InstallationsControl, (typeof INSTALLATION_METHODS)[number]>
  | Exclude<keyof SandboxControl, (typeof SANDBOX_METHODS)[number]>
>;

export type { HistoryOptions, HistorySummary };
