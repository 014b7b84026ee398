import { normalizeCompany } from "../../src/domain/company.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { pendingProgress, saveBackfillProgress } from "../../src/store/backfill-state.js";
import { saveConfigStatus } from "../../src/store/config-status.js";
import { recordContribution } from "../../src/store/contributors.js";
import { removeCustomer, saveCustomer } from "../../src/store/customers.js";
import { saveDailyMetrics } from "../../src/store/daily-metrics.js";
import type { DB } from "../../src/store/db.js";
import { markDigestClosed, saveDigest } from "../../src/store/digests.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordLeadSignal } from "../../src/store/leads.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { refreshMemberProjection } from "../../src/store/member-projection.js";
import { recordCrossing } from "../../src/store/milestone-crossings.js";
import { saveRepositoryFacts } from "../../src/store/repository-facts.js";
import { takeJobLease } from "../../src/store/job-leases.js";
import { claimEffect, completeEffect } from "../../src/store/side-effects.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { takeWriteSlot } from "../../src/store/write-slots.js";
import { examplePayload, forRepository } from "./webhook-examples.js";

/** A repository id past 2^31, as GitHub's ids now are: SQLite's 64-bit integers must arrive whole. */
export const FIXTURE_REPO = { installationId: 42, repositoryId: 2_147_483_650, owner: "acme", name: "widget" };
const OTHER_REPO = { ...FIXTURE_REPO, repositoryId: 77, name: "gadget" };
const NOW = new Date("2026-11-23T10:00:00.123Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** The people of the fixture: account ids, and companies spelled as people write them. */
const PEOPLE = {
  alice: { id: 11, company: "Société Générale 🚀" },
  bob: { id: 12, company: "@acme" },
  carol: { id: 13, company: "Acme, Inc." },
  dave: { id: 14, company: null },
};
type Person = keyof typeof PEOPLE;
const account = (login: Person) => ({ login, id: PEOPLE[login].id, type: "User" });

/**
 * Fills every table of a migrated SQLite store through the store's own writes, as a running server
 * would: deliveries recorded into the ledger (events, items, unhandled payloads), profiles, the
 * member projection folded (so the counters hold values), and each feature's table written by its
 * module. Values reach the edges the copy must carry: non-ASCII text, nested JSON, nulls, floats,
 * milliseconds, ids past 2^31, and a deleted customer so that SQLite's AUTOINCREMENT is ahead of
 * the largest id.
 */
export async function fillEveryTable(db: DB): Promise<void> {
  const repo = (target: typeof FIXTURE_REPO, isPrivate: boolean) => ({
    id: target.repositoryId,
    installationId: target.installationId,
    owner: target.owner,
    name: target.name,
    fullName: `${target.owner}/${target.name}`,
    private: isPrivate,
  });
  await registerInstallation(
    db,
    { id: 42, accountLogin: "acme", accountType: "Organization" },
    [repo(FIXTURE_REPO, false), repo(OTHER_REPO, true)],
    NOW,
  );

  await deliver(db, "d-1", "issues", "opened", "alice", (payload) => {
    const issue = payload.issue as Record<string, unknown>;
    payload.issue = { ...issue, number: 1, title: 'Crash on ünïcödé input 🚀 "quoted"', user: account("alice"), author_association: "NONE" };
  });
  await deliver(db, "d-2", "issue_comment", "created", "bob", (payload) => {
    payload.issue = { ...(payload.issue as Record<string, unknown>), number: 1 };
    payload.comment = { ...(payload.comment as Record<string, unknown>), user: account("bob"), author_association: "CONTRIBUTOR" };
  });
  for (const [id, login] of [
    ["d-3", "bob"],
    ["d-4", "carol"],
    ["d-5", "dave"],
  ] as const) {
    await deliver(db, id, "star", "created", login, () => {});
  }

  await saveUserProfiles(
    db,
    (Object.keys(PEOPLE) as Person[]).map((login) => ({ login, userId: PEOPLE[login].id, type: "User", company: PEOPLE[login].company })),
    at(1),
  );
  await refreshMemberProjection(db, FIXTURE_REPO.repositoryId);

  await recordContribution(db, { repositoryId: FIXTURE_REPO.repositoryId, login: "alice", userId: 11, at: at(2), pullNumber: 2, source: "webhook" });
  await recordContribution(db, {
    repositoryId: FIXTURE_REPO.repositoryId,
    login: "old-timer",
    userId: null,
    at: at(-9_000),
    pullNumber: null,
    source: "backfill",
  });
  await recordCrossing(db, {
    repositoryId: FIXTURE_REPO.repositoryId,
    metric: "stars",
    threshold: 3,
    crossedAt: at(3),
    value: 3,
    login: "dave",
    userId: 14,
    itemNumber: null,
  });
  await saveDailyMetrics(db, FIXTURE_REPO.repositoryId, "2026-11-22", { stars: 3, activeMembers: 2, medianResponseHours: 0.1 + 0.2 });
  await saveRepositoryFacts(
    db,
    FIXTURE_REPO.repositoryId,
    { stargazers: 3, traffic: { views: 10, uniques: 4 }, topics: ["b", "a"], license: null },
    at(4),
  );
  await saveBackfillProgress(db, {
    ...pendingProgress(FIXTURE_REPO.repositoryId, "stars", null, at(5)),
    status: "done",
    done: 3,
    total: 3,
    finishedAt: at(6),
  });
  await saveBackfillProgress(db, {
    ...pendingProgress(FIXTURE_REPO.repositoryId, "issues", "Y3Vyc29yOjE=", at(5)),
    lastError: "GitHub answered 502",
  });
  await saveDigest(db, {
    repositoryId: FIXTURE_REPO.repositoryId,
    week: "2026-W47",
    issueNumber: 9,
    issueUrl: "https://github.com/acme/widget/issues/9",
    figures: { stars: { total: 3, change: 1.5 }, leads: [], zeta: "ω" },
    publishedAt: at(7),
  });
  await markDigestClosed(db, FIXTURE_REPO.repositoryId, "2026-W47", at(8));
  await recordLeadSignal(db, {
    repositoryId: FIXTURE_REPO.repositoryId,
    naturalKey: "issue_comment:1:2",
    login: "bob",
    userId: 12,
    itemNumber: 1,
    terms: ["enterprise", "SSO"],
    occurredAt: at(9),
  });
  for (const company of ["Acme, Inc.", "Initech"]) {
    await saveCustomer(
      db,
      {
        repositoryId: FIXTURE_REPO.repositoryId,
        company,
        companyKey: normalizeCompany(company)!,
        plan: "enterprise",
        mrrCents: 50_000,
        login: null,
        since: at(10),
      },
      at(10),
    );
  }
  // AUTOINCREMENT never gives a deleted id again: PostgreSQL's sequence must not either.
  await removeCustomer(db, FIXTURE_REPO.repositoryId, normalizeCompany("Initech")!);
  const welcome = { repositoryId: FIXTURE_REPO.repositoryId, kind: "welcome.first-issue", subject: "#1", period: "" };
  await claimEffect(db, welcome, at(11), 60_000);
  await completeEffect(db, welcome, { commentId: 123, url: "https://github.com/acme/widget/issues/1#issuecomment-123" }, at(12));
  await claimEffect(db, { ...welcome, kind: "digest", subject: "weekly", period: "2026-W48" }, at(13), 60_000);
  await saveConfigStatus(db, FIXTURE_REPO.repositoryId, [{ path: "welcome.message", message: "must be text" }], at(14));
  await takeJobLease(db, "sweep", "replica-a:1:abc", at(15), at(15), 60_000);
  for (const minute of [16, 17]) await takeWriteSlot(db, FIXTURE_REPO.installationId, at(minute), { perMinute: 60, perHour: 500 });
}

/** Records one example delivery as `login`, changed by `edit`, with its payload kept as unhandled. */
async function deliver(db: DB, id: string, name: string, action: string, login: Person, edit: (payload: Record<string, unknown>) => void) {
  const payload = forRepository(examplePayload(name, action), FIXTURE_REPO);
  payload.sender = account(login);
  edit(payload);
  const receivedAt = at(Number(id.slice(2)));
  const entry = toLedgerEntry({ id, name, payload, receivedAt });
  await recordDelivery(db, { id, event: name, action, receivedAt, payload: JSON.stringify(payload) }, entry);
}
