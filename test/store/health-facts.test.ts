import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { collectHealthFigures } from "../../src/metrics/health/collect-health-figures.js";
import { ACTIVITY_KINDS } from "../../src/metrics/health/people-activity.js";
import { tablesOf } from "../../src/store/engine.js";
import { countActivity, countItemsWith, lastFactTimes, profileCompanies } from "../../src/store/health-facts.js";
import { useTestStore } from "../helpers/test-store.js";

const REPO = 10;
const OTHER = 11;
const DAY = 86_400_000;
const T0 = Date.parse("2026-06-01T00:00:00Z");
const at = (day: number, ms = 0) => new Date(T0 + day * DAY + ms);
const repository = { id: REPO, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };

let seq = 0;
function fact(
  kind: string,
  login: string,
  id: number | null,
  when: Date,
  extra: { repositoryId?: number; itemNumber?: number; isPull?: boolean; actorType?: string; association?: string } = {},
) {
  return {
    repositoryId: extra.repositoryId ?? REPO,
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
    actorId: id,
    actorType: extra.actorType ?? "User",
    association: extra.association ?? null,
    itemNumber: extra.itemNumber ?? null,
    isPull: extra.isPull ?? null,
    occurredAt: when,
    data: null,
  };
}

function item(
  number: number,
  isPull: boolean,
  created: number,
  options: { closed?: number; author?: string; authorId?: number; title?: string } = {},
) {
  return {
    repositoryId: REPO,
    number,
    isPull,
    title: options.title ?? `#${number}`,
    authorLogin: options.author ?? "ann",
    authorId: options.authorId ?? null,
    authorType: "User",
    authorAssociation: "NONE",
    state: options.closed === undefined ? ("open" as const) : ("closed" as const),
    createdAt: at(created),
    updatedAt: at(options.closed ?? created),
    closedAt: options.closed === undefined ? null : at(options.closed),
  };
}

