import { describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { tablesOf } from "../../src/store/engine.js";
import { loadDiscussionFacts } from "../../src/store/discussion-facts.js";
import { examplePayload } from "../helpers/webhook-examples.js";
import { useTestStore } from "../helpers/test-store.js";

const REPO = 2_147_483_650;
const OTHER = 7;

describe("a repository's discussion facts", () => {
  const store = useTestStore();

  it("loads the discussion facts of one repository, oldest first, with their data, and nothing else", async () => {
    const { events } = tablesOf(store.db);
    const facts = [
      ...toLedgerEntry({ id: "d-1", name: "discussion", payload: examplePayload("discussion", "answered"), receivedAt: new Date() }).events,
      ...toLedgerEntry({ id: "d-2", name: "discussion", payload: examplePayload("discussion", "created"), receivedAt: new Date() }).events,
      ...toLedgerEntry({ id: "d-3", name: "issues", payload: examplePayload("issues", "opened"), receivedAt: new Date() }).events,
    ];
    await store.db.insert(events).values(facts.map((fact) => ({ ...fact, repositoryId: REPO })));
    await store.db.insert(events).values(facts.slice(1, 2).map((fact) => ({ ...fact, repositoryId: OTHER })));

    const loaded = await loadDiscussionFacts(store.db, REPO);
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
    expect(await loadDiscussionFacts(store.db, 999)).toEqual([]);
  });
});
