import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { findDigest, saveDigest } from "../../src/store/digests.js";
import { findRepository, registerInstallation, repositoryById } from "../../src/store/installations.js";
import { moveRepository, setRepositoryPrivate } from "../../src/store/repository-changes.js";
import { findRepositoryFacts, saveRepositoryFacts } from "../../src/store/repository-facts.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const repo = (id: number, fullName: string, installationId = 42): RepositoryRecord => {
  const [owner = "", name = ""] = fullName.split("/");
  return { id, installationId, owner, name, fullName, private: false };
};

describe("a served repository's visibility, name and owner", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(
      store.db,
      { id: 42, accountLogin: "acme", accountType: "Organization" },
      [repo(1, "acme/widget"), repo(2, "acme/old")],
      NOW,
    );
  });
  afterEach(() => store.dispose());

  it("says whether the private flag changed, and never registers an unknown repository", async () => {
    expect(await setRepositoryPrivate(store.db, 1, true)).toBe(true);
    expect((await repositoryById(store.db, 1))?.private).toBe(true);
    expect(await setRepositoryPrivate(store.db, 1, true)).toBe(false);
    expect(await setRepositoryPrivate(store.db, 1, false)).toBe(true);
    expect((await repositoryById(store.db, 1))?.private).toBe(false);
    expect(await setRepositoryPrivate(store.db, 99, true)).toBe(false);
    expect(await repositoryById(store.db, 99)).toBeUndefined();
  });

  it("moves a repository to its new name and installation, keeping its history", async () => {
    await saveRepositoryFacts(store.db, 1, { stars: 3 }, NOW);
    expect(await moveRepository(store.db, 1, { owner: "octo", name: "widget2", fullName: "octo/widget2", installationId: 7 })).toBe(true);
    expect(await repositoryById(store.db, 1)).toEqual(repo(1, "octo/widget2", 7));
    expect(await findRepository(store.db, "acme/widget")).toBeUndefined();
    expect((await findRepositoryFacts(store.db, 1))?.data).toEqual({ stars: 3 });
  });

  it("keeps the installation when the event names none", async () => {
    expect(await moveRepository(store.db, 1, { owner: "acme", name: "renamed", fullName: "acme/renamed" })).toBe(true);
    expect(await repositoryById(store.db, 1)).toEqual(repo(1, "acme/renamed"));
  });

  it("forgets a stale repository still holding the new name, whatever its case, with its data", async () => {
    await saveDigest(store.db, { repositoryId: 2, week: "2026-W48", issueNumber: 1, issueUrl: "u", figures: {}, publishedAt: NOW });
    expect(await moveRepository(store.db, 1, { owner: "acme", name: "Old", fullName: "acme/Old" })).toBe(true);
    expect(await repositoryById(store.db, 2)).toBeUndefined();
    expect(await findDigest(store.db, 2, "2026-W48")).toBeUndefined();
    expect((await findRepository(store.db, "acme/old"))?.id).toBe(1);
  });

  it("registers nothing for an unknown repository", async () => {
    expect(await moveRepository(store.db, 99, { owner: "acme", name: "old", fullName: "acme/old" })).toBe(false);
    expect(await repositoryById(store.db, 99)).toBeUndefined();
    expect((await findRepository(store.db, "acme/old"))?.id).toBe(2);
  });
});
