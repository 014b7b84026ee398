import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { collectResponseFigures } from "../../src/sla/collect-response-figures.js";
import { events, items } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

/**
 * Issue 14: the response figures as they were known at `now` (a past digest made again), a
 * waiting list of the items on the clock only, and authors named by their newest login.
 */
const H = 3_600_000;
const WEEK_START = new Date("2026-11-02T00:00:00Z");
const period = { start: WEEK_START, end: new Date(WEEK_START.getTime() + 7 * 24 * H) };
const at = (hours: number) => new Date(WEEK_START.getTime() + hours * H);
const repository: RepositoryRecord = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const config = stewardConfigSchema.parse({ response: { exemptLabels: ["roadmap"] } });
const END = 168;

interface Row {
  hours: number;
  author?: string;
  authorId?: number;
  isPull?: boolean;
  draft?: boolean;
  labels?: string[];
  closedAt?: number;
  updatedAt?: number;
}

describe("the response figures at an instant", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let seq = 0;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  /** An item as the store keeps it now (its latest state), with its opening fact. */
  function row(number: number, r: Row) {
    const author = r.author ?? "carol";
    store.db
      .insert(items)
      .values({
        repositoryId: repository.id,
        number,
        isPull: r.isPull ?? false,
        title: `Item ${number}`,
        authorLogin: author,
        authorId: r.authorId ?? 100 + number,
        authorType: "User",
        authorAssociation: "NONE",
        state: r.closedAt === undefined ? "open" : "closed",
        draft: r.draft ?? false,
        labels: r.labels ?? [],
        createdAt: at(r.hours),
        updatedAt: at(r.updatedAt ?? r.closedAt ?? r.hours),
        closedAt: r.closedAt === undefined ? null : at(r.closedAt),
      })
      .run();
    const kind = r.isPull ? "pull_request.opened" : "issues.opened";
    fact(number, kind, r.hours, author, r.authorId ?? 100 + number, "NONE", r.draft ? { draft: true } : null);
  }
  function fact(number: number, kind: string, hours: number, actor: string, actorId: number, association: string | null, data: object | null = null) {
    store.db
      .insert(events)
      .values({
        repositoryId: repository.id,
        naturalKey: `k${seq++}`,
        kind,
        actorLogin: actor,
        actorId,
        actorType: "User",
        association,
        itemNumber: number,
        isPull: kind.startsWith("pull_request"),
        occurredAt: at(hours),
        data: data as Record<string, unknown> | null,
      })
      .run();
  }
  const mia = (number: number, kind: string, hours: number, data: object | null = null) => fact(number, kind, hours, "mia", 3, null, data);
  const waitingNumbers = async (now: number) =>
    (await collectResponseFigures(store.db, repository, period, at(now), config)).waiting.map((w) => w.number);

  it("counts what was known at a past instant: later answers, closes, labels and openings do not count", async () => {
    row(1, { hours: 150, updatedAt: 170 }); // answered after the end: pending at the end, within the goal later
    fact(1, "issue_comment.created", 170, "mia", 3, "MEMBER");
    row(2, { hours: 160, closedAt: 170 }); // withdrawn by its author after the end: pending at the end
    fact(2, "issues.closed", 170, "carol", 102, null);
    row(3, { hours: 10, labels: ["waiting-for-author"], updatedAt: 190 }); // labelled after the end: waiting at the end
    mia(3, "issues.labeled", 190, { target: "waiting-for-author" });
    row(4, { hours: 20, closedAt: 190, updatedAt: 190 }); // closed, reopened after the end, closed again
    fact(4, "issues.closed", 30, "carol", 104, null);
    mia(4, "issues.reopened", 180);
    fact(4, "issues.closed", 190, "carol", 104, null);
    row(5, { hours: 175 }); // opened after the end

    const before = await collectResponseFigures(store.db, repository, period, at(END), config);
    expect(before).toMatchObject({ itemsOpened: 3, withinGoal: 0, missed: 1, pending: 2, medianMs: null, responders: [] });
    expect(before.waiting.map((w) => [w.number, w.waitedMs])).toEqual([
      [3, 158 * H],
      [1, 18 * H],
      [2, 8 * H],
    ]);
    // Made later, the same period knows the answer, the withdrawal and the pause.
    const later = await collectResponseFigures(store.db, repository, period, at(210), config);
    expect(later).toMatchObject({ itemsOpened: 3, withinGoal: 1, missed: 2, pending: 0 });
    expect(later.waiting.map((w) => w.number)).toEqual([5]);
  });

  it("lists only items on the clock: no draft never marked ready, no exempt item, no item waiting for its author", async () => {
    row(1, { hours: 10 });
    row(2, { hours: 11, isPull: true, draft: true }); // opened as a draft, never ready
    row(3, { hours: 12, isPull: true, updatedAt: 20 }); // opened as a draft, ready at 20 h
    fact(3, "pull_request.ready_for_review", 20, "carol", 103, null);
    store.db
      .update(events)
      .set({ data: { draft: true } })
      .run();
    row(4, { hours: 13, labels: ["roadmap"] }); // exempt
    row(5, { hours: 14, labels: ["waiting-for-author"], updatedAt: 15 }); // paused for its author
    mia(5, "issues.labeled", 15, { target: "waiting-for-author" });
    row(6, { hours: 16, labels: ["waiting-for-author"], updatedAt: 30 }); // the author replied: waiting again
    mia(6, "issues.labeled", 17, { target: "waiting-for-author" });
    fact(6, "issue_comment.created", 30, "carol", 106, "NONE");
    expect(await waitingNumbers(100)).toEqual([1, 3, 6]);
  });

  it("names the author by the newest login known for their account at the instant", async () => {
    row(1, { hours: 10, author: "carol", authorId: 7 });
    row(2, { hours: 20, author: "dave", authorId: 8, updatedAt: 40 });
    // carol becomes caroline: her star at 50 h names her anew, item 1 is not delivered again.
    fact(0, "star.created", 50, "caroline", 7, null);
    const authors = async (now: number) => (await collectResponseFigures(store.db, repository, period, at(now), config)).waiting.map((w) => w.author);
    expect(await authors(60)).toEqual(["caroline", "dave"]);
    expect(await authors(45)).toEqual(["carol", "dave"]);
  });
});
