import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBot } from "../../src/people/roles.js";
import { topCompanies } from "../../src/conversion/top-companies.js";
import { countContributors, countStages, tallyCompanies, type CompanyTally } from "../../src/store/conversion-funnel.js";
import { registerInstallation } from "../../src/store/installations.js";
import { refreshMemberProjection } from "../../src/store/member-projection.js";
import { tablesOf } from "../../src/store/engine.js";
import type { communityMembers } from "../../src/store/schema.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

type Member = typeof communityMembers.$inferSelect;

/**
 * The stages as docs/architecture.md ("Words") defines them, judged person by person from their row
 * and, for active members, from `acted`, the logins with a fact in `[from, until)`: the reference.
 */
function reference(
  rows: Member[],
  until: number,
  config: { ignoreUsers: string[]; maintainers: string[] },
  acted: ReadonlySet<string>,
  leads: readonly string[] = [],
) {
  const bot = (m: Member) => isBot({ login: m.login, type: m.actorType }, config);
  const listed = (m: Member) => config.maintainers.some((l) => l.toLowerCase() === m.login.toLowerCase());
  const community = (m: Member) => !bot(m) && !m.maintainerSeen && !listed(m);
  const t = (d: Date | null) => (d === null ? null : d.getTime());
  const starred = (m: Member) => {
    const unstar = t(m.lastUnstarredAt);
    const star =
      t(m.firstStarredAt) !== null && t(m.firstStarredAt)! < until && !(unstar !== null && unstar < until && unstar >= t(m.lastStarredAt)!);
    return star || (t(m.firstForkedAt) !== null && t(m.firstForkedAt)! < until);
  };
  const participant = (m: Member) => t(m.firstParticipatedAt) !== null && t(m.firstParticipatedAt)! < until;
  return {
    stargazers: rows.filter((m) => community(m) && starred(m)).length,
    participants: rows.filter((m) => community(m) && participant(m)).length,
    activeMembers: rows.filter((m) => !bot(m) && acted.has(m.login)).length,
    companies: rows
      .filter((m) => m.companyKey !== null && community(m) && (starred(m) || participant(m)))
      .map((m) => `${m.companyKey}/${m.company}`)
      .sort(),
    tallies: tallyOf(
      rows.filter((m) => m.companyKey !== null),
      (m) => ({
        stargazers: community(m) && starred(m),
        participants: community(m) && participant(m),
        leads: leads.includes(m.login),
      }),
    ),
  };
}

/** Tallies per (company key, spelling) of the rows, each counted in the stages `stages` says, sorted. */
function tallyOf(rows: Member[], stages: (m: Member) => { stargazers: boolean; participants: boolean; leads: boolean }): CompanyTally[] {
  const byId = new Map<string, CompanyTally>();
  for (const m of rows) {
    const s = stages(m);
    if (!s.stargazers && !s.participants && !s.leads) continue;
    const id = `${m.companyKey}/${m.company}`;
    const t = byId.get(id) ?? { companyKey: m.companyKey!, spelling: m.company!, stargazers: 0, participants: 0, leads: 0, people: 0 };
    t.stargazers += Number(s.stargazers);
    t.participants += Number(s.participants);
    t.leads += Number(s.leads);
    t.people += 1;
    byId.set(id, t);
  }
  return sorted([...byId.values()]);
}

/** A fact's actor: their login and account id (one id per login here; renames are test/store/renamed-person.test.ts's). */
const actor = (login: string, idOf: (login: string) => number) => ({ actorLogin: login, actorId: idOf(login) });

const sorted = (tallies: CompanyTally[]) =>
  [...tallies].sort((a, b) => `${a.companyKey}/${a.spelling}`.localeCompare(`${b.companyKey}/${b.spelling}`));

