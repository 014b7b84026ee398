import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBot } from "../../src/people/roles.js";
import { countStages, tallyCompanies } from "../../src/store/conversion-funnel.js";
import { registerInstallation } from "../../src/store/installations.js";
import { refreshMemberProjection } from "../../src/store/member-projection.js";
import { communityMembers, events } from "../../src/store/schema.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

type Member = typeof communityMembers.$inferSelect;

/** The stages as the DESIGN defines them, judged person by person from their row: the reference. */
function reference(rows: Member[], until: number, from: number, config: { ignoreUsers: string[]; maintainers: string[] }) {
  const bot = (m: Member) => isBot({ login: m.login, type: m.actorType }, config);
  const listed = (m: Member) => config.maintainers.some((l) => l.toLowerCase() === m.login.toLowerCase());
  const community = (m: Member) => !bot(m) && !m.maintainerSeen && !listed(m);
  const t = (d: Date | null) => (d === null ? null : d.getTime());
  const starred = (m: Member) => {
    const unstar = t(m.lastUnstarredAt);
    const star = t(m.firstStarredAt) !== null && t(m.firstStarredAt)! < until && !(unstar !== null && unstar < until && unstar >= t(m.lastStarredAt)!);
    return star || (t(m.firstForkedAt) !== null && t(m.firstForkedAt)! < until);
  };
  const participant = (m: Member) => t(m.firstParticipatedAt) !== null && t(m.firstParticipatedAt)! < until;
  return {
    stargazers: rows.filter((m) => community(m) && starred(m)).length,
    participants: rows.filter((m) => community(m) && participant(m)).length,
    activeMembers: rows.filter((m) => !bot(m) && m.firstActiveAt.getTime() < until && m.lastActiveAt.getTime() >= from).length,
    companies: rows
      .filter((m) => m.companyKey !== null && community(m) && (starred(m) || participant(m)))
      .map((m) => `${m.companyKey}/${m.company}`)
      .sort(),
  };
}

describe("countStages and tallyCompanies", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], new Date(T0));
  });
  afterEach(() => store.dispose());

  it("agree with the person-by-person definition at any end, past or present, with config lists in any case", async () => {
    let state = 11;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const kinds = ["star.created", "star.created", "star.deleted", "fork.created", "issues.opened", "issue_comment.created", "issues.labeled"];
    const logins = [...Array.from({ length: 40 }, (_, i) => `u${i}`), "Dep[bot]", "CI-Helper", "Lead-Dev"];
    store.db.insert(events).values(
      Array.from({ length: 600 }, (_, i) => ({
        repositoryId: REPO.id,
        naturalKey: `k${i}`,
        kind: kinds[next(kinds.length)]!,
        actorLogin: logins[next(logins.length)]!,
        actorType: next(30) === 0 ? "Bot" : "User",
        association: next(60) === 0 ? "MEMBER" : "NONE",
        occurredAt: new Date(T0 + next(100) * DAY),
      })),
    ).run();
    await saveUserProfiles(store.db, logins.filter((_, i) => i % 3 === 0).map((login, i) => ({ login, userId: i, type: "User", company: i % 2 ? "Acme, Inc." : "@acme" })), new Date(T0));
    await refreshMemberProjection(store.db, REPO.id);
    const rows = store.db.select().from(communityMembers).all();
    const configs = [{ ignoreUsers: [], maintainers: [] }, { ignoreUsers: ["ci-helper", "u3"], maintainers: ["LEAD-DEV", "u5", "u3"] }];
    for (const config of configs) {
      for (const day of [10, 50, 90, 101]) {
        const until = T0 + day * DAY;
        const from = until - 30 * DAY;
        const expected = reference(rows, until, from, config);
        const stages = await countStages(store.db, REPO.id, new Date(until), new Date(from), config);
        expect(stages).toEqual({ stargazers: expected.stargazers, participants: expected.participants, activeMembers: expected.activeMembers });
        const tallies = await tallyCompanies(store.db, REPO.id, new Date(until), [], config);
        expect(tallies.flatMap((t) => Array<string>(t.people).fill(`${t.companyKey}/${t.spelling}`)).sort()).toEqual(expected.companies);
        expect(expected.stargazers).toBeGreaterThan(0);
      }
    }
  });
});
