import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stewardConfigSchema } from "../src/config/schema.js";
import { collectConversionFigures } from "../src/conversion/collect-conversion-figures.js";
import type { SqliteStore } from "../src/store/db.js";
import { registerInstallation } from "../src/store/installations.js";
import { applyMigrations } from "../src/store/migrate.js";
import { openStore } from "../src/store/open-store.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { watchEventLoop } from "./event-loop-steps.js";
import { StoreRowWriter } from "./store-rows.js";

const REPO = { id: 1, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const WEEK_START = Date.parse("2026-03-02T00:00:00Z");
const PERIOD = { start: new Date(WEEK_START), end: new Date(WEEK_START + 7 * DAY) };
const HISTORY_DAYS = 3 * 365;
/** The week's activity, the same at every history size: new facts from old and new people. */
const WEEK_EVENTS = 2_000;
const NEWCOMERS = 50;
const ROUNDS = 5;
const COMPANIES = ["Acme, Inc.", "Initech", "Globex", "Hooli", "Umbrella", "Soylent", "Stark Industries", "Wayne Enterprises"];
/** The ledger's mix, roughly: mostly stars, then comments, openings, labels, forks, unstars. */
const KINDS = [
  ...Array<string>(40).fill("star.created"),
  ...Array<string>(20).fill("issue_comment.created"),
  ...Array<string>(10).fill("issues.opened"),
  ...Array<string>(5).fill("pull_request.opened"),
  ...Array<string>(10).fill("issues.labeled"),
  ...Array<string>(5).fill("pull_request_review.submitted"),
  ...Array<string>(5).fill("fork.created"),
  ...Array<string>(5).fill("star.deleted"),
];

interface Scale {
  events: number;
  users: number;
}

interface Measured {
  /** The first collection on the store, which folds the whole history into the projection once. */
  firstMs: number;
  /** The longest synchronous step of that first collection: the longest the event loop waited. */
  firstStepMs: number;
  /** Median time of a collection after adding the week's activity. */
  weekMs: number;
  /** Median time of a second collection right after, with nothing new to fold: the counts alone. */
  countsMs: number;
  /** Median number of distinct people among a round's facts: the member rows the fold rewrites. */
  weekPeople: number;
}

/**
 * The conversion collector against history: a store of `small` events and one of `large` events
 * (people in proportion, as a real repository with a longer history has more of them), both given
 * the same week's activity before each timed collection. The first collection on each store folds
 * the whole history into `community_members` once: judged by its time on the large store and by the
 * longest it kept the event loop (and so webhooks) waiting.
 */
export const conversionScaling: Benchmark = {
  name: "conversion-scaling",
  title: "3b. Conversion figures against history (the digest's funnel collector)",
  async run({ quick, progress }) {
    const small: Scale = { events: 10_000, users: 1_000 };
    const large: Scale = quick ? { events: 100_000, users: 10_000 } : { events: 1_000_000, users: 100_000 };
    progress(`${small.events} events, ${small.users} people`);
    const base = await measure(small);
    progress(`${large.events} events, ${large.users} people`);
    const big = await measure(large);
    const label = `${small.events.toLocaleString("en-US")} events`;
    const rows: BenchRow[] = [
      {
        figure: `collection after the week's activity, ${large.events.toLocaleString("en-US")} events`,
        unit: "ms",
        value: big.weekMs,
        reference: { label, value: base.weekMs },
        target: { on: "ratio", max: 1.5 },
      },
      {
        figure: "collection with nothing new to fold (the counts alone)",
        unit: "ms",
        value: big.countsMs,
        reference: { label, value: base.countsMs },
        target: { on: "ratio", max: 2 },
      },
      {
        figure: "people among the week's facts (member rows the fold rewrites)",
        unit: "people",
        value: big.weekPeople,
        reference: { label, value: base.weekPeople },
      },
      {
        figure: `first collection, ${large.events.toLocaleString("en-US")} events (folds the history once)`,
        unit: "s",
        value: Number((big.firstMs / 1000).toFixed(2)),
        reference: { label, value: Number((base.firstMs / 1000).toFixed(3)) },
        target: { on: "value", max: 10 },
      },
      {
        figure: "longest synchronous step of the event loop during that first collection",
        unit: "ms",
        value: Number(big.firstStepMs.toFixed(1)),
        reference: { label, value: Number(base.firstStepMs.toFixed(1)) },
        ratio: false,
        target: { on: "value", max: 50 },
      },
    ];
    return rows;
  },
};

async function measure(scale: Scale): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "steward-bench-conversion-"));
  // Opened as the server opens its store (DATABASE_URL), so the fold runs with the same settings.
  const store = openStore({ engine: "sqlite", path: join(dir, "steward.db") }, { checkpointInBackground: true }) as SqliteStore;
  try {
    await applyMigrations(store.db);
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], PERIOD.start);
    const writer = new StoreRowWriter(store.db, REPO.id);
    const next = seededRandom(42);
    writer.transaction(() => {
      for (let u = 0; u < scale.users; u++) if (u % 3 === 0) writer.profile(`user${u}`, COMPANIES[u % COMPANIES.length]!, WEEK_START);
      for (let i = 0; i < scale.events; i++) {
        const at = WEEK_START - HISTORY_DAYS * DAY + Math.floor((i / scale.events) * HISTORY_DAYS * DAY);
        writer.event({
          naturalKey: `h${i}`,
          kind: KINDS[next(KINDS.length)]!,
          actorLogin: `user${next(scale.users)}`,
          association: "NONE",
          occurredAt: at,
        });
      }
    });
    const config = stewardConfigSchema.parse({});
    const collect = () => collectConversionFigures(store.db, REPO, PERIOD, PERIOD.end, config);
    // A webhook arriving during the fold waits as long as the longest step it runs without yielding.
    const watch = watchEventLoop();
    const firstStarted = performance.now();
    const first = await collect();
    const firstMs = performance.now() - firstStarted;
    const firstStepMs = watch.stop();
    // Most people starred at least once in this history: a funnel without them measured nothing.
    const stargazers = first.funnel[0]!.count;
    if (stargazers < scale.users / 4)
      throw new Error(`conversion-scaling: ${stargazers} stargazers among ${scale.users} people; the store was not read`);
    const times: number[] = [];
    const countTimes: number[] = [];
    const people: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const logins = new Set<string>();
      writer.transaction(() => {
        for (let i = 0; i < WEEK_EVENTS; i++) {
          // Mostly people already known, and some newcomers of the week.
          const login = i % 20 === 0 ? `new${round}-${next(NEWCOMERS)}` : `user${next(scale.users)}`;
          logins.add(login);
          const at = WEEK_START + Math.floor((i / WEEK_EVENTS) * 7 * DAY);
          writer.event({ naturalKey: `w${round}-${i}`, kind: KINDS[next(KINDS.length)]!, actorLogin: login, association: "NONE", occurredAt: at });
        }
      });
      const started = performance.now();
      await collect();
      times.push(performance.now() - started);
      const again = performance.now();
      await collect();
      countTimes.push(performance.now() - again);
      people.push(logins.size);
    }
    return { firstMs, firstStepMs, weekMs: median(times), countsMs: median(countTimes), weekPeople: median(people) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Integers in [0, n), the same sequence on every run (mulberry32), so stores are identical across runs. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}