describe("countStages and tallyCompanies", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], new Date(T0));
  });
  afterEach(() => store.dispose());

  /** The logins with a fact in `[from, until)`, as the ledger has them. */
  const actedBetween = async (from: number, until: number) => {
    const { events } = tablesOf(store.db);
    return new Set(
      (await store.db.select({ repositoryId: events.repositoryId, login: events.actorLogin, at: events.occurredAt }).from(events))
        .filter((e) => e.repositoryId === REPO.id && e.at.getTime() >= from && e.at.getTime() < until)
        .map((e) => e.login),
    );
  };

  it("agree with the person-by-person definition at any end, past or present, with config lists in any case", async () => {
    let state = 11;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const kinds = ["star.created", "star.created", "star.deleted", "fork.created", "issues.opened", "issue_comment.created", "issues.labeled"];
    const logins = [...Array.from({ length: 40 }, (_, i) => `u${i}`), "Dep[bot]", "CI-Helper", "Lead-Dev"];
    const idOf = (login: string) => logins.indexOf(login) + 1;
    await store.db.insert(tablesOf(store.db).events).values(
      Array.from({ length: 600 }, (_, i) => ({
        repositoryId: REPO.id,
        naturalKey: `k${i}`,
        kind: kinds[next(kinds.length)]!,
        ...actor(logins[next(logins.length)]!, idOf),
        actorType: next(30) === 0 ? "Bot" : "User",
        association: next(60) === 0 ? "MEMBER" : "NONE",
        occurredAt: new Date(T0 + next(100) * DAY),
      })),
    );
    await saveUserProfiles(
      store.db,
      logins.filter((_, i) => i % 3 === 0).map((login, i) => ({ login, userId: idOf(login), type: "User", company: i % 2 ? "Acme, Inc." : "@acme" })),
      new Date(T0),
    );
    await refreshMemberProjection(store.db, REPO.id);
    const rows = await store.db.select().from(tablesOf(store.db).communityMembers);
    const configs = [
      { ignoreUsers: [], maintainers: [] },
      { ignoreUsers: ["ci-helper", "u3"], maintainers: ["LEAD-DEV", "u5", "u3"] },
    ];
    for (const config of configs) {
      for (const day of [10, 50, 90, 101]) {
        const until = T0 + day * DAY;
        const from = until - 30 * DAY;
        const expected = reference(rows, until, config, await actedBetween(from, until));
        const stages = await countStages(store.db, REPO.id, new Date(until), new Date(from), config);
        expect(stages).toEqual({ stargazers: expected.stargazers, participants: expected.participants, activeMembers: expected.activeMembers });
        const tallies = await tallyCompanies(store.db, REPO.id, new Date(until), [], config);
        expect(tallies.flatMap((t) => Array<string>(t.people).fill(`${t.companyKey}/${t.spelling}`)).sort()).toEqual(expected.companies);
        expect(expected.stargazers).toBeGreaterThan(0);
      }
    }
  });

  it("keeps the counters equal to the rows through bots, unstars, re-stars and company changes, and counts from them exactly at any end", async () => {
    let state = 29;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const kinds = [
      "star.created",
      "star.created",
      "star.deleted",
      "fork.created",
      "issues.opened",
      "issue_comment.created",
      "pull_request_review.submitted",
      "issues.labeled",
    ];
    const logins = [...Array.from({ length: 60 }, (_, i) => `u${i}`), "Dep[bot]", "CI-Helper", "Lead-Dev"];
    const idOf = (login: string) => (login === "ghost" ? 999 : logins.indexOf(login) + 1);
    const spellings = [
      "Acme, Inc.",
      "@acme",
      "Initech",
      "initech",
      "Globex",
      "Hooli",
      "Umbrella",
      "Soylent",
      "Stark",
      "Wayne",
      "Tyrell",
      "Cyberdyne",
    ];
    const profile = (login: string) => ({ login, userId: idOf(login), type: "User", company: spellings[next(spellings.length)]! });
    let seq = 0;
    const addEvents = (n: number, days: number) =>
      store.db.insert(tablesOf(store.db).events).values(
        Array.from({ length: n }, () => ({
          repositoryId: REPO.id,
          naturalKey: `k${seq++}`,
          kind: kinds[next(kinds.length)]!,
          ...actor(logins[next(logins.length)]!, idOf),
          actorType: next(40) === 0 ? "Bot" : "User",
          association: next(80) === 0 ? "COLLABORATOR" : "NONE",
          // Facts arrive in any order of time, as a backfill stores old facts after new ones.
          occurredAt: new Date(T0 + next(days) * DAY),
        })),
      );
    const { communityMembers: m, companyCounts, companySpellings, memberCounts } = tablesOf(store.db);
    const rows = () => store.db.select().from(m);
    // The counters must equal the sums over the rows at every point, whatever moved them.
    const expectCountersMatchRows = async () => {
      const all = await rows();
      const s = (m: Member) => m.community && m.starred;
      const p = (m: Member) => m.community && m.firstParticipatedAt !== null;
      const counters = await store.db.select().from(memberCounts);
      expect(counters.map(({ stargazers, participants }) => ({ stargazers, participants }))).toEqual([
        { stargazers: all.filter(s).length, participants: all.filter(p).length },
      ]);
      const withCompany = all.filter((m) => m.companyKey !== null);
      const expected = tallyOf(withCompany, (m) => ({ stargazers: s(m), participants: p(m), leads: false }));
      const stored = sorted(
        (await store.db.select().from(companySpellings))
          .filter((r) => r.people !== 0)
          .map((r) => ({
            companyKey: r.companyKey,
            spelling: r.company,
            stargazers: r.stargazers,
            participants: r.participants,
            leads: 0,
            people: r.people,
          })),
      );
      expect(stored).toEqual(expected);
      const perKey = new Map<string, { stargazers: number; participants: number; people: number }>();
      for (const t of expected) {
        const k = perKey.get(t.companyKey) ?? { stargazers: 0, participants: 0, people: 0 };
        perKey.set(t.companyKey, {
          stargazers: k.stargazers + t.stargazers,
          participants: k.participants + t.participants,
          people: k.people + t.people,
        });
      }
      const keys = (await store.db.select().from(companyCounts)).filter((r) => r.people !== 0);
      expect(new Map(keys.map((r) => [r.companyKey, { stargazers: r.stargazers, participants: r.participants, people: r.people }]))).toEqual(perKey);
    };

    await saveUserProfiles(
      store.db,
      logins.filter((_, i) => i % 2 === 0).map((login) => profile(login)),
      new Date(T0),
    );
    await addEvents(500, 60);
    await refreshMemberProjection(store.db, REPO.id, 50);
    await expectCountersMatchRows();
    // Companies change, appear and vanish on rows already counted; later facts unstar, re-star and mark maintainers.
    await saveUserProfiles(
      store.db,
      logins
        .filter((_, i) => i % 3 === 0)
        .map((login, i) => (i % 4 === 0 ? { login, userId: idOf(login), type: "User", company: null } : profile(login))),
      new Date(T0),
    );
    await expectCountersMatchRows();
    await addEvents(500, 100);
    await refreshMemberProjection(store.db, REPO.id, 50);
    await expectCountersMatchRows();
    // A lead with a profile but no fact in the ledger: tallied alone, from the profile.
    await saveUserProfiles(
      store.db,
      [{ login: "ghost", userId: 999, type: "User", company: "Ghost Works" }, ...logins.filter((_, i) => i % 5 === 1).map((login) => profile(login))],
      new Date(T0),
    );
    await expectCountersMatchRows();

    const all = await rows();
    expect(all.filter((m) => m.isBot).length).toBeGreaterThan(0);
    expect(all.filter((m) => m.lastUnstarredAt !== null && m.lastStarredAt !== null && m.lastStarredAt > m.lastUnstarredAt).length).toBeGreaterThan(
      0,
    );
    const leads = ["u2", "u7", "Lead-Dev", "ghost"];
    const ghost = { companyKey: "ghostworks", spelling: "Ghost Works", stargazers: 0, participants: 0, leads: 1, people: 1 };
    const configs = [
      { ignoreUsers: [], maintainers: [] },
      { ignoreUsers: ["ci-helper", "U3"], maintainers: ["LEAD-DEV", "u4", "u3", "u6"] },
    ];
    const customers = [{ company: "Initech Corp.", companyKey: "initech" }];
    for (const config of configs) {
      for (const day of [10, 50, 90, 101]) {
        const until = T0 + day * DAY;
        const from = until - 30 * DAY;
        const expected = reference(all, until, config, await actedBetween(from, until), leads);
        const stages = await countStages(store.db, REPO.id, new Date(until), new Date(from), config);
        expect(stages).toEqual({ stargazers: expected.stargazers, participants: expected.participants, activeMembers: expected.activeMembers });
        const leadPeople = leads.map((login) => ({ login, id: idOf(login) }));
        const tallies = await tallyCompanies(store.db, REPO.id, new Date(until), leadPeople, config);
        expect(sorted(tallies)).toEqual(sorted([...expected.tallies, ghost]));
        expect(expected.tallies.filter((t) => t.leads > 0).length).toBeGreaterThan(0);
        // Reading only the best represented companies gives the same ranking, with or without a margin.
        const full = topCompanies(tallies, customers, 3);
        expect(full.length).toBe(3);
        for (const margin of [0, 1, 2, 10]) {
          const top = await tallyCompanies(store.db, REPO.id, new Date(until), leadPeople, config, { top: 3, margin });
          expect(topCompanies(top, customers, 3)).toEqual(full);
        }
      }
    }
  });

  it("reads the companies left unread by the counters' ranking when they may rank higher at a past end or tie with the last listed", async () => {
    const fact = (login: string, kind: string, day: number, i: number) => ({
      repositoryId: REPO.id,
      naturalKey: `f${i}`,
      kind,
      ...actor(login, idOf),
      actorType: "User",
      association: "NONE",
      occurredAt: new Date(T0 + day * DAY),
    });
    // Four companies of five participants who came on day 50, and one of two who came on day 1 and left.
    const late = ["Acme", "Initech", "Globex", "Hooli"].flatMap((company) =>
      Array.from({ length: 5 }, (_, i) => ({ login: `${company}-${i}`, company })),
    );
    const early = [
      { login: "old-0", company: "Oldco" },
      { login: "old-1", company: "Oldco" },
    ];
    const idOf = (login: string) => [...late, ...early].findIndex((p) => p.login === login) + 1;
    await saveUserProfiles(
      store.db,
      [...late, ...early].map((p) => ({ login: p.login, userId: idOf(p.login), type: "User", company: p.company })),
      new Date(T0),
    );
    await store.db
      .insert(tablesOf(store.db).events)
      .values([
        ...late.map((p, i) => fact(p.login, "issues.opened", 50, i)),
        ...early.map((p, i) => fact(p.login, "issue_comment.created", 1 + i, 100 + i)),
      ]);
    await refreshMemberProjection(store.db, REPO.id);
    const noLists = { ignoreUsers: [], maintainers: [] };
    const top = async (day: number) =>
      topCompanies(await tallyCompanies(store.db, REPO.id, new Date(T0 + day * DAY), [], noLists, { top: 1, margin: 0 }), [], 1);
    expect(await top(20)).toEqual([{ company: "Oldco", stargazers: 0, participants: 2, leads: 0 }]);
    expect(await top(60)).toEqual([{ company: "Acme", stargazers: 0, participants: 5, leads: 0 }]);
  });

  it("counts the contributors who came before the end, bots by name and the config's ignoreUsers aside", async () => {
    const logins = ["ann", "bob", "dependabot[bot]", "Renovate[BOT]", "CI-Helper", "late"];
    await store.db.insert(tablesOf(store.db).contributors).values(
      logins.map((login, i) => ({
        repositoryId: REPO.id,
        login,
        firstContributedAt: new Date(T0 + (login === "late" ? 20 : i) * DAY),
        source: "webhook" as const,
      })),
    );
    const until = new Date(T0 + 10 * DAY);
    expect(await countContributors(store.db, REPO.id, until, [])).toBe(3);
    expect(await countContributors(store.db, REPO.id, until, ["ci-helper", "BOB"])).toBe(1);
    expect(await countContributors(store.db, REPO.id, new Date(T0 + 30 * DAY), ["ci-helper"])).toBe(3);
    expect(await countContributors(store.db, REPO.id + 1, until, [])).toBe(0);
  });
});
