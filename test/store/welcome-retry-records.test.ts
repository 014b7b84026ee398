import { describe, expect, it } from "vitest";
import { recordContribution } from "../../src/store/contributors.js";
import { tablesOf } from "../../src/store/engine.js";
import { claimEffect, releaseEffect } from "../../src/store/side-effects.js";
import { contributorOf, firstOpeningNumber, unfinishedWelcomes, welcomeItem } from "../../src/store/welcome-retry-records.js";
import { openedFacts } from "../helpers/opened-fact.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe("welcome retry records", () => {
  const store = useTestStore();

  it("finds the lowest number a person opened, by account id or by login in any case", async () => {
    const { db } = store;
    const { events } = tablesOf(db);
    const opened = openedFacts(at);
    await db.insert(events).values([
      opened("issues.opened", "ann-renamed", 7, 9, false),
      opened("issues.opened", "ann", 7, 6, null),
      // An issues.opened fact about a pull request is not an issue.
      opened("issues.opened", "ann", 7, 4, true),
      opened("pull_request.opened", "ann", 7, 5, true),
      opened("issues.opened", "Old-Timer", null, 3, false),
      opened("issues.opened", "old-timer", null, 8, false),
      { ...opened("issues.opened", "ann", 7, 1, false), repositoryId: 2 },
    ]);
    expect(await firstOpeningNumber(db, 1, "issues.opened", { id: 7 })).toBe(6);
    expect(await firstOpeningNumber(db, 1, "pull_request.opened", { id: 7 })).toBe(5);
    expect(await firstOpeningNumber(db, 1, "issues.opened", { login: "OLD-TIMER" })).toBe(3);
    expect(await firstOpeningNumber(db, 1, "pull_request.opened", { login: "old-timer" })).toBeNull();
    expect(await firstOpeningNumber(db, 1, "issues.opened", { id: 8 })).toBeNull();
  });

  it("reads the item a welcome answers, or nothing for one unknown", async () => {
    const { db } = store;
    const { items } = tablesOf(db);
    const item = {
      repositoryId: 1,
      number: 12,
      isPull: true,
      title: "Fix",
      authorLogin: "ann",
      authorId: 7,
      authorType: "User",
      authorAssociation: "FIRST_TIME_CONTRIBUTOR",
      state: "open" as const,
      createdAt: at(1),
      updatedAt: at(1),
    };
    await db.insert(items).values([item, { ...item, number: 13, isPull: false, authorLogin: "bo", authorAssociation: "NONE" }]);
    expect(await welcomeItem(db, 1, 12)).toEqual({
      number: 12,
      isPull: true,
      authorLogin: "ann",
      authorType: "User",
      authorAssociation: "FIRST_TIME_CONTRIBUTOR",
    });
    expect(await welcomeItem(db, 1, 13)).toMatchObject({ isPull: false, authorLogin: "bo" });
    expect(await welcomeItem(db, 1, 14)).toBeUndefined();
    expect(await welcomeItem(db, 2, 12)).toBeUndefined();
  });

  it("finds a contributor by account id, or by login ignoring case", async () => {
    const { db } = store;
    const merge = (login: string, userId: number | null, day: number) =>
      recordContribution(db, { repositoryId: 1, login, userId, at: at(day), pullNumber: day, source: "webhook" });
    await merge("Ann", 7, 2);
    await merge("Bo", null, 3);
    expect(await contributorOf(db, 1, { id: 7 })).toEqual({ login: "Ann", number: null, firstPullNumber: 2 });
    expect(await contributorOf(db, 1, { login: "bo" })).toEqual({ login: "Bo", number: null, firstPullNumber: 3 });
    expect(await contributorOf(db, 1, { login: "ann" })).toMatchObject({ login: "Ann" });
    expect(await contributorOf(db, 1, { id: 8 })).toBeUndefined();
    expect(await contributorOf(db, 2, { id: 7 })).toBeUndefined();
  });

  it("lists the welcome claims left unfinished whose lease ended, and no other effects", async () => {
    const { db } = store;
    const welcome = { repositoryId: 1, kind: "welcome.first-issue", subject: "#4", period: "" };
    const digest = { repositoryId: 1, kind: "digest", subject: "repo", period: "2026-W02" };
    await claimEffect(db, welcome, at(1), 60_000);
    await claimEffect(db, digest, at(1), 60_000);
    await releaseEffect(db, welcome, "HTTP 502");
    await releaseEffect(db, digest, "HTTP 502");
    expect(await unfinishedWelcomes(db, at(2))).toEqual([{ ...welcome, attempts: 1, lastError: "HTTP 502" }]);
    expect(await unfinishedWelcomes(db, at(2), { repositoryId: 2 })).toEqual([]);
  });
});
