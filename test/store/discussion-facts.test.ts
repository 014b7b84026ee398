import { describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { tablesOf } from "../../src/store/engine.js";
import { discussionStateQuery, loadDiscussionComments, loadDiscussionStateFacts } from "../../src/store/discussion-facts.js";
import { examplePayload } from "../helpers/webhook-examples.js";
import { createSqliteTestStore, useTestStore } from "../helpers/test-store.js";

const REPO = 2_147_483_650;
const OTHER = 7;

describe("a repository's discussion facts", () => {
  const store = useTestStore();

  const insertExamples = async () => {
    const { events } = tablesOf(store.db);
    const facts = [
      ...toLedgerEntry({ id: "d-1", name: "discussion", payload: examplePayload("discussion", "answered"), receivedAt: new Date() }).events,
      ...toLedgerEntry({ id: "d-2", name: "discussion", payload: examplePayload("discussion", "created"), receivedAt: new Date() }).events,
      ...toLedgerEntry({ id: "d-3", name: "discussion_comment", payload: examplePayload("discussion_comment", "created"), receivedAt: new Date() })
        .events,
      ...toLedgerEntry({ id: "d-4", name: "issues", payload: examplePayload("issues", "opened"), receivedAt: new Date() }).events,
    ];
    await store.db.insert(events).values(facts.map((fact) => ({ ...fact, repositoryId: REPO })));
    await store.db.insert(events).values(facts.slice(1, 2).map((fact) => ({ ...fact, repositoryId: OTHER })));
  };

  it("loads the discussions' own facts of one repository, oldest first, with their data, and no comment", async () => {
    await insertExamples();
    const loaded = await loadDiscussionStateFacts(store.db, REPO);
    expect(loaded.map((f) => [f.kind, f.number])).toEqual([
      ["discussion.created", 90],
      ["discussion.answered", 4],
    ]);
    expect(loaded[0]).toMatchObject({
      actorLogin: "Codertocat",
      association: "COLLABORATOR",
      occurredAt: new Date("2021-03-29T14:16:08Z"),
      data: { nodeId: "MDEwOkRpc2N1c3Npb24zMjk3NDQy", category: { name: "General", answerable: false } },
    });
    expect(await loadDiscussionStateFacts(store.db, 999)).toEqual([]);
  });

  it("loads the comments of the discussions asked for only", async () => {
    await insertExamples();
    const comment = toLedgerEntry({
      id: "d-3",
      name: "discussion_comment",
      payload: examplePayload("discussion_comment", "created"),
      receivedAt: new Date(),
    }).events[0]!;
    const loaded = await loadDiscussionComments(store.db, REPO, [comment.itemNumber!]);
    expect(loaded.map((f) => [f.kind, f.number])).toEqual([["discussion_comment.created", comment.itemNumber]]);
    expect(await loadDiscussionComments(store.db, REPO, [comment.itemNumber! + 1])).toEqual([]);
    expect(await loadDiscussionComments(store.db, REPO, [])).toEqual([]);
  });
});

describe("the discussion facts' read on SQLite", () => {
  it("goes through the partial discussion index, not the repository's whole history", async () => {
    const store = await createSqliteTestStore();
    try {
      const query = discussionStateQuery(store.db, REPO).toSQL();
      const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.params as unknown[])) as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail).join("\n")).toMatch(/USING (COVERING )?INDEX events_discussion_idx/);
    } finally {
      await store.dispose();
    }
  });
});
