import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import type { DigestRun } from "../../src/digest/run-digests.js";
import { registerInstallation } from "../../src/store/installations.js";
import { captureIo } from "../helpers/capture-io.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

const digest = vi.hoisted(() => ({ run: undefined as DigestRun | undefined }));
vi.mock("../../src/digest/run-digests.js", () => ({ makeDigest: async () => digest.run }));

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const RUN = { repository: "acme/widget", week: "2026-W48", title: "Week 48", body: "…" };

/** Whether the digest was opened decides the exit code, whatever the output format. */
describe("steward digest's exit code", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], new Date());
  });
  afterEach(() => store.dispose());

  const run = async (...argv: string[]) => {
    const io = captureIo({ DATABASE_URL: store.path });
    const code = await runCli(["digest", "--repo", "acme/widget", ...argv], io);
    return { code, out: io.stdout, err: io.stderr };
  };

  it.each([[[]], [["--json"]]])("is 1 with a one-line reason when GitHub refused the issue (flags %j)", async (flags) => {
    digest.run = { ...RUN, published: { status: "failed", issueNumber: null, url: null, error: "HTTP 403\nforbidden" } };
    const { code, err } = await run(...flags);
    expect(code).toBe(1);
    expect(err).toBe("steward digest: 2026-W48 not opened: HTTP 403 forbidden\n");
  });

  it.each([[[]], [["--json"]]])("is 0 when the digest was opened (flags %j)", async (flags) => {
    digest.run = { ...RUN, published: { status: "created", issueNumber: 5, url: "https://github.com/acme/widget/issues/5" } };
    const { code, err } = await run(...flags);
    expect(code).toBe(0);
    expect(err).toBe("");
  });
});
