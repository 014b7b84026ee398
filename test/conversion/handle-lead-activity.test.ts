import { pino } from "pino";
import type { Logger } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleLeadActivity, PROFILE_MAX_AGE_MS } from "../../src/conversion/handle-lead-activity.js";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { ItemActivity } from "../../src/runtime/item-activity.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { leadSignals } from "../../src/store/schema.js";
import { findUserProfile } from "../../src/store/user-profiles.js";
import { createTestStore } from "../helpers/test-store.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

const TARGET = { installationId: 1, repositoryId: 10, owner: "acme", name: "widget" };
const T0 = new Date("2026-03-01T00:00:00Z");
/** The account id of the example issue's author: the profile read answers for that account. */
const AUTHOR_ID = ((examplePayload("issues", "opened").issue as Record<string, unknown>).user as { id: number }).id;

describe("handleLeadActivity", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let now: Date;
  let profileReads: string[];
  let failProfile: boolean;
  let warnings: string[];
  const octokit = {
    rest: {
      users: {
        async getByUsername({ username }: { username: string }) {
          profileReads.push(username);
          if (failProfile) throw Object.assign(new Error("Server Error"), { status: 502 });
          return { data: { login: username, id: AUTHOR_ID, type: "User", company: "Acme, Inc." } };
        },
      },
    },
  } as unknown as GitHubClient;

  beforeEach(async () => {
    store = await createTestStore();
    now = T0;
    profileReads = [];
    failProfile = false;
    warnings = [];
  });
  afterEach(() => store.dispose());

  function issuePayload(action: string, body: string, association = "NONE", title = "A question"): Record<string, unknown> {
    const payload = forRepository(examplePayload("issues", "opened"), TARGET);
    const issue = payload.issue as Record<string, unknown>;
    Object.assign(issue, {
      body,
      title,
      author_association: association,
      updated_at: new Date(T0.getTime() + (action === "edited" ? 60_000 : 0)).toISOString(),
    });
    return { ...payload, action };
  }

  async function deliver(name: string, payload: Record<string, unknown>, overrides: Partial<StewardConfig["conversion"]> = {}) {
    const config = stewardConfigSchema.parse({ conversion: overrides });
    const entry = toLedgerEntry({ id: `d-${Math.random()}`, name, payload, receivedAt: now });
    const log = pino({ level: "silent" }) as unknown as Logger;
    log.warn = ((msg: string) => void warnings.push(msg)) as Logger["warn"];
    const activity: ItemActivity = {
      db: store.db,
      now: () => now,
      log,
      octokit,
      steward: async () => ({ appId: 1, botLogin: "steward[bot]" }),
      deliveryId: "d",
      name,
      action: String(payload.action),
      payload,
      repository: entry.repository!,
      installationId: 1,
      config,
      entry,
    };
    await handleLeadActivity(activity);
  }
  const signals = () =>
    store.db
      .select()
      .from(leadSignals)
      .all()
      .map((s) => [s.login, s.terms]);

  it("records a community member's interest once, reads their company once a month", async () => {
    const opened = issuePayload("opened", "We need SSO and an SLA.");
    const author = ((opened.issue as Record<string, unknown>).user as { login: string }).login;
    await deliver("issues", opened);
    await deliver("issues", opened);
    expect(signals()).toEqual([[author, ["SSO", "SLA"]]]);
    expect((await findUserProfile(store.db, AUTHOR_ID))?.companyKey).toBe("acme");
    expect(profileReads).toEqual([author]);

    // An edit adds only terms not yet used on that item; a typo fix adds nothing.
    now = new Date(T0.getTime() + PROFILE_MAX_AGE_MS - 1);
    await deliver("issues", issuePayload("edited", "We need SSO and an SLA!"));
    expect(signals()).toHaveLength(1);
    now = new Date(T0.getTime() + PROFILE_MAX_AGE_MS + 1);
    await deliver("issues", { ...issuePayload("edited", "We need SSO, an SLA and SCIM."), changes: {} });
    expect(signals()).toEqual([
      [author, ["SSO", "SLA"]],
      [author, ["SCIM"]],
    ]);
    expect(profileReads).toEqual([author, author]);
  });

  it("ignores maintainers, bots and texts without a term, and does nothing when disabled", async () => {
    await deliver("issues", issuePayload("opened", "We need SSO", "MEMBER"));
    const bot = issuePayload("opened", "We need SSO");
    (bot.issue as Record<string, unknown>).user = { login: "helper[bot]", id: 1, type: "Bot" };
    await deliver("issues", bot);
    await deliver("issues", issuePayload("opened", "Crash on start"));
    await deliver("issues", issuePayload("opened", "We need SSO"), { enabled: false });
    expect(signals()).toEqual([]);
    expect(profileReads).toEqual([]);
  });

  it("keeps the lead when the profile cannot be read, and says so", async () => {
    failProfile = true;
    await deliver("issues", issuePayload("opened", "enterprise pricing?"));
    expect(signals()).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/could not read the profile of .* \(HTTP 502\); the lead is recorded without a company/);
  });

  it("reads comments, titles and reviews, each as its author wrote them", async () => {
    const comment = forRepository(examplePayload("issue_comment", "created"), TARGET);
    Object.assign(comment.comment as Record<string, unknown>, { body: "Is there a commercial\nlicense?", author_association: "NONE" });
    await deliver("issue_comment", comment);
    await deliver("issues", issuePayload("opened", "", "NONE", "On-prem install fails"));
    const review = forRepository(examplePayload("pull_request_review", "submitted"), TARGET);
    Object.assign(review.review as Record<string, unknown>, { body: "LGTM, we run this air-gapped", author_association: "CONTRIBUTOR" });
    await deliver("pull_request_review", review);
    expect(signals().map(([, terms]) => terms)).toEqual([["commercial license"], ["on-prem"], ["air-gapped"]]);
  });
});
