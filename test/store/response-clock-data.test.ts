import { describe, expect, it } from "vitest";
import type { ClockItem } from "../../src/domain/clock.js";
import type { DB } from "../../src/store/db.js";
import { tablesOf } from "../../src/store/engine.js";
import {
  doneEffectSubjects,
  installationAccountType,
  itemsClosedAfter,
  itemsWithEventsBetween,
  latestLogins,
  loadClockEvents,
  loadItems,
  loadItemStateFacts,
  loadOpenItems,
} from "../../src/store/response-clock-data.js";
import { useTestStore } from "../helpers/test-store.js";

const REPO = 2_147_483_650;
const OTHER = 7;
const T0 = new Date("2026-11-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function item(number: number, overrides: Partial<ClockItem> = {}): ClockItem {
  return {
    number,
    isPull: false,
    title: `Item ${number} – ü`,
    authorLogin: "carol",
    authorId: 13,
    authorType: "User",
    authorAssociation: "NONE",
    state: "open",
    draft: false,
    locked: false,
    labels: [],
    assignees: [],
    createdAt: at(0),
    updatedAt: at(1),
    closedAt: null,
    ...overrides,
  };
}

async function addItems(db: DB, repositoryId: number, list: ClockItem[]) {
  const { items } = tablesOf(db);
  await db.insert(items).values(list.map((i) => ({ ...i, labels: [...i.labels], assignees: [...i.assignees], repositoryId })));
}

let keys = 0;
/** A fact of the ledger, written directly: these tests are about the reads, not ingestion. */
async function addFact(
  db: DB,
  fact: { kind: string; itemNumber: number | null; minutes: number; login?: string; actorId?: number | null; data?: Record<string, unknown> | null },
  repositoryId = REPO,
) {
  const { events } = tablesOf(db);
  await db.insert(events).values({
    repositoryId,
    naturalKey: `fact-${++keys}`,
    kind: fact.kind,
    actorLogin: fact.login ?? "mia",
    actorId: fact.actorId === undefined ? 21 : fact.actorId,
    actorType: "User",
    association: "MEMBER",
    itemNumber: fact.itemNumber,
    occurredAt: at(fact.minutes),
    data: fact.data ?? null,
  });
}

