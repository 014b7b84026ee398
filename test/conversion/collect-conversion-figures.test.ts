import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectConversionFigures } from "../../src/conversion/collect-conversion-figures.js";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { saveCustomer } from "../../src/store/customers.js";
import { forgetInstallation, forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { listLeads, recordLeadSignal } from "../../src/store/leads.js";
import { contributors, customers, events, leadSignals } from "../../src/store/schema.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { tableChecksums } from "../helpers/table-checksums.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const OTHER = { ...REPO, id: 11, name: "gadget", fullName: "acme/gadget" };
const WEEK = { start: new Date("2026-03-02T00:00:00Z"), end: new Date("2026-03-09T00:00:00Z") };
const config = stewardConfigSchema.parse({ maintainers: ["lead-dev"], ignoreUsers: ["ci-helper"] });

/** Each person's account id (logins match without case; the profiles below use the same ids). */
const IDS = ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "owner", "lead-dev", "renovate[bot]", "ci-helper", "late", "zed", "old-fan", "hal"];
const idOf = (login: string) => IDS.indexOf(login.toLowerCase()) + 1;

let seq = 0;
function event(login: string, kind: string, at: string, extra: { association?: string; actorType?: string; repositoryId?: number } = {}) {
  return {
    repositoryId: extra.repositoryId ?? REPO.id,
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
    actorId: idOf(login),
    actorType: extra.actorType ?? "User",
    association: extra.association ?? null,
    occurredAt: new Date(at),
  };
}

