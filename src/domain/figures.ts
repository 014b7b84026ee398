/**
 * What each feature contributes to `steward report` and to the weekly digest. Every feature has
 * one collector `(db, repository, period, now, config) => Promise<...Figures>` that reads the store
 * only; the report and the digest render these figures and never query feature tables themselves.
 *
 * Durations are milliseconds; times are `Date`s (the JSON report turns them into ISO strings).
 * The features fill these and report/ and digest/ read them, so they sit below both.
 */

/** A half-open time range `[start, end)`, e.g. one ISO week. */
export interface Period {
  start: Date;
  end: Date;
}

/** Response clock figures (the SLA issue): how fast community items got their first response. */
export interface ResponseFigures {
  goalHours: number;
  businessHours: boolean;
  /** Community items opened in the period that are on the clock. */
  itemsOpened: number;
  /** Of those: answered within the goal. */
  withinGoal: number;
  /** Of those: answered late, or still waiting past the goal (counted as misses, never dropped). */
  missed: number;
  /** Of those: waiting, but still within the goal. */
  pending: number;
  /** withinGoal / (withinGoal + missed); null when no item has been decided yet. */
  shareWithinGoal: number | null;
  /** Over first responses that happened in the period. */
  medianMs: number | null;
  p90Ms: number | null;
  /**
   * Each kind's goal (`response.issues.goalHours`, `response.pullRequests.goalHours`, else
   * `goalHours`); every item is judged against its own kind's.
   */
  goalHoursByKind: { issues: number; pullRequests: number };
  /** How long community items took to reach each step, over the steps taken in the period. */
  durations: DurationFigures;
  /** Open community items without a first response now, oldest first. */
  waiting: WaitingItem[];
  /** Who gave the first responses in the period, most first. */
  responders: Array<{ login: string; count: number }>;
  /**
   * Discussions on the clock whose accepted answer was chosen in the period: calendar time from
   * their opening to that choice.
   */
  timeToAnswer: DurationSummary;
}

/**
 * The duration figures of a period, each over the community items whose step falls in it (an item
 * opened earlier counts in the period it was answered, reviewed, merged or closed).
 */
export interface DurationFigures {
  /** First responses given in the period, in clock time (the goal's: no exempt, draft or paused time). */
  firstResponse: DurationSummary;
  /**
   * First reviews submitted in the period: a maintainer's (not the author's) first review of a pull
   * request, timed in calendar time from "ready for review" (from the opening unless opened as a draft).
   */
  firstReview: DurationSummary;
  /** Pull requests merged in the period, in calendar time from "ready for review" to the merge. */
  merge: DurationSummary;
  /** Issues and pull requests closed or merged in the period, in calendar time from the opening to the close. */
  close: DurationSummary;
}

/** One duration figure: median, nearest-rank 90th percentile and mean, over `items` durations; nulls when none. */
export interface DurationSummary {
  items: number;
  medianMs: number | null;
  p90Ms: number | null;
  averageMs: number | null;
}

export interface WaitingItem {
  number: number;
  isPull: boolean;
  /** A discussion on the response clock (never a pull request); absent for issues and pull requests. */
  isDiscussion?: boolean;
  title: string;
  author: string;
  /** Waiting time on the clock (working time where business hours apply). */
  waitedMs: number;
  overGoal: boolean;
}

/** Contributor figures (the welcome issue). */
export interface ContributorFigures {
  /** All contributors known at the end of the period. */
  total: number;
  /** False until the history backfill has numbered the contributors from before Steward. */
  historyKnown: boolean;
  /** Contributors whose first contribution falls in the period, in order. */
  newContributors: Array<{ login: string; number: number | null; firstContributedAt: Date; pullNumber: number | null }>;
  /** Earlier contributors who had another PR merged in the period. */
  returningContributors: number;
  /** Contributor milestones (10 / 50 / 100...) crossed in the period. */
  milestonesReached: Array<{ threshold: number; crossedAt: Date; login: string | null }>;
}

/** The four milestone metrics, named as in the config's `milestones` section. */
export type MilestoneMetric = "stars" | "contributors" | "activeMembers" | "mrr";

/** Community metrics (the metrics issue). */
export interface CommunityFigures {
  /** Values at the end of the period, and at its start for the change. */
  stars: Change;
  forks: Change;
  contributors: Change;
  /** Non-bot users active in the 30 days before the end (resp. start) of the period. */
  activeMembers: Change;
  openCommunityItems: Change;
  /** One point per day, oldest first, for the last 12 weeks before the end of the period. */
  series: Array<{ day: string; stars: number; activeMembers: number }>;
  milestones: MilestoneProgress[];
  readiness: ReadinessItem[];
  backfill: BackfillStatus;
}

export interface Change {
  now: number;
  before: number;
}

