import type { E2E } from "../helpers/e2e-harness.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

type Json = Record<string, unknown>;

let nextUserId = 5000;
const userIds = new Map<string, number>();
const userOf = (base: unknown, login: string, type = "User"): Json => {
  if (!userIds.has(login)) userIds.set(login, nextUserId++);
  return { ...(base as Json), login, id: userIds.get(login), type };
};

/** What a test user's welcomes are claimed under: their account id, as these payloads give it. */
export const subjectOf = (login: string): string => `id:${userIds.get(login)}`;

export interface Opened {
  number: number;
  payload: Json;
}

/**
 * Opens an issue in the sandbox (so API reads see it) and returns the real `issues.opened`
 * example payload rewritten to describe it: number, id, author, association and time.
 */
export function openIssue(e2e: E2E, login: string, association: string, createdAt: string, type = "User"): Opened {
  const record = e2e.sandbox.model.addIssue("acme/widget", { user: login, authorAssociation: association as never, createdAt });
  const payload = examplePayload("issues", "opened");
  const issue = payload.issue as Json;
  payload.issue = {
    ...issue,
    id: record.id,
    number: record.number,
    user: userOf(issue.user, login, type),
    author_association: association,
    created_at: createdAt,
    updated_at: createdAt,
  };
  return { number: record.number, payload: forRepository(payload, e2e.target) };
}

/** Opens a pull request in the sandbox and returns the matching `pull_request.opened` example payload. */
export function openPull(e2e: E2E, login: string, association: string, createdAt: string, type = "User"): Opened {
  const record = e2e.sandbox.model.addPullRequest("acme/widget", { user: login, authorAssociation: association as never, createdAt });
  const payload = examplePayload("pull_request", "opened");
  const pr = payload.pull_request as Json;
  payload.pull_request = {
    ...pr,
    id: record.id,
    number: record.number,
    user: userOf(pr.user, login, type),
    author_association: association,
    created_at: createdAt,
    updated_at: createdAt,
  };
  payload.number = record.number;
  return { number: record.number, payload: forRepository(payload, e2e.target) };
}

/** Merges an open pull request in the sandbox and returns the `pull_request.closed` example payload, merged. */
export function mergePull(e2e: E2E, opened: Opened, mergedAt: string): Json {
  const merged = e2e.sandbox.model.mergePullRequest("acme/widget", opened.number, "acme-lead", mergedAt);
  const payload = examplePayload("pull_request", "closed");
  const before = opened.payload.pull_request as Json;
  payload.pull_request = {
    ...(payload.pull_request as Json),
    id: before.id,
    number: merged.number,
    user: before.user,
    author_association: before.author_association,
    created_at: before.created_at,
    updated_at: mergedAt,
    closed_at: mergedAt,
    merged_at: mergedAt,
    merged: true,
  };
  payload.number = merged.number;
  return forRepository(payload, e2e.target);
}
