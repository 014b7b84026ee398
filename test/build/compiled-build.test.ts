import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraph } from "./import-graph.js";
import { freePort } from "../helpers/steward-process.js";

const ROOT = join(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const DEPENDENCIES = Object.keys(manifest.dependencies);

/**
 * The build as the Docker image holds it: `tsc -p tsconfig.build.json` into a fresh folder laid out
 * like /app (dist, bin, migrations, package.json, app.yml), with a node_modules that holds only the
 * production dependencies (links to this checkout's). Whatever dist imports beyond them fails to
 * load here as it would in the image; the import graph names it first.
 */
describe("the production build (the image's layout, production dependencies only)", () => {
  let app: string;

  beforeAll(() => {
    app = realpathSync(mkdtempSync(join(tmpdir(), "steward-image-layout-")));
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", join(app, "dist")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
    for (const entry of ["bin", "migrations", "package.json", "app.yml"]) cpSync(join(ROOT, entry), join(app, entry), { recursive: true });
    for (const name of DEPENDENCIES) {
      mkdirSync(dirname(join(app, "node_modules", name)), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", name), join(app, "node_modules", name), "dir");
    }
    mkdirSync(join(app, "data"));
  }, 180_000);

  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it("keeps tsx out of the dependencies: the image installs them alone", () => {
    expect(DEPENDENCIES).not.toContain("tsx");
    expect(Object.keys(manifest.devDependencies)).toContain("tsx");
  });

  it("imports no package outside `dependencies` from the server or the CLI, and no file that is not there", () => {
    const graph = importGraph([join(app, "dist/src/main.js"), join(app, "dist/src/cli/main.js")]);
    const outside = [...graph.packages.keys()].filter((name) => !DEPENDENCIES.includes(name));
    expect(
      outside.map(
        (name) =>
          `${name} (imported by ${graph.packages
            .get(name)!
            .map((f) => f.slice(app.length + 1))
            .join(", ")})`,
      ),
    ).toEqual([]);
    expect(graph.unresolved).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(50);
  });

  it("finds package.json, and so migrations/, from dist/src", () => {
    const root = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(pathToFileURL(join(app, "dist/src/package-root.js")).href)}); console.log(m.packageRoot());`,
      ],
      { encoding: "utf8" },
    );
    expect(root.stdout.trim()).toBe(app);
    expect(existsSync(join(app, "migrations/sqlite/meta/_journal.json"))).toBe(true);
    expect(existsSync(join(app, "migrations/postgres/meta/_journal.json"))).toBe(true);
  });

  it("runs the compiled CLI through bin/steward.js: --version and migrate", () => {
    const env = { PATH: process.env.PATH ?? "", HOME: app, DATABASE_URL: join(app, "data/cli.db") };
    const version = spawnSync(process.execPath, ["bin/steward.js", "--version"], { cwd: app, env, encoding: "utf8" });
    expect({ status: version.status, stdout: version.stdout.trim(), stderr: version.stderr }).toEqual({
      status: 0,
      stdout: manifest.version,
      stderr: "",
    });
    const migrate = spawnSync(process.execPath, ["bin/steward.js", "migrate"], { cwd: app, env, encoding: "utf8" });
    expect(migrate.stderr).toBe("");
    expect(migrate.status).toBe(0);
    expect(existsSync(join(app, "data/cli.db"))).toBe(true);
  });

  it("starts dist/src/main.js with the image's settings: /healthz answers 200 and SIGTERM exits 0", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "",
      HOME: app,
      NODE_ENV: "production",
      LOG_FORMAT: "json",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: join(app, "data/steward.db"),
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: "build-test",
      // Nothing listens there: /healthz needs only the database.
      GHE_HOST: "127.0.0.1:9",
      GHE_PROTOCOL: "http",
    };
    const child = spawn(process.execPath, ["dist/src/main.js"], { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      expect(await healthzStatus(`http://127.0.0.1:${port}/healthz`, () => child.exitCode !== null), output.join("")).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output.join("")).toBe(0);
  }, 60_000);
});

/** Polls until the server answers (its status) or exits (0); gives up after 30 s. */
async function healthzStatus(url: string, exited: () => boolean): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !exited()) {
    try {
      return (await fetch(url)).status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return 0;
}
