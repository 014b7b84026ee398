import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { forgetInstallation, forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const KEPT = { installationId: 42, repositoryId: 2002, owner: "acme", name: "gadget" };
const REMOVED = { installationId: 42, repositoryId: 1001, owner: "acme", name: "widget" };
type TestStore = Awaited<ReturnType<typeof createSqliteTestStore>>;

/** Every table of the schema and its columns, read from the database itself, so a new table is never missed. */
function tablesOf(store: TestStore): Array<{ name: string; columns: string[] }> {
  const names = store.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`)
    .pluck()
    .all() as string[];
  return names.map((name) => ({
    name,
    columns: (store.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name),
  }));
}

/** Rows of any table that point at the repository (by id) or its installation, or name its logins. */
function rowsAbout(store: TestStore, repositoryId: number, logins: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const table of tablesOf(store)) {
    const where: string[] = [];
    if (table.columns.includes("repository_id")) where.push(`repository_id = ${repositoryId}`);
    if (table.name === "repositories") where.push(`id = ${repositoryId}`);
    if (table.name === "user_profiles") where.push(`login IN (${logins.map((l) => `'${l}'`).join(",")})`);
    if (where.length === 0) continue;
    const n = store.sqlite
      .prepare(`SELECT count(*) FROM "${table.name}" WHERE ${where.join(" OR ")}`)
      .pluck()
      .get() as number;
    if (n > 0) found[table.name] = n;
  }
  return found;
}

/** Each person's account id: profiles are kept per account. */
const ACCOUNTS: Record<string, number> = { someone: 1, "shared-person": 2, "only-widget": 3, "only-gadget": 4 };

async function deliver(store: TestStore, id: string, name: string, target: typeof KEPT, login: string) {
  const payload = forRepository(examplePayload(name, name === "star" ? "created" : "opened"), target);
  payload.sender = { ...(payload.sender as object), login, id: ACCOUNTS[login] };
  const entry = toLedgerEntry({ id, name, payload, receivedAt: NOW });
  await recordDelivery(store.db, { id, event: name, action: String(payload.action), receivedAt: NOW, payload: JSON.stringify(payload) }, entry);
}

describe("removing a repository or an installation leaves nothing of it in any table", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    const repo = (t: typeof KEPT) => ({
      id: t.repositoryId,
      installationId: 42,
      owner: "acme",
      name: t.name,
      fullName: `acme/${t.name}`,
      private: false,
    });
    await registerInstallation(store.db, { id: 42, accountLogin: "acme", accountType: "Organization" }, [repo(REMOVED), repo(KEPT)], NOW);
    for (const target of [REMOVED, KEPT]) {
      await deliver(store, `${target.name}-issue`, "issues", target, "someone");
      await deliver(store, `${target.name}-shared-star`, "star", target, "shared-person");
      await deliver(store, `${target.name}-star`, "star", target, `only-${target.name}`);
    }
    // Every per-repository table gets a row for both repositories.
    const sqlite = store.sqlite;
    for (const id of [REMOVED.repositoryId, KEPT.repositoryId]) {
      sqlite.prepare(`INSERT INTO config_status (repository_id, valid, errors, fingerprint, checked_at) VALUES (?, 1, '[]', 'f', 0)`).run(id);
      sqlite
        .prepare(
          `INSERT INTO side_effects (repository_id, kind, subject, period, state, attempts, claimed_at) VALUES (?, 'welcome.first-issue', 'x', '', 'done', 1, 0)`,
        )
        .run(id);
    }
    for (const login of ["shared-person", "only-widget", "only-gadget"]) {
      sqlite.prepare(`INSERT INTO user_profiles (login, user_id, company, fetched_at) VALUES (?, ?, 'Acme', 0)`).run(login, ACCOUNTS[login]);
    }
  });
  afterEach(() => store.dispose());

  it("a removed repository: zero rows in every table, and the profiles only it knew are gone", async () => {
    expect(Object.keys(rowsAbout(store, REMOVED.repositoryId, ["only-widget"])).length).toBeGreaterThan(3);
    await forgetRepositories(store.db, [REMOVED.repositoryId]);
    expect(rowsAbout(store, REMOVED.repositoryId, ["only-widget"])).toEqual({});
    // The other repository keeps all of its data, and the people it knows keep their profiles.
    expect(rowsAbout(store, KEPT.repositoryId, ["shared-person", "only-gadget"])).toMatchObject({ events: 3, user_profiles: 2 });
  });

  it("an uninstalled installation: zero rows of any of its repositories", async () => {
    await forgetInstallation(store.db, 42);
    expect(rowsAbout(store, REMOVED.repositoryId, ["only-widget", "shared-person"])).toEqual({});
    expect(rowsAbout(store, KEPT.repositoryId, ["only-gadget"])).toEqual({});
    expect(store.sqlite.prepare(`SELECT count(*) FROM installations`).pluck().get()).toBe(0);
  });
});
