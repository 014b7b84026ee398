import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * .ci/postgres.sh on machines it cannot be tried on here without harm: a new one without
 * PostgreSQL, one with a stopped cluster, one whose server never comes up. PATH holds only
 * stand-ins for the PostgreSQL and apt commands (and the few plain tools the script uses), which
 * log their calls and keep the machine's state in files; the real server is never touched.
 */
const SCRIPT = join(import.meta.dirname, "../../.ci/postgres.sh");
const TOOLS = ["head", "grep", "sed", "seq", "cat", "touch", "rm"];

let root: string;
let bin: string;
let state: string;

/** A stand-in command: a bash script with $STATE and $BIN set. */
function standIn(folder: string, name: string, body: string): void {
  const path = join(folder, name);
  writeFileSync(path, `#!/bin/bash\nSTATE=${state}\nBIN=${bin}\necho "${name} $*" >> "$STATE/log"\n${body}\n`);
  chmodSync(path, 0o755);
}

/** What Debian's postgresql package brings: the cluster tools, pg_isready and psql. */
function installPostgresqlStandIns(folder: string): void {
  standIn(folder, "pg_isready", '[ -e "$STATE/online" ]');
  standIn(folder, "pg_lsclusters", '[ -e "$STATE/online" ] && s=online || s=down; echo "15 main 5432 $s postgres /var/lib/postgresql/15/main log"');
  standIn(folder, "pg_conftool", 'echo "$STATE/pg_hba.conf"');
  standIn(folder, "pg_ctlcluster", 'case "$*" in *" start") [ -e "$STATE/never-up" ] || touch "$STATE/online";; esac');
  standIn(
    folder,
    "psql",
    'case "$*" in *"CREATE DATABASE test"*) touch "$STATE/db-test";; *"SELECT 1 FROM pg_database"*) [ -e "$STATE/db-test" ] && echo 1;; esac; true',
  );
}

function run(): { status: number | null; log: string[]; output: string } {
  const result = spawnSync("/bin/bash", [SCRIPT], { env: { PATH: bin }, encoding: "utf8" });
  const log = existsSync(join(state, "log")) ? readFileSync(join(state, "log"), "utf8").trim().split("\n") : [];
  return { status: result.status, log: log.filter((line) => !line.startsWith("sleep")), output: result.stdout + result.stderr };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "steward-ci-postgres-"));
  bin = join(root, "bin");
  state = join(root, "state");
  mkdirSync(bin);
  mkdirSync(state);
  for (const tool of TOOLS) {
    const found = ["/usr/bin", "/bin"].map((dir) => join(dir, tool)).find((path) => existsSync(path));
    if (!found) throw new Error(`${tool} not found`);
    symlinkSync(found, join(bin, tool));
  }
  // Waiting costs nothing here.
  standIn(bin, "sleep", "true");
  writeFileSync(join(state, "pg_hba.conf"), "local all postgres peer\nhost all all 127.0.0.1/32 scram-sha-256\n");
  // apt-get installs the stand-ins above into PATH, as the package would.
  const packageDir = join(root, "package");
  mkdirSync(packageDir);
  installPostgresqlStandIns(packageDir);
  standIn(
    bin,
    "apt-get",
    `case "$*" in *install*) cp -p ${packageDir}/* "$BIN"/; [ -e "$STATE/postinst-starts" ] && touch "$STATE/online";; esac; true`,
  );
  symlinkSync(["/usr/bin/cp", "/bin/cp"].find((path) => existsSync(path))!, join(bin, "cp"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe(".ci/postgres.sh", () => {
  it("does nothing but check the database where a server already answers (the project's machines)", () => {
    installPostgresqlStandIns(bin);
    writeFileSync(join(state, "online"), "");
    writeFileSync(join(state, "db-test"), "");
    const { status, log } = run();
    expect(status).toBe(0);
    expect(log.map((line) => line.split(" ")[0])).toEqual(["pg_isready", "psql"]);
  });

  it("installs, lets local connections in without a password, starts and creates `test` on a new machine", () => {
    const { status, log, output } = run();
    expect(status, output).toBe(0);
    expect(log.filter((line) => /^(apt-get|pg_ctlcluster|psql)/.test(line))).toEqual([
      "apt-get update",
      "apt-get install -y --no-install-recommends postgresql",
      "pg_ctlcluster --skip-systemctl-redirect 15 main start",
      "psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc SELECT 1 FROM pg_database WHERE datname = 'test'",
      "psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc CREATE DATABASE test",
    ]);
    expect(readFileSync(join(state, "pg_hba.conf"), "utf8").split("\n")[0]).toBe("host all all 127.0.0.1/32 trust");
  });

  it("reloads the configuration where the package started the cluster itself", () => {
    writeFileSync(join(state, "postinst-starts"), "");
    const { status, log } = run();
    expect(status).toBe(0);
    expect(log.filter((line) => line.startsWith("pg_ctlcluster"))).toEqual(["pg_ctlcluster --skip-systemctl-redirect 15 main reload"]);
    expect(readFileSync(join(state, "pg_hba.conf"), "utf8").split("\n")[0]).toBe("host all all 127.0.0.1/32 trust");
  });

  it("starts a stopped cluster without installing anything or changing its authentication", () => {
    installPostgresqlStandIns(bin);
    writeFileSync(join(state, "db-test"), "");
    const { status, log } = run();
    expect(status).toBe(0);
    expect(log.filter((line) => /^(apt-get|pg_ctlcluster)/.test(line))).toEqual(["pg_ctlcluster --skip-systemctl-redirect 15 main start"]);
    expect(readFileSync(join(state, "pg_hba.conf"), "utf8")).not.toContain("trust");
  });

  it("fails, saying so, when the server does not come up", () => {
    installPostgresqlStandIns(bin);
    writeFileSync(join(state, "never-up"), "");
    const { status, output } = run();
    expect(status).toBe(1);
    expect(output).toContain("no server answers on 127.0.0.1:5432 after starting cluster 15/main");
  });
});
