import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresTestDatabase, describeOnPostgres, type PostgresTestDatabase } from "../helpers/postgres-test-database.js";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { type RoundRobinBalancer, startRoundRobinBalancer } from "../helpers/round-robin-balancer.js";
import { eventually, type StewardProcess } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const H = 3_600_000;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** Every scheduler ticks every job every 3 seconds, on every replica. */
const REPLICA_ENV = { STEWARD_SCHEDULES: "*=*/3 * * * * *", DATABASE_POOL_SIZE: "4", LOG_LEVEL: "warn" };
const MARKER = /<!-- steward:([A-Za-z0-9._/%-]+):([A-Za-z0-9._/%-]*) -->/g;

/**
 * Three Steward processes (the image's entry point) on one PostgreSQL database behind a
 * round-robin balancer that also sends every fifth delivery to a second replica at the same
 * moment; every scheduler runs every job every few seconds; one replica is SIGKILLed mid-run and
 * started again. Whatever reached whom, each welcome, reminder and digest happens once, and each
 * delivery is in the ledger once.
 */
describeOnPostgres("three replicas on one PostgreSQL database", () => {
  let world: ProductionWorld;
  let database: PostgresTestDatabase;
  let balancer: RoundRobinBalancer;
  let client: pg.Client;
  const replicas: StewardProcess[] = [];

  const start = () => world.startSteward("node dist/src/main.js", { ...REPLICA_ENV, DATABASE_URL: database.url });
  const aim = async () => {
    balancer.setTargets(replicas.filter((replica) => replica.alive()).map((replica) => replica.url));
    // startSteward points the sandbox at the replica it started: point it back at the balancer.
    await world.github.sandbox.setWebhookTarget({ url: `${balancer.url}/api/github/webhooks` });
  };
  const rows = async <T>(text: string) => (await client.query(text)).rows as T[];

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    world = await startProductionWorld();
    balancer = await startRoundRobinBalancer({ copyEvery: 5 });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const today = WEEKDAYS[new Date().getUTCDay()]!;
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    // The digest is due from midnight today (UTC), so the schedulers publish this week's during the test.
    await world.github.model.setFile(REPO, ".github/steward.yml", `digest:\n  day: ${today}\n  time: "00:00"\n`);
    // Started together, the three migrate the empty database at once: the migration lock lets one do it.
    replicas.push(...(await Promise.all([start(), start(), start()])));
    await aim();
  }, 180_000);
  afterAll(async () => {
    await client?.end();
    await world?.close();
    await balancer?.close();
    await database?.drop();
  });

  it("welcomes, reminds and digests exactly once, and records each delivery once", async () => {
    const activity = world.github.activity;
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    const past = (hours: number) => new Date(Date.now() - hours * H).toISOString();
    const newcomers = Array.from({ length: 8 }, (_, i) => `newcomer-${i}`);
    const overdue: number[] = [];
    for (const [i, user] of newcomers.slice(0, 4).entries()) {
      // Opened 30 hours ago and never answered: past the 24-hour goal.
      overdue.push((await activity.openIssue(REPO, { user, title: `Crash ${i}`, at: past(30) })).record.number);
      await activity.star(REPO, `stargazer-${i}`);
    }

    // Mid-run, one replica dies without warning; the other two carry on.
    await replicas[1]!.kill();
    await aim();
    const pulls: number[] = [];
    for (const [i, user] of newcomers.slice(4).entries()) {
      pulls.push((await activity.openPullRequest(REPO, { user, title: `Fix ${i}` })).record.number);
      await activity.comment(REPO, overdue[i % overdue.length]!, { user: `bystander-${i}`, body: "Same here" });
    }
    replicas[1] = await start();
    await aim();
    for (const number of pulls) await activity.mergePullRequest(REPO, number, { by: "maintainer" });

    const stewardBodies = async () => {
      const comments = (await world.github.model.listRepoComments(REPO)).filter((comment) => comment.user === "steward[bot]");
      const issues = (await world.github.model.listIssues(REPO)).filter((issue) => issue.user === "steward[bot]");
      return [...comments.map((c) => ({ on: c.issue_number, body: c.body })), ...issues.map((i) => ({ on: i.number, body: i.body ?? "" }))];
    };
    const markers = async () => (await stewardBodies()).flatMap(({ on, body }) => [...body.matchAll(MARKER)].map((m) => `#${on} ${m[1]}:${m[2]}`));
    const kinds = (all: string[]) => new Set(all.map((marker) => marker.split(" ")[1]!.split(":")[0]!));

    await eventually(
      "welcomes, reminders and the digest",
      async () => {
        const found = kinds(await markers());
        return ["welcome.first-issue", "welcome.first-pr", "welcome.first-merge", "response.breached", "digest"].every((kind) =>
          [...found].some((k) => k.startsWith(kind)),
        );
      },
      120_000,
    );
    // Several more ticks of every scheduler, on every replica, for any double to show.
    await new Promise((resolve) => setTimeout(resolve, 10_000));

    const all = await markers();
    const counts = new Map<string, number>();
    for (const marker of all) counts.set(marker, (counts.get(marker) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    const on = (number: number, kind: string) => all.filter((marker) => marker.startsWith(`#${number} ${kind}:`));
    for (const number of overdue) {
      expect(on(number, "welcome.first-issue")).toHaveLength(1);
      expect(on(number, "response.breached")).toHaveLength(1);
    }
    for (const number of pulls) {
      expect(on(number, "welcome.first-pr")).toHaveLength(1);
      expect(on(number, "welcome.first-merge")).toHaveLength(1);
    }
    expect(all.filter((m) => / digest:/.test(m))).toHaveLength(1);

    // Every delivery the sandbox saw answered 2xx is in the ledger, once; a fifth went to two replicas.
    const sent = (await world.github.sandbox.deliveries()).filter((d) => d.status >= 200 && d.status < 300);
    const answered = new Set(sent.map((d) => d.id));
    const ledger = await rows<{ id: string }>("SELECT id FROM deliveries");
    expect(ledger.length).toBe(new Set(ledger.map((row) => row.id)).size);
    expect(new Set(ledger.map((row) => row.id))).toEqual(answered);
    expect(balancer.routed.filter((r) => r.copy !== null).length).toBeGreaterThanOrEqual(Math.floor(answered.size / 5) - 1);
    // The replica killed mid-run came back and serves.
    expect(replicas.every((replica) => replica.alive())).toBe(true);
  });
});
