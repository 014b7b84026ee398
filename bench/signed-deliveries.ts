import { randomUUID } from "node:crypto";
import { signBody } from "../src/http/webhook-signature.js";
import { examplePayload, forRepository } from "../test/helpers/webhook-examples.js";

export interface DeliveryTarget {
  installationId: number;
  repositoryId: number;
  owner: string;
  name: string;
}

/** One webhook delivery as GitHub sends it: event name, a unique id, the body and its signature. */
export interface SignedDelivery {
  event: string;
  id: string;
  body: string;
  headers: Record<string, string>;
}

/** The events the throughput and memory benchmarks send, in turn. */
export const MIXED_EVENTS = ["issues", "issue_comment", "star"] as const;

const BASE_TIME = Date.parse("2026-11-02T09:00:00Z");

/**
 * The n-th delivery of the mix: `issues.opened`, `issue_comment.created` and `star.created` in
 * turn, from the real example payloads, each made new (its own issue, comment or stargazer, and a
 * fresh X-GitHub-Delivery) so that Steward records a delivery and a ledger event for every one.
 */
export function mixedDeliveryFactory(target: DeliveryTarget, secret: string): (n: number) => SignedDelivery {
  const templates = {
    issues: forRepository(examplePayload("issues", "opened"), target),
    issue_comment: forRepository(examplePayload("issue_comment", "created"), target),
    star: forRepository(examplePayload("star", "created"), target),
  };
  return (n) => {
    const event = MIXED_EVENTS[n % MIXED_EVENTS.length]!;
    const at = new Date(BASE_TIME + n * 1000).toISOString();
    const payload = { ...templates[event] } as Record<string, unknown>;
    if (event === "issues") {
      payload.issue = { ...(payload.issue as object), id: 900_000_000 + n, number: 10_000 + n, created_at: at, updated_at: at };
    } else if (event === "issue_comment") {
      payload.issue = { ...(payload.issue as object), number: 1 + (n % 50), updated_at: at };
      payload.comment = { ...(payload.comment as object), id: 800_000_000 + n, created_at: at, updated_at: at };
    } else {
      payload.sender = { ...(payload.sender as object), login: `stargazer-${n}`, id: 700_000_000 + n };
      payload.starred_at = at;
    }
    const body = JSON.stringify(payload);
    const id = randomUUID();
    return {
      event,
      id,
      body,
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/bench",
        "x-github-event": event,
        "x-github-delivery": id,
        "x-hub-signature-256": signBody(secret, body),
      },
    };
  };
}
