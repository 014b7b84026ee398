import { isoSeconds, toIso } from "./ids.js";
import type { SandboxModel } from "./model.js";
import type { TimeInput } from "./types.js";

/** Input of `seedHistory`: how much past a repository gets. Every count defaults to 0. */
export interface HistoryOptions {
  /** "owner/name"; created (owned by a user) when unknown. */
  repo: string;
  stars?: number;
  issues?: number;
  pulls?: number;
  /** Comments on each issue, alternating maintainer and author (maintainer first). Default 2. */
  commentsPerIssue?: number;
  /** The history spans [from, to]. Default: the year before `to`. */
  from?: TimeInput;
  /** Default: one day before the model clock, so everything is strictly in the past. */
  to?: TimeInput;
  /** Answers, closes, reviews and merges; made a collaborator. Default "maint". */
  maintainer?: string;
  /** Distinct issue authors (`<prefix>reporter-N`). Default 40. */
  reporters?: number;
  /** Distinct pull request authors (`<prefix>contributor-N`). Default 25. */
  contributors?: number;
  /** Put before every generated login, so two histories do not share people. Default "". */
  prefix?: string;
}

/** What `seedHistory` created. */
export interface HistorySummary {
  repo: string;
  from: string;
  to: string;
  stars: number;
  issues: number;
  pulls: number;
  comments: number;
  reviews: number;
  merged: number;
  /** Distinct non-bot authors of merged pull requests. */
  contributors: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Gives a repository a plausible past straight in the model (no webhooks, as history predates the
 * app): stargazers (every tenth with a company), issues answered by the maintainer (every third
 * closed), pull requests (half merged, every fifth-but-one closed unmerged, every third approved,
 * every tenth by a bot). Items are spread evenly over [from, to]; nothing lands after `to`.
 * Deterministic, so a test can count on the numbers. Meant for "first install on a repository with
 * history": the backfill has something to read.
 */
export function seedHistory(model: SandboxModel, options: HistoryOptions): HistorySummary {
  const to = Date.parse(toIso(options.to ?? new Date(model.now().getTime() - DAY), model.now));
  const from = Date.parse(toIso(options.from ?? new Date(to - 365 * DAY), model.now));
  if (!(from < to)) throw new Error(`sandbox: seedHistory needs from before to`);
  const { repo, prefix = "", maintainer = "maint" } = options;
  if (!model.getRepository(repo)) model.addRepository({ fullName: repo, createdAt: new Date(from - DAY) });
  model.addCollaborator(repo, maintainer);
  const at = (ms: number) => isoSeconds(new Date(Math.min(ms, to)));
  const spread = (i: number, n: number) => from + Math.floor(((i + 0.5) * (to - from)) / n);
  const summary: HistorySummary = {
    repo,
    from: at(from),
    to: at(to),
    stars: 0,
    issues: 0,
    pulls: 0,
    comments: 0,
    reviews: 0,
    merged: 0,
    contributors: 0,
  };

  const stars = options.stars ?? 0;
  for (let i = 0; i < stars; i++) {
    const login = `${prefix}stargazer-${i + 1}`;
    if (i % 10 === 0) model.addUser({ login, company: i % 20 === 0 ? "@acme-corp" : "Globex, Inc." });
    model.addStargazer(repo, login, at(spread(i, stars)));
    summary.stars++;
  }

  const issues = options.issues ?? 0;
  const perIssue = options.commentsPerIssue ?? 2;
  for (let i = 0; i < issues; i++) {
    const created = spread(i, issues);
    const closed = i % 3 === 0;
    const issue = model.addIssue(repo, {
      user: `${prefix}reporter-${(i % (options.reporters ?? 40)) + 1}`,
      title: `Question ${i + 1} about the setup`,
      createdAt: at(created),
      ...(closed ? { state: "closed" as const, closedBy: maintainer, closedAt: at(created + 2 * DAY) } : {}),
    });
    for (let c = 0; c < perIssue; c++) {
      const user = c % 2 === 0 ? maintainer : issue.user;
      model.addComment(repo, issue.number, {
        user,
        body: c % 2 === 0 ? "Thanks, here is how." : "That helped.",
        createdAt: at(created + (c + 1) * HOUR),
      });
      summary.comments++;
    }
    summary.issues++;
  }

  const pulls = options.pulls ?? 0;
  const mergedAuthors = new Set<string>();
  for (let i = 0; i < pulls; i++) {
    const created = spread(i, pulls);
    const user = i % 10 === 9 ? "dependabot[bot]" : `${prefix}contributor-${(i % (options.contributors ?? 25)) + 1}`;
    const merged = i % 2 === 0;
    const closed = !merged && i % 5 === 1;
    const pull = model.addPullRequest(repo, {
      user,
      title: `Improve part ${i + 1}`,
      createdAt: at(created),
      ...(merged ? { merged: true, mergedBy: maintainer, mergedAt: at(created + DAY) } : {}),
      ...(closed ? { state: "closed" as const, closedBy: maintainer, closedAt: at(created + DAY) } : {}),
    });
    if (i % 3 === 0) {
      model.addReview(repo, pull.number, { user: maintainer, state: "APPROVED", submittedAt: at(created + 6 * HOUR) });
      summary.reviews++;
    }
    if (merged) {
      summary.merged++;
      if (!user.endsWith("[bot]")) mergedAuthors.add(user);
    }
    summary.pulls++;
  }
  summary.contributors = mergedAuthors.size;
  return summary;
}
