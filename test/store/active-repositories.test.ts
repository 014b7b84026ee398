import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listActiveRepositories, registerInstallation, setInstallationSuspended } from "../../src/store/installations.js";
import { createTestStore } from "../helpers/test-store.js";

type TestStore = Awaited<ReturnType<typeof createTestStore>>;
const NOW = new Date("2026-11-02T00:00:00Z");
const repo = (id: number, installationId: number, fullName: string) => {
  const [owner = "", name = ""] = fullName.split("/");
  return { id, installationId, owner, name, fullName, private: false };
};

describe("listActiveRepositories: what every schedule works on", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [repo(10, 1, "acme/widget")], NOW);
    await registerInstallation(store.db, { id: 2, accountLogin: "octo", accountType: "Organization" }, [repo(20, 2, "octo/lib")], NOW);
  });
  afterEach(() => store.dispose());

  it("leaves out the repositories of a suspended installation, and takes them back when unsuspended", async () => {
    expect((await listActiveRepositories(store.db)).map((r) => r.fullName)).toEqual(["acme/widget", "octo/lib"]);
    await setInstallationSuspended(store.db, 2, true);
    expect((await listActiveRepositories(store.db)).map((r) => r.fullName)).toEqual(["acme/widget"]);
    await setInstallationSuspended(store.db, 2, false);
    expect((await listActiveRepositories(store.db)).map((r) => r.fullName)).toEqual(["acme/widget", "octo/lib"]);
  });
});