describe("the health figures' reads of the store", () => {
  const store = useTestStore();
  const addFacts = (rows: ReturnType<typeof fact>[]) => store.db.insert(tablesOf(store.db).events).values(rows);

  it("counts activity per account, login and kind within [from, to), with the latest time", async () => {
    await addFacts([
      fact("pull_request.merged", "ann", 1, at(1), { itemNumber: 1, isPull: true }),
      fact("pull_request.merged", "ann", 1, at(2), { itemNumber: 2, isPull: true }),
      fact("issue_comment.created", "ann", 1, at(3)),
      fact("star.created", "ann", 1, at(3)),
      fact("pull_request.merged", "bob", 2, at(5), { itemNumber: 3, isPull: true }),
      fact("pull_request.merged", "zed", 3, at(2), { repositoryId: OTHER }),
    ]);
    const rows = await countActivity(store.db, REPO, ACTIVITY_KINDS, at(1), at(5));
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { actorId: 1, actorLogin: "ann", actorType: "User", kind: "issue_comment.created", count: 1, lastAt: at(3) },
      { actorId: 1, actorLogin: "ann", actorType: "User", kind: "pull_request.merged", count: 2, lastAt: at(2) },
    ]);
  });

  it("counts distinct issues and pull requests with a fact of the kinds, once each", async () => {
    await addFacts([
      fact("issues.opened", "ann", 1, at(1), { itemNumber: 1, isPull: false }),
      fact("issues.closed", "m", 9, at(2), { itemNumber: 1, isPull: false }),
      fact("issues.closed", "m", 9, at(3), { itemNumber: 1, isPull: false }),
      fact("pull_request.merged", "ann", 1, at(2), { itemNumber: 2, isPull: true }),
      fact("pull_request.closed", "m", 9, at(2), { itemNumber: 3, isPull: true }),
      fact("issues.closed", "m", 9, at(9), { itemNumber: 4, isPull: false }),
    ]);
    expect(await countItemsWith(store.db, REPO, ["issues.closed", "pull_request.closed", "pull_request.merged"], at(0), at(5))).toEqual({
      issues: 1,
      pullRequests: 2,
    });
    expect(await countItemsWith(store.db, REPO, ["issues.opened"], at(2), at(5))).toEqual({ issues: 0, pullRequests: 0 });
  });

  it("finds each item's latest fact before an instant, and the profiles' companies", async () => {
    await addFacts([
      fact("issues.opened", "ann", 1, at(1), { itemNumber: 1 }),
      fact("issues.labeled", "m", 9, at(4), { itemNumber: 1 }),
      fact("issue_comment.created", "m", 9, at(8), { itemNumber: 1 }),
      fact("issues.opened", "bob", 2, at(2), { itemNumber: 2 }),
    ]);
    const times = await lastFactTimes(store.db, REPO, [1, 2, 3], at(8));
    expect([...times].sort()).toEqual([
      [1, at(4)],
      [2, at(2)],
    ]);
    const { userProfiles } = tablesOf(store.db);
    await store.db.insert(userProfiles).values([
      { login: "ann", userId: 1, type: "User", company: "Acme, Inc.", companyKey: "acme", fetchedAt: at(0) },
      { login: "bob", userId: 2, type: "User", company: null, companyKey: null, fetchedAt: at(0) },
    ]);
    expect([...(await profileCompanies(store.db, [1, 2, 3]))]).toEqual([[1, { companyKey: "acme", company: "Acme, Inc." }]]);
  });

  it("collects the health figures as they stood at the period's end", async () => {
    const end = at(100);
    const period = { start: at(93), end };
    const { items, userProfiles, contributors } = tablesOf(store.db);
    // Merged PRs in the 90 days: ann 3, bob 1, cy 1, a bot 5 (left out); one of ann's before the window.
    await addFacts([
      fact("pull_request.merged", "ann", 1, at(20), { itemNumber: 101, isPull: true }),
      fact("pull_request.merged", "ann", 1, at(30), { itemNumber: 102, isPull: true }),
      fact("pull_request.merged", "ann", 1, at(40), { itemNumber: 103, isPull: true }),
      fact("pull_request.merged", "ann", 1, at(5), { itemNumber: 104, isPull: true }),
      fact("pull_request.merged", "bob", 2, at(50), { itemNumber: 105, isPull: true }),
      fact("pull_request.merged", "cy", 3, at(60), { itemNumber: 106, isPull: true }),
      ...[1, 2, 3, 4, 5].map((n) => fact("pull_request.merged", "dep[bot]", 50, at(60 + n), { itemNumber: 110 + n, isPull: true, actorType: "Bot" })),
      // After the end: known later, never counted.
      fact("pull_request.merged", "bob", 2, at(101), { itemNumber: 120, isPull: true }),
      // The period: two issues opened, one closed; one PR opened and merged.
      fact("issues.opened", "dan", 4, at(94), { itemNumber: 130, isPull: false }),
      fact("issues.opened", "dan", 4, at(95), { itemNumber: 131, isPull: false }),
      fact("issues.closed", "ann", 1, at(96), { itemNumber: 130, isPull: false }),
      fact("pull_request.opened", "cy", 3, at(95), { itemNumber: 132, isPull: true }),
      fact("pull_request.merged", "cy", 3, at(97), { itemNumber: 132, isPull: true }),
    ]);
    await store.db
      .insert(items)
      .values([
        item(131, false, 95, { author: "dan", authorId: 4 }),
        item(140, false, 10, { title: "Old question" }),
        item(141, true, 50),
        item(142, false, 80),
      ]);
    // A maintainer's first responses to two community items.
    await addFacts([
      fact("issue_comment.created", "m", 9, at(60), { itemNumber: 140, association: "MEMBER" }),
      fact("issue_comment.created", "m", 9, at(75), { itemNumber: 141, association: "MEMBER" }),
    ]);
    await store.db.insert(userProfiles).values([
      { login: "ann", userId: 1, type: "User", company: "@acme", companyKey: "acme", fetchedAt: at(0) },
      { login: "cy", userId: 3, type: "User", company: "Globex", companyKey: "globex", fetchedAt: at(0) },
    ]);
    // The cohort: first contributions in the 12th week before the end; bob is active since, eve is not.
    await store.db.insert(contributors).values([
      { repositoryId: REPO, login: "bob", userId: 2, number: 2, firstContributedAt: at(100 - 82), source: "webhook" },
      { repositoryId: REPO, login: "eve", userId: 5, number: 3, firstContributedAt: at(100 - 80), source: "webhook" },
      { repositoryId: REPO, login: "fay", userId: 6, number: 4, firstContributedAt: at(100 - 70), source: "webhook" },
    ]);
    await addFacts([fact("issue_comment.created", "bob", 2, at(90), { itemNumber: 142 })]);

    const h = await collectHealthFigures(store.db, repository, period, at(120), defaultConfig);
    expect(h.window).toEqual({ start: at(10), end });
    // ann 3, cy 2 (60 and 97), bob 1: half of 6 is ann's 3.
    expect(h.busFactor.merges).toEqual({ factor: 1, total: 6, people: [{ login: "ann", count: 3 }] });
    expect(h.closure.issues).toEqual({ opened: 2, closed: 1, ratio: 0.5 });
    expect(h.closure.pullRequests).toEqual({ opened: 1, closed: 1, ratio: 1 });
    expect(h.retention).toMatchObject({ cohort: 2, retained: 1, share: 0.5 });
    // Activity: ann 3 (her close is none), cy 3, bob 2, dan 2, m 2: 12 in all; known: acme 3, globex 3, just half.
    expect(h.elephantFactor).toEqual({
      factor: 2,
      total: 12,
      knownShare: 0.5,
      companies: [
        { company: "@acme", count: 3 },
        { company: "Globex", count: 3 },
      ],
    });
    // Open at the end: 131 (touched day 95), 140 (day 60: 40 idle), 141 (day 75: 25), 142 (day 90).
    expect(h.staleBacklog).toEqual({ idleDays: 30, count: 1, oldest: [{ number: 140, isPull: false, title: "Old question", idleDays: 40 }] });
    expect(h.busFactor.firstResponses).toEqual({ factor: 1, total: 2, people: [{ login: "m", count: 2 }] });
  });
});
