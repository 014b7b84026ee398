import { describe, expect, it } from "vitest";
import { handleRepositoryEvent } from "../../src/ingest/repository-events.js";
import { findRepository, listRepositories, registerInstallation, repositoryById } from "../../src/store/installations.js";
import { listLeads, recordLeadSignal } from "../../src/store/leads.js";
import { examplePayload } from "../helpers/webhook-examples.js";
import { useTestStore } from "../helpers/test-store.js";

const NOW = new Date("2026-11-02T00:00:00Z");
// The repositories GitHub's example payloads name.
const CODERTOCAT = 186853002;
const OCTOCODERS = 186853261;
const repo = (id: number, fullName: string, isPrivate: boolean) => {
  const [owner = "", name = ""] = fullName.split("/");
  return { id, installationId: 1, owner, name, fullName, private: isPrivate };
};

/** A real payload of GitHub's with another action, for the actions the examples lack (archived, deleted). */
function withAction(action: string): Record<string, unknown> {
  return { ...examplePayload("repository", "publicized"), action };
}

describe("repository events: the stored repository follows GitHub", () => {
  const store = useTestStore();
  const register = (...repos: ReturnType<typeof repo>[]) =>
    registerInstallation(store.db, { id: 1, accountLogin: "Octocoders", accountType: "Organization" }, repos, NOW);
  const lead = (repositoryId: number, login: string) =>
    recordLeadSignal(store.db, { repositoryId, naturalKey: `issue:${login}`, login, userId: null, itemNumber: 1, terms: ["SSO"], occurredAt: NOW });

  it("publicized and privatized set the stored visibility, whatever the payload's visibility field says", async () => {
    await register(repo(CODERTOCAT, "Codertocat/Hello-World", true));
    await handleRepositoryEvent(store.db, examplePayload("repository", "publicized"));
    expect((await repositoryById(store.db, CODERTOCAT))?.private).toBe(false);
    // GitHub's own example of `privatized` still says `visibility: "public"`: the action is the fact.
    const privatized = examplePayload("repository", "privatized");
    expect((privatized.repository as { visibility: string }).visibility).toBe("public");
    await handleRepositoryEvent(store.db, privatized);
    expect((await repositoryById(store.db, CODERTOCAT))?.private).toBe(true);
  });

  it("renamed moves the repository, keeping what is stored under its id", async () => {
    await register(repo(OCTOCODERS, "Octocoders/Old-World", false));
    await lead(OCTOCODERS, "buyer");
    await handleRepositoryEvent(store.db, examplePayload("repository", "renamed"));
    expect(await findRepository(store.db, "Octocoders/Old-World")).toBeUndefined();
    expect(await findRepository(store.db, "octocoders/hello-world")).toMatchObject({ id: OCTOCODERS, owner: "Octocoders", name: "Hello-World" });
    expect((await listLeads(store.db, OCTOCODERS)).map((l) => l.login)).toEqual(["buyer"]);
  });

  it("transferred gives it the new owner and the installation the delivery names", async () => {
    await registerInstallation(
      store.db,
      { id: 5, accountLogin: "octocat", accountType: "User" },
      [{ ...repo(OCTOCODERS, "octocat/Hello-World", false), installationId: 5 }],
      NOW,
    );
    await lead(OCTOCODERS, "buyer");
    const transferred = examplePayload("repository", "transferred", 1);
    expect(transferred.changes).toMatchObject({ owner: { from: { user: { login: "octocat" } } } });
    await handleRepositoryEvent(store.db, transferred);
    expect(await repositoryById(store.db, OCTOCODERS)).toMatchObject({ owner: "Octocoders", fullName: "Octocoders/Hello-World", installationId: 1 });
    expect((await listLeads(store.db, OCTOCODERS)).map((l) => l.login)).toEqual(["buyer"]);
  });

  it("a rename onto a name another row still holds forgets that stale repository, never the renamed one", async () => {
    // Steward missed the deletion of the old Octocoders/Hello-World (id 7); the name now belongs to another.
    await register(repo(7, "Octocoders/Hello-World", false), repo(OCTOCODERS, "Octocoders/Old-World", false));
    await lead(7, "stale-lead");
    await lead(OCTOCODERS, "kept-lead");
    await handleRepositoryEvent(store.db, examplePayload("repository", "renamed"));
    expect((await listRepositories(store.db)).map((r) => [r.id, r.fullName])).toEqual([[OCTOCODERS, "Octocoders/Hello-World"]]);
    expect(await listLeads(store.db, 7)).toEqual([]);
    expect((await listLeads(store.db, OCTOCODERS)).map((l) => l.login)).toEqual(["kept-lead"]);
  });

  it("deleted forgets the repository and its data, as a removal from the installation does", async () => {
    await register(repo(CODERTOCAT, "Codertocat/Hello-World", false), repo(OCTOCODERS, "Octocoders/Hello-World", false));
    await lead(CODERTOCAT, "gone");
    await lead(OCTOCODERS, "stays");
    await handleRepositoryEvent(store.db, withAction("deleted"));
    expect(await repositoryById(store.db, CODERTOCAT)).toBeUndefined();
    expect(await listLeads(store.db, CODERTOCAT)).toEqual([]);
    expect((await listLeads(store.db, OCTOCODERS)).map((l) => l.login)).toEqual(["stays"]);
  });

  it("registers no repository Steward does not serve, and stores nothing for archiving", async () => {
    for (const payload of [
      examplePayload("repository", "publicized"),
      examplePayload("repository", "privatized"),
      examplePayload("repository", "renamed"),
      examplePayload("repository", "transferred"),
      withAction("deleted"),
      examplePayload("repository", "created", 1),
    ])
      await handleRepositoryEvent(store.db, payload);
    expect(await listRepositories(store.db)).toEqual([]);

    await register(repo(CODERTOCAT, "Codertocat/Hello-World", true));
    const before = await listRepositories(store.db);
    await handleRepositoryEvent(store.db, withAction("archived"));
    await handleRepositoryEvent(store.db, withAction("unarchived"));
    await handleRepositoryEvent(store.db, { action: "publicized" });
    expect(await listRepositories(store.db)).toEqual(before);
  });
});
