import { pino } from "pino";
import type { Logger } from "probot";
import { describe, expect, it } from "vitest";
import { handleLeadActivity } from "../../src/conversion/handle-lead-activity.js";
import { recordHistoryLeads } from "../../src/conversion/history-leads.js";
import { defaultConfig } from "../../src/config/schema.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { commentWriting } from "../../src/metrics/backfill-writings.js";
import type { ItemActivity } from "../../src/runtime/item-activity.js";
import type { DB } from "../../src/store/db.js";
import { tablesOf } from "../../src/store/engine.js";
import { findUserProfile } from "../../src/store/user-profiles.js";
import { useTestStore } from "../helpers/test-store.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

const TARGET = { installationId: 1, repositoryId: 10, owner: "acme", name: "widget" };
const NOW = new Date("2026-03-01T00:00:00Z");
const BODY = "Before we roll this out: is there SSO, and pricing for a support contract?";

/** One comment as its webhook carries it, and as the backfill's GraphQL page gives it. */
function sameComment() {
  const payload = forRepository(examplePayload("issue_comment", "created"), TARGET);
  const comment = payload.comment as Record<string, unknown>;
  Object.assign(comment, { body: BODY, author_association: "NONE" });
  const author = comment.user as { login: string; id: number };
  const issueNumber = (payload.issue as { number: number }).number;
  const node = {
    databaseId: comment.id as number,
    author: { __typename: "User", login: author.login, databaseId: author.id, company: "Globex, Inc." },
    authorAssociation: "NONE",
    createdAt: comment.created_at as string,
    body: BODY,
  };
  return { payload, author, written: commentWriting(node, issueNumber, false) };
}

describe("a lead signal seen by the webhook and by the backfill", () => {
  const store = useTestStore();
  const profileReads: string[] = [];
  const octokit = {
    rest: {
      users: {
        async getByUsername({ username }: { username: string }) {
          profileReads.push(username);
          return { data: { login: username, id: sameComment().author.id, type: "User", company: "Initech" } };
        },
      },
    },
  } as unknown as GitHubClient;

  async function deliver(db: DB, payload: Record<string, unknown>): Promise<void> {
    const entry = toLedgerEntry({ id: `d-${Math.random()}`, name: "issue_comment", payload, receivedAt: NOW });
    const activity: ItemActivity = {
      db,
      now: () => NOW,
      log: pino({ level: "silent" }) as unknown as Logger,
      octokit,
      steward: async () => ({ appId: 1, botLogin: "steward[bot]" }),
      deliveryId: "d",
      name: "issue_comment",
      action: "created",
      payload,
      repository: entry.repository!,
      installationId: 1,
      config: defaultConfig,
      entry,
    };
    await handleLeadActivity(activity);
  }

  const rows = async (db: DB) => {
    const { leadSignals } = tablesOf(db);
    return db.select().from(leadSignals);
  };

  it("is stored once, the same, whichever path came first", async () => {
    const { db } = store;
    const { payload, author, written } = sameComment();

    // The webhook first: the backfill finds the same key and records nothing more.
    profileReads.length = 0;
    await deliver(db, payload);
    const live = await rows(db);
    expect(live).toHaveLength(1);
    expect(await recordHistoryLeads(db, TARGET.repositoryId, [written], defaultConfig, NOW)).toBe(0);
    expect(await rows(db)).toEqual(live);
    expect(profileReads).toEqual([author.login]);
    expect((await findUserProfile(db, author.id))?.company).toBe("Initech");

    // The backfill first, on an empty table: the webhook then adds nothing and reads no profile.
    const { leadSignals } = tablesOf(db);
    await db.delete(leadSignals);
    profileReads.length = 0;
    expect(await recordHistoryLeads(db, TARGET.repositoryId, [written], defaultConfig, NOW)).toBe(1);
    expect(await rows(db)).toEqual(live);
    await deliver(db, payload);
    expect(await rows(db)).toEqual(live);
    expect(profileReads).toEqual([]);
    expect(live[0]).toMatchObject({
      naturalKey: `comment:${written.fact.data?.commentId}:created`,
      login: author.login,
      userId: author.id,
      terms: ["SSO", "pricing", "support contract"],
      kind: "interest",
    });
    // The backfill's page carried the company: a new lead has it without a profile read.
    expect((await findUserProfile(db, author.id))?.company).toBe("Globex, Inc.");
  });
});
