import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRepositoryEvent } from "../../src/ingest/repository-events.js";
import { createActivity, createWebhookSender, SandboxModel, type Activity, type WebhookSender } from "../../src/sandbox/index.js";
import { findRepository, registerInstallation } from "../../src/store/installations.js";
import { createTestStore } from "../helpers/test-store.js";
import { allExamples } from "../helpers/webhook-examples.js";
import { seedWidgets, start, type Started } from "./helpers.js";

const REPO = "acme/widget";

/** A model holding acme/widget (private) under installation 77 (and "ana" under 78), with a frozen clock. */
function seededModel(): SandboxModel {
  const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
  model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  model.addUser({ login: "beta", type: "Organization" });
  model.addInstallation({ id: 78, account: "ana", accountType: "User" });
  model.addRepository({ fullName: REPO, ownerType: "Organization", private: true });
  return model;
}

function capturingSender(): { sender: WebhookSender; payloads: Record<string, unknown>[] } {
  const payloads: Record<string, unknown>[] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    payloads.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return new Response(null, { status: 200 });
  };
  return { sender: createWebhookSender({ url: "http://steward.test/hook", secret: "s", fetchImpl }), payloads };
}

/** Every key path of a JSON value (`changes.owner.from.user.login` ...), to compare shapes, not values. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe("repository webhooks from the sandbox", () => {
  let activity: Activity;
  let payloads: Record<string, unknown>[];
  beforeAll(() => {
    const captured = capturingSender();
    payloads = captured.payloads;
    activity = createActivity({ model: seededModel(), address: () => null }, captured.sender);
  });
  const sent = () => payloads.at(-1)!;

  it("have GitHub's shape: the keys of its examples (but `organization`), and `changes` key for key", async () => {
    const examples = new Map(allExamples("repository").map((e) => [e.action as string, e]));
    await activity.publicize(REPO);
    const publicized = sent();
    await activity.privatize(REPO);
    const privatized = sent();
    await activity.rename(REPO, "gadget");
    const renamed = sent();
    await activity.transfer("acme/gadget", "ana");
    const fromOrganization = sent();
    // GitHub's example was transferred from a user.
    await activity.transfer("ana/gadget", "beta");
    const transferred = sent();
    for (const [action, payload] of Object.entries({ publicized, privatized, renamed, transferred })) {
      const example = examples.get(action)!;
      const keys = (p: Record<string, unknown>) => Object.keys(p).filter((k) => k !== "organization" && k !== "installation");
      expect(keys(payload).sort(), action).toEqual(keys(example).sort());
      expect(payload.installation, action).toMatchObject({ id: action === "transferred" ? 78 : 77 });
      if (example.changes) expect(keyPaths(payload.changes).sort(), action).toEqual(expect.arrayContaining(keyPaths(example.changes).sort()));
      // The repository carries every field Steward reads, typed as GitHub types them.
      const repository = payload.repository as Record<string, unknown>;
      for (const field of ["id", "name", "full_name", "private", "visibility", "archived"])
        expect(typeof repository[field], `${action} repository.${field}`).toBe(typeof (example.repository as Record<string, unknown>)[field]);
    }
    expect(publicized.repository).toMatchObject({ private: false, visibility: "public" });
    expect(privatized.repository).toMatchObject({ private: true, visibility: "private" });
    expect(renamed).toMatchObject({ changes: { repository: { name: { from: "widget" } } }, repository: { full_name: "acme/gadget" } });
    expect(fromOrganization).toMatchObject({
      changes: { owner: { from: { organization: { login: "acme" } } } },
      repository: { full_name: "ana/gadget", owner: { login: "ana" } },
    });
    expect(transferred).toMatchObject({
      changes: { owner: { from: { user: { login: "ana", type: "User" } } } },
      repository: { full_name: "beta/gadget", owner: { login: "beta" } },
    });
  });

  it("are read by Steward's ingest as GitHub's own are", async () => {
    const store = await createTestStore();
    try {
      const model = seededModel();
      const captured = capturingSender();
      const verbs = createActivity({ model, address: () => null }, captured.sender);
      const id = model.getRepository(REPO)!.id;
      const deliver = async () => handleRepositoryEvent(store.db, captured.payloads.at(-1));
      await registerInstallation(
        store.db,
        { id: 77, accountLogin: "acme", accountType: "Organization" },
        [{ id, installationId: 77, owner: "acme", name: "widget", fullName: REPO, private: true }],
        new Date(),
      );
      await verbs.publicize(REPO);
      await deliver();
      expect(await findRepository(store.db, REPO)).toMatchObject({ private: false });
      await verbs.rename(REPO, "gadget");
      await deliver();
      expect(await findRepository(store.db, "acme/gadget")).toMatchObject({ id });
      await verbs.archive("acme/gadget");
      await deliver();
      await verbs.deleteRepository("acme/gadget");
      expect(captured.payloads.at(-1)).toMatchObject({ action: "deleted", repository: { id, archived: true }, installation: { id: 77 } });
      await deliver();
      expect(await findRepository(store.db, "acme/gadget")).toBeUndefined();
      expect(model.getRepository("acme/gadget")).toBeUndefined();
    } finally {
      store.dispose();
    }
  });

  it("refuse a change that changes nothing, as GitHub sends nothing then", async () => {
    const count = payloads.length;
    await expect(activity.privatize("beta/gadget")).rejects.toThrow(/already private/);
    await expect(activity.unarchive("beta/gadget")).rejects.toThrow(/already not archived/);
    await expect(activity.rename("beta/gadget", "gadget")).rejects.toThrow(/already named gadget/);
    await expect(activity.transfer("beta/gadget", "Beta")).rejects.toThrow(/already belongs to Beta/);
    await expect(activity.publicize("acme/nothing")).rejects.toThrow(/unknown repository/);
    expect(payloads.length).toBe(count);
  });
});

describe("the sandbox's REST API after repository changes", () => {
  let started: Started;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started.sandbox.close());

  it("answers under the new name only, and refuses writes while archived", async () => {
    const { octokit } = seedWidgets(started);
    const model = started.sandbox.model;
    model.moveRepository("octo-org/widgets", { name: "gears" });
    await expect(octokit.rest.repos.get({ owner: "octo-org", repo: "widgets" })).rejects.toMatchObject({ status: 404 });
    expect((await octokit.rest.repos.get({ owner: "octo-org", repo: "gears" })).data).toMatchObject({ full_name: "octo-org/gears" });

    model.setRepositoryArchived("octo-org/gears", true);
    expect((await octokit.rest.repos.get({ owner: "octo-org", repo: "gears" })).data.archived).toBe(true);
    await expect(octokit.rest.issues.create({ owner: "octo-org", repo: "gears", title: "Hello" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Repository was archived so is read-only."),
    });
    model.setRepositoryArchived("octo-org/gears", false);
    expect((await octokit.rest.issues.create({ owner: "octo-org", repo: "gears", title: "Hello" })).status).toBe(201);

    model.setRepositoryVisibility("octo-org/gears", true);
    expect((await octokit.rest.repos.get({ owner: "octo-org", repo: "gears" })).data).toMatchObject({ private: true, visibility: "private" });
  });
});
