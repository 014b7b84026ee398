/**
 * The sandbox: a local GitHub API simulator (REST under /api/v3, GraphQL at /api/graphql, the
 * GitHub App's user sign-in at /login/oauth/...) that end-to-end tests and the offline demo run
 * Steward against, via GHE_HOST/GHE_PROTOCOL.
 */
export {
  createSandbox,
  defaultClientSecret,
  CONTROL_PREFIX,
  type ControlHandler,
  type Sandbox,
  type SandboxAddress,
  type SandboxOptions,
} from "./server.js";
export { SandboxModel } from "./model/model.js";
export type * from "./model/seeds.js";
export type * from "./model/types.js";
export type { IssuePatch } from "./model/threads.js";
export type { FaultSpec } from "./faults.js";
export type { ContentCreationLimit } from "./content-limit.js";
export type { RecordedRequest, Violation, ViolationKind } from "./recorder.js";
export type { AppInfo } from "./rest/types.js";
export { loadGitHubRoutes, compileRoute, RouteTable } from "./route-table.js";
export { loadGitHubSchema } from "./graphql/schema.js";
export {
  forkWebhook,
  installationRef,
  issueCommentWebhook,
  issuesWebhook,
  pullRequestWebhook,
  reviewCommentWebhook,
  reviewWebhook,
  starWebhook,
  type ActionDetail,
  type IssuesAction,
  type PullRequestAction,
  type Webhook,
} from "./webhooks/payloads.js";
export { discussionCommentWebhook, discussionWebhook, type DiscussionAction } from "./webhooks/payloads-discussion.js";
export type { DiscussionCategorySeed, DiscussionCommentSeed, DiscussionSeed } from "./model/discussions.js";
export { installationRepositoriesWebhook, installationWebhook, type InstallationContext } from "./webhooks/payloads-installation.js";
export { createWebhookSender, type DeliveryRecord, type WebhookSender, type WebhookSenderOptions } from "./webhooks/sender.js";
export { createActivity, urlsOf, type Acted, type Activity, type ActorAt } from "./webhooks/activity.js";
export { createInstallationActivity, type InstallationActivity } from "./webhooks/installation-activity.js";
export { repositoryWebhook, type RepositoryAction, type RepositoryChange } from "./webhooks/payloads-repository.js";
export { createRepositoryActivity, type RepositoryActed, type RepositoryActivity, type SettingsActor } from "./webhooks/repository-activity.js";
export { playScenario, SCENARIO_PEOPLE, type ScenarioOptions, type ScenarioSummary } from "./webhooks/scenario.js";
export { seedHistory, type HistoryOptions, type HistorySummary } from "./model/seed-history.js";
