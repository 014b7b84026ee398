import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { numberAllContributors, recordContribution } from "../../src/store/contributors.js";
import { recordCrossing } from "../../src/store/milestone-crossings.js";
import { events, items, sideEffects } from "../../src/store/schema.js";
import { unfinishedWelcomes } from "../../src/store/welcome-retry-records.js";
import { loadRetryRecords } from "../../src/welcome/load-retry-records.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = 11;
const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour));

describe("loadRetryRecords and unfinishedWelcomes (over a real store)", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  function opened(kind: "issues.opened" | "pull_request.opened", login: string, number: number, keep = true, actorId: number | null = null) {
    const isPull = kind === "pull_request.opened";
    store.db
      .insert(events)
      .values({
        repositoryId: REPO,
        naturalKey: `${kind}:${number}`,
        kind,
        actorLogin: login,
        actorId,
        actorType: "User",
        itemNumber: number,
        isPull,
        occurredAt: at(number),
      })
      .run();
    if (!keep) return;
    store.db
      .insert(items)
      .values({
        repositoryId: REPO,
        number,
        isPull,
        title: `item ${number}`,
        authorLogin: login,
        authorType: "User",
        authorAssociation: "NONE",
        state: "open",
        createdAt: at(number),
        updatedAt: at(number),
      })
      .run();
  }

  it("finds a first opening's item: the user's lowest number of that kind, whatever the login's case", async () => {
    opened("issues.opened", "Ana", 5);
    opened("issues.opened", "Ana", 8);
    opened("pull_request.opened", "Ana", 3);
    opened("issues.opened", "bob", 2);
    const issue = await loadRetryRecords(store.db, REPO, { kind: "welcome.first-issue", subject: "ana" });
    expect(issue.item).toMatchObject({ number: 5, authorLogin: "Ana" });
    const pull = await loadRetryRecords(store.db, REPO, { kind: "welcome.first-pr", subject: "ana" });
    expect(pull.item).toMatchObject({ number: 3 });
    expect((await loadRetryRecords(store.db, REPO, { kind: "welcome.first-pr", subject: "bob" })).item).toBeNull();
  });

  it("finds the item and the contributor of a claim keyed by account id, whatever logins the account used", async () => {
    opened("issues.opened", "eve-renamed", 9, true, 42);
    opened("issues.opened", "eve", 6, true, 42);
    opened("issues.opened", "someone-else", 2, true, 43);
    const issue = await loadRetryRecords(store.db, REPO, { kind: "welcome.first-issue", subject: "id:42" });
    expect(issue.item).toMatchObject({ number: 6, authorLogin: "eve" });
    await recordContribution(store.db, { repositoryId: REPO, login: "eve", userId: 42, at: at(9), pullNumber: 6, source: "webhook" });
    await recordContribution(store.db, { repositoryId: REPO, login: "eve-renamed", userId: 42, at: at(10), pullNumber: 9, source: "webhook" });
    const merge = await loadRetryRecords(store.db, REPO, { kind: "welcome.first-merge", subject: "id:42" });
    expect(merge.contributor).toEqual({ login: "eve-renamed", number: null, firstPullNumber: 6 });
  });

  it("has no item when the welcomed one left the repository (the ledger keeps its event, the items table forgets it)", async () => {
    opened("issues.opened", "cleo", 4, false);
    opened("issues.opened", "cleo", 6);
    expect((await loadRetryRecords(store.db, REPO, { kind: "welcome.first-issue", subject: "cleo" })).item).toBeNull();
  });

  it("finds a congratulation's pull request from the contributor record, and a milestone's from its crossing", async () => {
    opened("pull_request.opened", "Dana", 7);
    await recordContribution(store.db, { repositoryId: REPO, login: "Dana", userId: null, at: at(9), pullNumber: 7, source: "webhook" });
    await numberAllContributors(store.db, REPO);
    const merge = await loadRetryRecords(store.db, REPO, { kind: "welcome.first-merge", subject: "dana" });
    expect(merge).toMatchObject({ item: { number: 7 }, contributor: { number: 1, firstPullNumber: 7 }, historyKnown: false });

    await recordCrossing(store.db, {
      repositoryId: REPO,
      metric: "contributors",
      threshold: 1,
      crossedAt: at(9),
      value: 1,
      login: "Dana",
      itemNumber: 7,
    });
    const milestone = await loadRetryRecords(store.db, REPO, { kind: "welcome.milestone", subject: "contributors-1" });
    expect(milestone).toMatchObject({ item: { number: 7 }, crossing: { threshold: 1, login: "Dana" } });
    expect(await loadRetryRecords(store.db, REPO, { kind: "welcome.milestone", subject: "contributors-50" })).toEqual({ item: null, crossing: null });
  });

  it("lists only unfinished welcome claims whose lease has ended, oldest first", async () => {
    const claim = (kind: string, subject: string, claimedAt: Date, state: "claimed" | "done" = "claimed") =>
      store.db.insert(sideEffects).values({ repositoryId: REPO, kind, subject, period: "", state, claimedAt }).run();
    claim("welcome.first-pr", "late", at(3));
    claim("welcome.first-issue", "released", new Date(0));
    claim("welcome.first-issue", "live", at(10));
    claim("welcome.first-issue", "done", at(1), "done");
    claim("response.at-risk", "#4", at(1));
    const found = await unfinishedWelcomes(store.db, at(5));
    expect(found.map((c) => c.subject)).toEqual(["released", "late"]);
    expect(await unfinishedWelcomes(store.db, at(5), { repositoryId: REPO + 1 })).toEqual([]);
  });
});
