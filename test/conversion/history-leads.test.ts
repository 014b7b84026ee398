import { describe, expect, it } from "vitest";
import { historyLeads } from "../../src/conversion/history-leads.js";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { GqlActor, GqlComment, GqlReview, GqlThread } from "../../src/github/backfill-queries.js";
import { threadWritings } from "../../src/metrics/backfill-writings.js";

const none = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
const user = (login: string, databaseId: number, company: string | null = null): GqlActor => ({ __typename: "User", login, databaseId, company });
const comment = (databaseId: number, author: GqlActor | null, body: string, authorAssociation = "NONE"): GqlComment => ({
  databaseId,
  author,
  body,
  authorAssociation,
  createdAt: `2026-01-02T00:00:${String(databaseId % 60).padStart(2, "0")}Z`,
});

function thread(overrides: Partial<GqlThread>): GqlThread {
  return {
    databaseId: 501,
    number: 7,
    title: "A question",
    body: "",
    author: user("ann", 11, "@acme-corp"),
    authorAssociation: "NONE",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-05T00:00:00Z",
    closedAt: null,
    state: "OPEN",
    locked: false,
    labels: { nodes: [] },
    assignees: { nodes: [] },
    comments: none,
    timelineItems: none,
    ...overrides,
  };
}

const config = (yaml: Record<string, unknown> = {}) => stewardConfigSchema.parse(yaml);
const found = (node: GqlThread, isPull = false, rules = config()) =>
  historyLeads(3, threadWritings(node, isPull), rules).map(({ signal, profile }) => ({ ...signal, company: profile?.company }));

describe("leads in history, as the webhooks find them", () => {
  it("finds a community member's terms in an issue's title and body and in comments, keyed as the webhook's facts", () => {
    const node = thread({
      title: "SSO support",
      body: "We need SAML, and an *audit\nlog*. Not `LDAP` (code) nor\n\n> SCIM (a quote).",
      comments: {
        ...none,
        nodes: [
          comment(901, user("bo", 12), "Is there **pricing** for a support contract?"),
          comment(902, user("maint", 13), "Enterprise pricing is coming.", "MEMBER"),
          comment(903, user("bo", 12), "Thanks, that helps."),
        ],
      },
    });
    expect(found(node)).toEqual([
      {
        repositoryId: 3,
        naturalKey: "issue:501:opened",
        login: "ann",
        userId: 11,
        itemNumber: 7,
        terms: ["SSO", "SAML", "audit log"],
        occurredAt: new Date("2026-01-01T00:00:00Z"),
        company: "@acme-corp",
      },
      {
        repositoryId: 3,
        naturalKey: "comment:901:created",
        login: "bo",
        userId: 12,
        itemNumber: 7,
        terms: ["pricing", "support contract"],
        occurredAt: new Date("2026-01-02T00:00:01Z"),
        company: null,
      },
    ]);
  });

  it("leaves out maintainers (by association or steward.yml), bots (by type or ignoreUsers) and deleted accounts", () => {
    const node = (author: GqlActor | null, authorAssociation = "NONE") => thread({ title: "enterprise", author, authorAssociation });
    expect(found(node(user("owner", 1), "OWNER"))).toEqual([]);
    expect(found(node(user("collab", 2), "COLLABORATOR"))).toEqual([]);
    expect(found(node(user("listed", 3)), false, config({ maintainers: ["Listed"] }))).toEqual([]);
    expect(found(node({ __typename: "Bot", login: "renovate", databaseId: 4 }))).toEqual([]);
    expect(found(node(user("ci-helper", 5)), false, config({ ignoreUsers: ["ci-helper"] }))).toEqual([]);
    expect(found(node(null))).toEqual([]);
    // A contributor is community: their words count.
    expect(found(node(user("dev", 6), "CONTRIBUTOR")).map((s) => s.terms)).toEqual([["enterprise"]]);
  });

  it("uses the configured terms, and records nothing when conversion is off", () => {
    const node = thread({ body: "We need SSO and a Frobnicator license." });
    expect(found(node, false, config({ conversion: { terms: ["frobnicator license"] } })).map((s) => s.terms)).toEqual([["frobnicator license"]]);
    expect(found(node, false, config({ conversion: { enabled: false } }))).toEqual([]);
  });

  it("reads a pull request's opening and its submitted reviews, not pending ones", () => {
    const review = (databaseId: number, state: string, submittedAt: string | null): GqlReview => ({
      databaseId,
      author: user("cy", 14),
      authorAssociation: "NONE",
      state,
      submittedAt,
      body: "We deploy this air-gapped.",
    });
    const node = thread({
      databaseId: 777,
      title: "Add on-prem docs",
      reviews: { ...none, nodes: [review(41, "COMMENTED", "2026-01-03T00:00:00Z"), review(42, "PENDING", null)] },
    });
    expect(found(node, true).map((s) => [s.naturalKey, s.terms])).toEqual([
      ["pr:777:opened", ["on-prem"]],
      ["review:41:submitted", ["air-gapped"]],
    ]);
  });
});
