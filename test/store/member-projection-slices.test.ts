import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteClientOf, tablesOf } from "../../src/store/engine.js";
import { registerInstallation } from "../../src/store/installations.js";
import { runnerOf, STATEMENTS } from "../../src/store/member-fold-statements.js";
import { MEMBER_PROJECTION, memberProjectionWatermark, refreshMemberProjection } from "../../src/store/member-projection.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

/**
 * How a refresh spreads its work: the history read and folded per person before any row is written
 * (each member row written once per refresh), the writes in short transactions with the event loop
 * let in between, and the same rows whatever the slicing.
 */

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const at = (day: number) => new Date(T0 + day * DAY);
const KINDS = ["star.created", "star.deleted", "fork.created", "issues.opened", "issue_comment.created", "issues.labeled"];

let seq = 0;
/** `count` facts by `people` people (one in ten without an account id), drawn in a fixed order. */
function facts(count: number, people: number) {
  let state = 11;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(state / 65_536) % n;
  };
  return Array.from({ length: count }, () => {
    const n = next(people);
    return {
      repositoryId: REPO.id,
      naturalKey: `s${seq++}`,
      kind: KINDS[next(KINDS.length)]!,
      actorLogin: `p${n}`,
      actorId: n % 10 === 0 ? null : n + 1,
      actorType: "User",
      association: next(30) === 0 ? "MEMBER" : "NONE",
      occurredAt: at(next(400)),
    };
  });
}

describe("the member fold's slices", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
  });
  afterEach(() => store.dispose());

  const addEvents = async (rows: ReturnType<typeof facts>) => {
    for (let i = 0; i < rows.length; i += 500) await store.db.insert(tablesOf(store.db).events).values(rows.slice(i, i + 500));
  };
  const members = async (db = store.db) =>
    (await db.select().from(tablesOf(db).communityMembers)).sort((a, b) => (a.userId ?? 0) - (b.userId ?? 0) || a.login.localeCompare(b.login));

  it("writes each member row once per refresh, however many batches of events name them", async () => {
    const sqlite = sqliteClientOf(store.db);
    // Counting writes needs a trigger of this connection's own; PostgreSQL runs the rest of the file.
    if (!sqlite) return;
    sqlite.exec(`CREATE TEMP TABLE member_writes (n INTEGER NOT NULL); INSERT INTO member_writes VALUES (0);
      CREATE TEMP TRIGGER member_inserted AFTER INSERT ON main.community_members BEGIN UPDATE member_writes SET n = n + 1; END;
      CREATE TEMP TRIGGER member_updated AFTER UPDATE ON main.community_members BEGIN UPDATE member_writes SET n = n + 1; END;`);
    await addEvents(facts(600, 40));
    // 120 statements of 5 events: a fold writing per batch would write each of the 40 people many times.
    expect(await refreshMemberProjection(store.db, REPO.id, 5)).toBe(600);
    const rows = await members();
    expect(rows.length).toBe(40);
    expect((sqlite.prepare("SELECT n FROM member_writes").get() as { n: number }).n).toBe(40);
  });

  it("commits and lets the event loop in between short transactions, and ends with the rows of one long one", async () => {
    const history = facts(1500, 300);
    await addEvents(history);
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // One statement reads every event; a slice of 0 ms stops each write transaction after a few rows.
    const folded = await refreshMemberProjection(store.db, REPO.id, 10_000, 0);
    ticking = false;
    expect(folded).toBe(1500);
    // 32 rows a transaction, the least, when none fits in the time allowed.
    const sliced = await members();
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(sliced.length / 32) - 1);

    const inOneGo = await createTestStore();
    try {
      await registerInstallation(inOneGo.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
      for (let i = 0; i < history.length; i += 500) await inOneGo.db.insert(tablesOf(inOneGo.db).events).values(history.slice(i, i + 500));
      await refreshMemberProjection(inOneGo.db, REPO.id, 10_000, Number.POSITIVE_INFINITY);
      expect(sliced).toEqual(await members(inOneGo.db));
      expect(await store.db.select().from(tablesOf(store.db).memberCounts)).toEqual(
        await inOneGo.db.select().from(tablesOf(inOneGo.db).memberCounts),
      );
    } finally {
      await inOneGo.dispose();
    }
    expect(sliced.length).toBeGreaterThan(250);
    expect(sliced.filter((m) => m.community && m.starred).length).toBeGreaterThan(0);
  });

  it("folds facts stored while it runs on its next refresh, as one refresh of them all would", async () => {
    const history = facts(2000, 300);
    await addEvents(history.slice(0, 1500));
    let added: Promise<unknown> | null = null;
    // Stored between two of the fold's transactions, as a webhook arriving during it is.
    setImmediate(() => {
      added = addEvents(history.slice(1500));
    });
    const first = await refreshMemberProjection(store.db, REPO.id, 100, 0);
    await added;
    const second = await refreshMemberProjection(store.db, REPO.id);
    expect(first + second).toBe(2000);
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(0);

    const alone = await createTestStore();
    try {
      await registerInstallation(alone.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
      for (let i = 0; i < history.length; i += 500) await alone.db.insert(tablesOf(alone.db).events).values(history.slice(i, i + 500));
      await refreshMemberProjection(alone.db, REPO.id);
      expect(await members()).toEqual(await members(alone.db));
    } finally {
      await alone.dispose();
    }
  });

  it("never moves the watermark back", async () => {
    await addEvents(facts(20, 5));
    await refreshMemberProjection(store.db, REPO.id);
    const mark = await memberProjectionWatermark(store.db, REPO.id);
    expect(mark).toBeGreaterThan(0);
    // What a refresh that read less than another, in another process, would write as it ends.
    await runnerOf(store.db).run(STATEMENTS.advance, { repository_id: REPO.id, projection: MEMBER_PROJECTION, id: mark - 10 });
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(mark);
  });
});