describe("collectConversionFigures", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO, OTHER], WEEK.start);
  });
  afterEach(() => store.dispose());

  async function seed() {
    const db = store.db;
    db.insert(events)
      .values([
        event("ann", "star.created", "2026-01-01T00:00:00Z"),
        event("bob", "star.created", "2026-01-02T00:00:00Z"),
        event("bob", "star.deleted", "2026-02-01T00:00:00Z"),
        event("cat", "star.created", "2026-01-03T00:00:00Z"),
        event("cat", "star.deleted", "2026-01-04T00:00:00Z"),
        event("cat", "star.created", "2026-01-05T00:00:00Z"),
        event("dan", "fork.created", "2026-01-06T00:00:00Z"),
        event("dan", "star.created", "2026-01-06T00:00:00Z"),
        event("dan", "star.deleted", "2026-01-07T00:00:00Z"),
        event("owner", "star.created", "2026-01-08T00:00:00Z"),
        event("owner", "issues.opened", "2026-01-08T00:00:00Z", { association: "OWNER" }),
        event("lead-dev", "star.created", "2026-01-08T00:00:00Z"),
        event("renovate[bot]", "star.created", "2026-01-08T00:00:00Z", { actorType: "Bot" }),
        event("ci-helper", "issue_comment.created", "2026-03-03T00:00:00Z"),
        event("late", "star.created", "2026-03-10T00:00:00Z"),
        event("ann", "issues.opened", "2026-02-10T00:00:00Z", { association: "NONE" }),
        event("eve", "issue_comment.created", "2026-03-03T00:00:00Z", { association: "NONE" }),
        event("fay", "pull_request_review.submitted", "2026-03-04T00:00:00Z", { association: "CONTRIBUTOR" }),
        event("gus", "pull_request.opened", "2026-01-10T00:00:00Z", { association: "NONE" }),
        event("gus", "issues.labeled", "2026-03-05T00:00:00Z"),
        event("zed", "star.created", "2026-01-01T00:00:00Z", { repositoryId: OTHER.id }),
      ])
      .run();
    db.insert(contributors)
      .values([
        { repositoryId: REPO.id, login: "gus", firstContributedAt: new Date("2026-01-11T00:00:00Z"), source: "webhook" },
        { repositoryId: REPO.id, login: "fay", firstContributedAt: new Date("2026-03-20T00:00:00Z"), source: "webhook" },
      ])
      .run();
    const signal = (login: string, at: string, key: string) =>
      recordLeadSignal(db, {
        repositoryId: REPO.id,
        naturalKey: key,
        login,
        userId: idOf(login),
        itemNumber: 1,
        terms: ["SSO"],
        occurredAt: new Date(at),
      });
    await signal("ann", "2026-02-10T00:00:00Z", "s1");
    await signal("eve", "2026-03-03T00:00:00Z", "s2");
    await signal("ann", "2026-03-04T00:00:00Z", "s3");
    await saveUserProfiles(
      db,
      [
        { login: "ann", userId: 1, type: "User", company: "Acme Corp" },
        { login: "cat", userId: 3, type: "User", company: "@acme" },
        { login: "eve", userId: 5, type: "User", company: "Initech" },
        { login: "gus", userId: 7, type: "User", company: null },
      ],
      WEEK.start,
    );
    await saveCustomer(
      db,
      {
        repositoryId: REPO.id,
        company: "ACME",
        companyKey: "acme",
        plan: "team",
        mrrCents: 50_050,
        login: null,
        since: new Date("2026-02-15T00:00:00Z"),
      },
      WEEK.start,
    );
    await saveCustomer(
      db,
      {
        repositoryId: REPO.id,
        company: "Hooli",
        companyKey: "hooli",
        plan: "team",
        mrrCents: 10_000,
        login: null,
        since: new Date("2026-04-01T00:00:00Z"),
      },
      WEEK.start,
    );
  }

  it("counts each stage without bots, maintainers or unstarred users, with rates, leads new and total, MRR and companies", async () => {
    await seed();
    const figures = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    // ann, cat (starred again), dan (forked); not bob (unstarred), owner/lead-dev (maintainers), the bot, late.
    // Participants: ann, eve, fay, gus; not owner nor ci-helper.
    // Two leads, one contributor (gus, no lead): each rate is against the stage it names, so the
    // leads are compared with the participants they are, never as 200% of the contributors.
    expect(figures.funnel).toEqual([
      { stage: "stargazers", count: 3, rateFromPrevious: null, base: null, rate: null },
      { stage: "participants", count: 4, rateFromPrevious: 4 / 3, base: "stargazers", rate: 4 / 3 },
      { stage: "contributors", count: 1, rateFromPrevious: 1 / 4, base: "participants", rate: 1 / 4 },
      { stage: "leads", count: 2, rateFromPrevious: 2, base: "participants", rate: 2 / 4 },
      { stage: "customers", count: 1, rateFromPrevious: 1 / 2, base: "leads", rate: 1 / 2 },
    ]);
    expect(figures).toMatchObject({ leadsTotal: 2, leadsNew: 1, customers: 1, mrrUsd: 500.5 });
    // Active in the 30 days before the end: ann (lead signal is not activity; her issue is 2026-02-10: yes),
    // eve, fay, gus (a label counts as activity), not ci-helper.
    expect(figures.customersPerActiveMember).toBeCloseTo(1 / 4);
    expect(figures.topCompanies).toEqual([
      { company: "ACME", stargazers: 2, participants: 1, leads: 1 },
      { company: "Initech", stargazers: 0, participants: 1, leads: 1 },
    ]);
    expect(figures.leads.map((l) => [l.login, l.company, l.lastSeenAt.toISOString()])).toEqual([
      ["ann", "Acme Corp", "2026-03-04T00:00:00.000Z"],
      ["eve", "Initech", "2026-03-03T00:00:00.000Z"],
    ]);
  });

  it("counts facts stored after an earlier collection, a backfill's old ones included, and keeps config names case-insensitive", async () => {
    await seed();
    const before = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    store.db
      .insert(events)
      .values([
        // A backfilled star from last year, stored after everything else: a new stargazer at the week's end.
        event("old-fan", "star.created", "2025-06-01T00:00:00Z"),
        // bob stars again within the week: back among the stargazers.
        event("bob", "star.created", "2026-03-06T00:00:00Z"),
        // Listed in ignoreUsers and maintainers with another case: still left out.
        event("CI-Helper", "star.created", "2026-03-06T00:00:00Z"),
        event("Lead-Dev", "issue_comment.created", "2026-03-06T00:00:00Z", { association: "NONE" }),
        // After the period: not counted yet.
        event("hal", "issues.opened", "2026-03-09T00:00:00Z", { association: "NONE" }),
      ])
      .run();
    const after = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    expect(before.funnel.slice(0, 2).map((s) => s.count)).toEqual([3, 4]);
    expect(after.funnel.slice(0, 2).map((s) => s.count)).toEqual([5, 4]);
    // Active members: ann, eve, fay, gus, bob, and Lead-Dev (maintainers are active members too).
    expect(after.customersPerActiveMember).toBeCloseTo(1 / 6);
  });

  it("counts only what was known at `now`: a customer entered later, even with an earlier start, and whoever comes back later", async () => {
    await seed();
    const published = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    const later = new Date("2026-03-20T00:00:00Z");
    // Entered after the digest, backdated into the week: not a customer the digest knew.
    await saveCustomer(
      store.db,
      { repositoryId: REPO.id, company: "Umbrella", companyKey: "umbrella", plan: "team", mrrCents: 90_000, login: null, since: WEEK.start },
      later,
    );
    // owner's and cat's last activity was long before the 30 days; they come back after the week.
    store.db
      .insert(events)
      .values([event("cat", "issue_comment.created", "2026-03-12T00:00:00Z", { association: "NONE" })])
      .run();
    const again = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    expect(again).toEqual(published);
    expect(again).toMatchObject({ customers: 1, mrrUsd: 500.5 });
    expect(again.customersPerActiveMember).toBeCloseTo(1 / 4);
    // At the later instant the customer is known, and counted in the same week's figures.
    expect(await collectConversionFigures(store.db, REPO, WEEK, later, config)).toMatchObject({ customers: 2, mrrUsd: 1_400.5 });
  });

  it("gives the same figures read-only, from the facts not folded yet too, and writes nothing", async () => {
    await seed();
    const checksums = () => tableChecksums((sql) => store.sqlite.prepare(sql).all());
    const untouched = checksums();
    const previewed = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config, { readOnly: true });
    expect(checksums()).toEqual(untouched);
    expect(store.sqlite.inTransaction).toBe(false);
    const folded = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    expect(previewed).toEqual(folded);
    expect(folded.funnel[0]!.count).toBe(3);

    // Facts stored after the last fold: a preview counts them without folding them.
    store.db
      .insert(events)
      .values([event("old-fan", "star.created", "2025-06-01T00:00:00Z")])
      .run();
    const before = checksums();
    const again = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config, { readOnly: true });
    expect(checksums()).toEqual(before);
    expect(again.funnel[0]!.count).toBe(4);
    expect(again).toEqual(await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config));
  });

  it("gives empty figures, without rates, for a repository with no history", async () => {
    const figures = await collectConversionFigures(store.db, REPO, WEEK, WEEK.end, config);
    expect(figures.funnel.map((s) => [s.count, s.rateFromPrevious])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(figures).toMatchObject({ customersPerActiveMember: null, leadsNew: 0, leadsTotal: 0, mrrUsd: 0, topCompanies: [], leads: [] });
  });

  it("closes a lead as converted by the customer's login or company", async () => {
    await seed();
    expect((await listLeads(store.db, REPO.id)).map((l) => [l.login, l.status])).toEqual([
      ["ann", "converted"],
      ["eve", "open"],
    ]);
    await saveCustomer(
      store.db,
      { repositoryId: REPO.id, company: "Solo", companyKey: "solo", plan: "pro", mrrCents: 1, login: "EVE", since: WEEK.start },
      WEEK.start,
    );
    expect((await listLeads(store.db, REPO.id)).map((l) => l.status)).toEqual(["converted", "converted"]);
  });

  it("forgets a repository's leads and customers with the repository, and an installation's with it", async () => {
    await seed();
    await recordLeadSignal(store.db, {
      repositoryId: OTHER.id,
      naturalKey: "o1",
      login: "zed",
      userId: idOf("zed"),
      itemNumber: 1,
      terms: ["SLA"],
      occurredAt: WEEK.start,
    });
    await saveCustomer(
      store.db,
      { repositoryId: OTHER.id, company: "Z", companyKey: "z", plan: "p", mrrCents: 1, login: null, since: WEEK.start },
      WEEK.start,
    );
    await forgetRepositories(store.db, [REPO.id]);
    expect(
      store.db
        .select()
        .from(leadSignals)
        .all()
        .map((s) => s.repositoryId),
    ).toEqual([OTHER.id]);
    expect(
      store.db
        .select()
        .from(customers)
        .all()
        .map((c) => c.repositoryId),
    ).toEqual([OTHER.id]);
    await forgetInstallation(store.db, 1);
    expect(store.db.select().from(leadSignals).all()).toEqual([]);
    expect(store.db.select().from(customers).all()).toEqual([]);
  });
});