describe("what the response clock reads from the store", () => {
  const store = useTestStore();

  it("loads the open items of a repository, and given items by number across many chunks", async () => {
    const many = Array.from({ length: 450 }, (_, i) => item(i + 1, { state: i % 3 === 0 ? "closed" : "open", closedAt: i % 3 === 0 ? at(5) : null }));
    many[1] = item(2, { isPull: true, draft: true, locked: true, labels: ["bug", "needs: triage"], assignees: ["mia"], authorId: null });
    await addItems(store.db, REPO, many);
    await addItems(store.db, OTHER, [item(2), item(3)]);

    const open = await loadOpenItems(store.db, REPO);
    expect(open).toHaveLength(300);
    expect(open.find((i) => i.number === 2)).toEqual(many[1]);
    expect(open.every((i) => i.state === "open")).toBe(true);

    const wanted = [...Array.from({ length: 450 }, (_, i) => i + 1), 1, 2, 999];
    const loaded = await loadItems(store.db, REPO, wanted);
    expect(loaded.map((i) => i.number).sort((a, b) => a - b)).toEqual(many.map((i) => i.number));
    expect(loaded.find((i) => i.number === 1)).toEqual(many[0]);
    expect(await loadItems(store.db, REPO, [])).toEqual([]);
  });

  it("groups the clock's facts per item, leaving out other kinds, other repositories and what came after `until`", async () => {
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 10, data: { body: "Thanks!", nested: { n: 1 } } });
    await addFact(store.db, { kind: "issues.labeled", itemNumber: 1, minutes: 20, data: { label: "bug" } });
    await addFact(store.db, { kind: "issues.opened", itemNumber: 1, minutes: 0 });
    await addFact(store.db, { kind: "issues.closed", itemNumber: 2, minutes: 30, actorId: null });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 3, minutes: 5 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 15 }, OTHER);

    const all = await loadClockEvents(store.db, REPO, [1, 2]);
    expect([...all.keys()].sort()).toEqual([1, 2]);
    const first = [...(all.get(1) ?? [])].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(first).toEqual([
      {
        kind: "issue_comment.created",
        actorLogin: "mia",
        actorId: 21,
        actorType: "User",
        association: "MEMBER",
        occurredAt: at(10),
        data: { body: "Thanks!", nested: { n: 1 } },
      },
      {
        kind: "issues.labeled",
        actorLogin: "mia",
        actorId: 21,
        actorType: "User",
        association: "MEMBER",
        occurredAt: at(20),
        data: { label: "bug" },
      },
    ]);
    expect(all.get(2)).toEqual([expect.objectContaining({ kind: "issues.closed", actorId: null, data: null })]);

    const then = await loadClockEvents(store.db, REPO, [1, 2], { until: at(20) });
    expect(
      then
        .get(1)
        ?.map((e) => e.kind)
        .sort(),
    ).toEqual(["issue_comment.created", "issues.labeled"]);
    expect(then.has(2)).toBe(false);

    const state = await loadItemStateFacts(store.db, REPO, [1, 2, 3]);
    expect(state.get(1)?.map((e) => e.kind)).toEqual(["issues.labeled"]);
    expect(state.get(2)?.map((e) => e.kind)).toEqual(["issues.closed"]);
    expect(state.has(3)).toBe(false);
  });

  it("names each item closed after an instant once", async () => {
    await addFact(store.db, { kind: "issues.closed", itemNumber: 1, minutes: 10 });
    await addFact(store.db, { kind: "issues.reopened", itemNumber: 1, minutes: 11 });
    await addFact(store.db, { kind: "issues.closed", itemNumber: 1, minutes: 12 });
    await addFact(store.db, { kind: "pull_request.merged", itemNumber: 2, minutes: 20 });
    await addFact(store.db, { kind: "issues.closed", itemNumber: 3, minutes: 5 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 4, minutes: 30 });
    await addFact(store.db, { kind: "issues.closed", itemNumber: 5, minutes: 30 }, OTHER);
    expect((await itemsClosedAfter(store.db, REPO, at(5))).sort()).toEqual([1, 2]);
    expect(await itemsClosedAfter(store.db, REPO, at(20))).toEqual([]);
  });

  it("gives each account's login of its latest fact by then, the greater login on a tie", async () => {
    await addFact(store.db, { kind: "issues.opened", itemNumber: 1, minutes: 0, login: "old-name", actorId: 5 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 10, login: "new-name", actorId: 5 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 10, login: "alpha", actorId: 6 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 2, minutes: 10, login: "beta", actorId: 6 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 2, minutes: 1, login: "elsewhere", actorId: 8 }, OTHER);

    const now = await latestLogins(store.db, REPO, [5, 6, 6, 8], at(60));
    expect(now).toEqual(
      new Map([
        [5, { login: "new-name", at: at(10) }],
        [6, { login: "beta", at: at(10) }],
      ]),
    );
    expect((await latestLogins(store.db, REPO, [5], at(9))).get(5)).toEqual({ login: "old-name", at: at(0) });
  });

  it("lists the items with a fact of the given kinds in a half-open period, once each", async () => {
    await addFact(store.db, { kind: "issues.opened", itemNumber: 1, minutes: 0 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 5 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 1, minutes: 6 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 2, minutes: 10 });
    await addFact(store.db, { kind: "issue_comment.created", itemNumber: 3, minutes: 59 });
    await addFact(store.db, { kind: "watch.started", itemNumber: null, minutes: 7 });
    const kinds = ["issue_comment.created", "watch.started"];
    expect((await itemsWithEventsBetween(store.db, REPO, kinds, at(0), at(10))).sort()).toEqual([1]);
    expect((await itemsWithEventsBetween(store.db, REPO, kinds, at(5), at(60))).sort()).toEqual([1, 2, 3]);
    expect(await itemsWithEventsBetween(store.db, REPO, ["issues.opened"], at(1), at(60))).toEqual([]);
  });

  it("knows an installation's account type", async () => {
    const { installations } = tablesOf(store.db);
    await store.db.insert(installations).values({ id: 42, accountLogin: "carol", accountType: "User", registeredAt: T0 });
    expect(await installationAccountType(store.db, 42)).toBe("User");
    expect(await installationAccountType(store.db, 43)).toBeNull();
  });

  it("tells which subjects' side effect of a kind is done", async () => {
    const { sideEffects } = tablesOf(store.db);
    const effect = (subject: string, state: "claimed" | "done", kind = "sla.label-added", repositoryId = REPO) => ({
      repositoryId,
      kind,
      subject,
      state,
      claimedAt: T0,
    });
    await store.db
      .insert(sideEffects)
      .values([
        effect("#1", "done"),
        effect("#2", "claimed"),
        effect("#3", "done", "sla.label-removed"),
        effect("#4", "done", "sla.label-added", OTHER),
        ...Array.from({ length: 420 }, (_, i) => effect(`#${100 + i}`, "done")),
      ]);
    const subjects = ["#1", "#2", "#3", "#4", "#1", ...Array.from({ length: 420 }, (_, i) => `#${100 + i}`)];
    const done = await doneEffectSubjects(store.db, REPO, "sla.label-added", subjects);
    expect(done.size).toBe(421);
    expect(done.has("#1") && done.has("#519")).toBe(true);
    expect(done.has("#2") || done.has("#3") || done.has("#4")).toBe(false);
  });
});
