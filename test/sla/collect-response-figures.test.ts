import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { collectResponseFigures } from "../../src/sla/collect-response-figures.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { events, items } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

const H = 3_600_000;
const WEEK_START = new Date("2026-11-02T00:00:00Z");
const period = { start: WEEK_START, end: new Date(WEEK_START.getTime() + 7 * 24 * H) };
const at = (hours: number) => new Date(WEEK_START.getTime() + hours * H);
const repository: RepositoryRecord = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const config = stewardConfigSchema.parse({});

describe("collectResponseFigures", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let seq = 0;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  function open(number: number, hours: number, author = "carol", association = "NONE", state: "open" | "closed" = "open") {
    const createdAt = at(hours);
    store.db
      .insert(items)
      .values({
        repositoryId: repository.id,
        number,
        isPull: false,
        title: `Item ${number}`,
        authorLogin: author,
        authorType: "User",
        authorAssociation: association,
        state,
        createdAt,
        updatedAt: createdAt,
        closedAt: state === "closed" ? createdAt : null,
      })
      .run();
    fact(number, "issues.opened", hours, author, association);
  }
  function fact(number: number, kind: string, hours: number, actor: string, association: string | null) {
    store.db
      .insert(events)
      .values({
        repositoryId: repository.id,
        naturalKey: `k${seq++}`,
        kind,
        actorLogin: actor,
        actorType: "User",
        association,
        itemNumber: number,
        isPull: false,
        occurredAt: at(hours),
      })
      .run();
  }

  it("counts misses including items still waiting past the goal, with median, p90, responders and the waiting list", async () => {
    open(1, 0);
    fact(1, "issue_comment.created", 2, "mia", "MEMBER"); // within, 2 h
    open(2, 1);
    fact(2, "issue_comment.created", 11, "mia", "MEMBER"); // within, 10 h
    open(3, 2);
    fact(3, "issue_comment.created", 32, "ann", "OWNER"); // missed, 30 h
    open(4, 10); // still waiting past the goal at the end: a miss
    open(5, 150); // waiting, within the goal: pending
    open(6, 20, "mia", "MEMBER"); // a maintainer's own item: not on the clock
    open(7, -48);
    fact(7, "issue_comment.created", 5, "mia", "MEMBER"); // opened before, answered in the period
    const figures = await collectResponseFigures(store.db, repository, period, at(160), config);
    expect(figures).toMatchObject({
      goalHours: 24,
      businessHours: false,
      itemsOpened: 5,
      withinGoal: 2,
      missed: 2,
      pending: 1,
      shareWithinGoal: 0.5,
    });
    // First responses in the period: 2 h, 10 h, 30 h, 53 h.
    expect(figures.medianMs).toBe(20 * H);
    expect(figures.p90Ms).toBe(53 * H);
    expect(figures.responders).toEqual([
      { login: "mia", count: 3 },
      { login: "ann", count: 1 },
    ]);
    expect(figures.waiting).toEqual([
      { number: 4, isPull: false, title: "Item 4", author: "carol", waitedMs: 150 * H, overGoal: true },
      { number: 5, isPull: false, title: "Item 5", author: "carol", waitedMs: 10 * H, overGoal: false },
    ]);
    // A series of past weeks asks for the figures without the waiting list: the rest is the same.
    const without = await collectResponseFigures(store.db, repository, period, at(160), config, { waiting: false });
    expect(without).toEqual({ ...figures, waiting: [] });
  });

  it("gives nulls, not zeros, when nothing was decided", async () => {
    open(1, 150);
    const figures = await collectResponseFigures(store.db, repository, period, at(151), config);
    expect(figures).toMatchObject({ itemsOpened: 1, pending: 1, shareWithinGoal: null, medianMs: null, p90Ms: null, responders: [] });
  });
});