export interface MilestoneProgress {
  metric: MilestoneMetric;
  current: number;
  /** The last threshold crossed (0 when none). */
  previous: number;
  /** The next threshold, null when all configured ones are crossed. */
  next: number | null;
  /** When `next` is reached at the recent growth rate; null when not growing. */
  forecast: Date | null;
  crossed: Array<{ threshold: number; crossedAt: Date }>;
}

export interface ReadinessItem {
  /** Stable id, e.g. `license`, `readme`, `stars-1000`, `response-goal`. */
  id: string;
  label: string;
  state: "met" | "missing" | "risk" | "unknown";
  detail: string;
}

export interface BackfillStatus {
  state: "not-started" | "running" | "paused" | "done";
  /** Kinds still to do or paused, with where they stand and why they stopped. */
  kinds: Array<{ kind: string; status: string; done: number; total: number | null; lastError: string | null }>;
}

/**
 * One stage of the conversion funnel. The stages are counted apart, not nested (a lead need not be
 * a contributor, nor a participant have starred), so each rate is a ratio of two stages' sizes.
 */
export interface FunnelEntry {
  stage: FunnelStage;
  count: number;
  /** count / the row before's count; null for the first row or an empty one before. */
  rateFromPrevious: number | null;
  /** The stage `rate` is counted against, which the digest names; null for the first row. */
  base: FunnelStage | null;
  /** count / the base stage's count; null without a base or when it is empty. */
  rate: number | null;
}

/** Conversion figures (the conversion issue). */
export interface ConversionFigures {
  funnel: FunnelEntry[];
  /** customers / active members, against the playbook's 0.1-1%. */
  customersPerActiveMember: number | null;
  leadsNew: number;
  leadsTotal: number;
  customers: number;
  mrrUsd: number;
  topCompanies: Array<{ company: string; stargazers: number; participants: number; leads: number }>;
  /** Names of leads: only rendered where the repository is private or has opted in. */
  leads: Array<{ login: string; company: string | null; itemNumber: number | null; terms: string[]; lastSeenAt: Date }>;
}

export type FunnelStage = "stargazers" | "participants" | "contributors" | "leads" | "customers";

/** A feature's figures for a period and the period before, or why there are none. */
export type SectionFigures<T> = { status: "ok"; current: T; previous: T | null } | { status: "unavailable"; reason: string };

/**
 * Community health figures after the CHAOSS metrics (chaoss.community), each over a window that
 * ends at the period's end (or at `now`, if earlier): what a past digest made again shows the same.
 */
export interface HealthFigures {
  /** The 90 days the bus and elephant factors cover. */
  window: { start: Date; end: Date };
  /** CHAOSS "Contributor Absence Factor", over merged pull requests and over first responses. */
  busFactor: { merges: SmallestMajority; firstResponses: SmallestMajority };
  /** CHAOSS "Elephant Factor": the fewest companies behind at least half of the community activity. */
  elephantFactor: ElephantFactor;
  /** CHAOSS "New Contributors" followed up: how many of one week's newcomers are still active. */
  retention: RetentionFigures;
  /** CHAOSS "Issues Closed" / "Issues New" and "Change Requests Accepted" (closed / opened in the period). */
  closure: { issues: ClosureRatio; pullRequests: ClosureRatio };
  /** CHAOSS "Inactive Issues": open items with no fact at all for `idleDays`. */
  staleBacklog: StaleBacklog;
}

/** The fewest people (or companies) who together account for at least half of `total`. */
export interface SmallestMajority {
  /** How many they are; 0 when `total` is 0. */
  factor: number;
  total: number;
  /** Those people, most first, with their counts. */
  people: Array<{ login: string; count: number }>;
}

export interface ElephantFactor {
  /** Null when the companies known cover less than half of the activity (no set of them reaches half); 0 without activity. */
  factor: number | null;
  /** Activity counted in the window (bots left out), with or without a known company. */
  total: number;
  /** Of `total`, the share by people whose profile names a company; null when `total` is 0. */
  knownShare: number | null;
  /** The companies of the factor, most first (names are shown only where leads' companies may be). */
  companies: Array<{ company: string; count: number }>;
}

export interface RetentionFigures {
  /** The week the cohort first contributed in: the 12th week before the end. */
  cohortStart: Date;
  cohortEnd: Date;
  /** The cohort counts as retained when active in `[activeSince, end)`: the last 4 weeks. */
  activeSince: Date;
  cohort: number;
  retained: number;
  /** retained / cohort; null for an empty cohort. */
  share: number | null;
}

export interface ClosureRatio {
  opened: number;
  closed: number;
  /** closed / opened; null when none was opened. */
  ratio: number | null;
}

export interface StaleBacklog {
  idleDays: number;
  count: number;
  /** The longest idle first, a few of them. */
  oldest: Array<{ number: number; isPull: boolean; title: string; idleDays: number }>;
}
