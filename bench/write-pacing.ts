import { createActivity, createWebhookSender, type Acted, type IssueRecord, type Sandbox } from "../src/sandbox/index.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { BENCH_APP_ID, BENCH_SECRET, createBenchWorld, WEBHOOK_PATH } from "./bench-servers.js";
import { createsContent } from "./content-requests.js";
import { compiledCommandLine } from "./server-process.js";
import { maxInWindow } from "./sliding-window.js";

const MINUTE = 60_000;
const REPO = "acme/widget";
/** GitHub's secondary limit on content creation, enforced by the sandbox as GitHub would. */
const GITHUB_LIMIT = { perMinute: 80, perHour: 500 };
/** Full: more welcomes due than the pace allows in a minute, so the pacer must hold some back. */
const FULL = { issues: 30, pace: 20 };
/** Quick: seconds, for CI; the pace is above the count, so this checks the path, not the spacing. */
const QUICK = { issues: 10, pace: 80 };

/**
 * Write pacing of the production server: Steward as the image runs it (`node dist/src/main.js`,
 * configured by env alone: WRITE_PACE_PER_MINUTE, jobs off) against the sandbox GitHub, which
 * enforces GitHub's secondary limit. N first-time contributors open an issue at the same moment,
 * so N welcome comments fall due at once; the benchmark waits for them and reads the arrival time
 * of every content-creating request the sandbox recorded. It reports the busiest sliding 60 s
 * against the configured pace, whatever that turns out to be.
 */
export const writePacing: Benchmark = {
  name: "write-pacing",
  title: "5. Write pacing (the production server, node dist/src/main.js, real time)",
  servers: true,
  async run({ quick, profileDir, progress }) {
    const { issues, pace } = quick ? QUICK : FULL;
    const world = await createBenchWorld(profileDir, { contentCreationLimit: GITHUB_LIMIT });
    try {
      const steward = await world.startSteward({ WRITE_PACE_PER_MINUTE: String(pace) });
      let opened: Acted<IssueRecord>[];
      const started = Date.now();
      try {
        progress(`Steward runs as: WRITE_PACE_PER_MINUTE=${pace} node ${await compiledCommandLine(steward)}`);
        const sender = createWebhookSender({ url: `${steward.url}${WEBHOOK_PATH}`, secret: BENCH_SECRET, appId: BENCH_APP_ID });
        const activity = createActivity(world.sandbox, sender);
        world.sandbox.resetRequests();
        progress(`${issues} first-time contributors open an issue at once: ${issues} welcomes due`);
        if (issues <= pace)
          progress(`${issues} is within one minute's pace: this checks the production path end to end, not the spacing (the full run does)`);
        opened = await Promise.all(
          Array.from({ length: issues }, (_, i) => activity.openIssue(REPO, { user: `newcomer-${i + 1}`, title: `First question ${i + 1}` })),
        );
        const undelivered = opened.filter((o) => o.delivery.status === 0 || o.delivery.status >= 300);
        if (undelivered.length > 0)
          throw new Error(`${undelivered.length} deliveries were not accepted: ${undelivered.map((o) => o.delivery.status).join(", ")}`);
        const numbers = opened.map((o) => o.record.number);
        // Every slot the pace allows, plus a minute for the server's own work on a busy machine.
        const deadline = started + (Math.floor((issues - 1) / pace) + 2) * MINUTE;
        await waitForWelcomes(world.sandbox, numbers, deadline);
        progress(`${issues} welcomes posted ${((Date.now() - started) / 1000).toFixed(1)} s after the issues were opened`);
      } finally {
        await steward.stop();
      }
      // Counted again after the stop, which waits for work under way: a late duplicate shows here.
      const welcomed = welcomeCounts(
        world.sandbox,
        opened.map((o) => o.record.number),
      );
      const twice = [...welcomed.values()].filter((n) => n > 1).length;
      if (twice > 0) throw new Error(`${twice} issues got more than one welcome`);

      const creating = world.sandbox.requests.filter(createsContent);
      const accepted = creating.filter((r) => r.status < 300).map((r) => r.at.getTime());
      const refused = creating.filter((r) => r.status === 403 || r.status === 429).length;
      const span = accepted.length > 1 ? (Math.max(...accepted) - Math.min(...accepted)) / 1000 : 0;
      const leastSpan = (Math.floor((accepted.length - 1) / pace) * MINUTE) / 1000;
      const late = opened.filter((o) => o.delivery.status === 202).length;
      const rows: BenchRow[] = [
        { figure: "configured pace (WRITE_PACE_PER_MINUTE)", unit: "req/min", value: pace },
        {
          figure: "most content-creating POSTs in any 60 s",
          unit: "req",
          value: maxInWindow(accepted, MINUTE),
          reference: { label: "configured pace", value: pace },
          target: { on: "ratio", max: 1 },
        },
        { figure: "content-creating POSTs in all", unit: "req", value: accepted.length, reference: { label: "welcomes due", value: issues } },
        {
          figure: "issues welcomed exactly once",
          unit: "issues",
          value: [...welcomed.values()].filter((n) => n === 1).length,
          reference: { label: "first issues opened", value: issues },
          target: { on: "ratio", min: 1, max: 1 },
        },
        { figure: "refused by GitHub's secondary limit (80/min)", unit: "req", value: refused, target: { on: "value", max: 0 } },
        { figure: "first to last content-creating POST", unit: "s", value: span, reference: { label: "least the pace allows", value: leastSpan } },
        {
          figure: "deliveries answered 202 (still waiting after 9 s)",
          unit: "deliveries",
          value: late,
          reference: { label: "deliveries", value: issues },
        },
      ];
      const gap = shortestGap(accepted, pace);
      if (gap !== null) {
        // Below 60 s, pace + 1 requests reached GitHub within one minute: what the window count above shows.
        rows.splice(2, 0, {
          figure: `shortest time from a POST to the ${pace}th after it`,
          unit: "ms",
          value: gap,
          reference: { label: "one minute", value: MINUTE },
        });
      }
      return rows;
    } finally {
      await world.close();
    }
  },
};

/**
 * The least time between a request and the `count`-th one after it, by arrival: the time within
 * which `count` + 1 requests arrived. Null when there are not that many.
 */
function shortestGap(times: number[], count: number): number | null {
  const sorted = [...times].sort((a, b) => a - b);
  let least: number | null = null;
  for (let k = 0; k + count < sorted.length; k++) {
    const gap = sorted[k + count]! - sorted[k]!;
    if (least === null || gap < least) least = gap;
  }
  return least;
}

/** Steward's comments on each issue (by number), as the sandbox holds them. */
function welcomeCounts(sandbox: Sandbox, numbers: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const number of numbers) {
    counts.set(number, sandbox.model.listComments(REPO, number).filter((c) => c.user === sandbox.app.botLogin).length);
  }
  return counts;
}

/** Polls until every issue has Steward's comment; throws at the deadline (nothing to measure then). */
async function waitForWelcomes(sandbox: Sandbox, numbers: number[], deadline: number): Promise<void> {
  for (;;) {
    const missing = [...welcomeCounts(sandbox, numbers).values()].filter((n) => n === 0).length;
    if (missing === 0) return;
    if (Date.now() > deadline) throw new Error(`${missing} of ${numbers.length} welcomes were not posted in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
