import type { SandboxModel } from "../src/sandbox/index.js";

type Association = "COLLABORATOR" | "CONTRIBUTOR" | "NONE";

/** The size of a large repository's history, and how many of its threads run past one page of comments. */
export interface LargeRepositorySize {
  stars: number;
  issues: number;
  pulls: number;
  /** Issues and pull requests with more than 100 comments (kubernetes/kubernetes has a few hundred). */
  longThreads: number;
}

/** What was seeded, for checking that the backfill stored each fact once. */
export interface SeededHistory {
  stars: number;
  issues: number;
  pulls: number;
  comments: number;
  reviews: number;
  merged: number;
}

const BASE = Date.parse("2016-01-01T00:00:00Z");
const at = (seconds: number) => new Date(BASE + seconds * 1000).toISOString();
/** A long thread's length: past one page of 100 comments, some past two. */
const longThreadComments = (k: number) => 120 + ((k * 37) % 140);

/**
 * Seeds a repository shaped like kubernetes/kubernetes straight into the sandbox model: stargazers
 * (every tenth with a public company), issues by many people with one to three comments, a
 * maintainer closing two in three, and pull requests (most merged, some closed unmerged, a few by
 * bots) with a comment or two and reviews on many. `longThreads` threads, spread evenly and a third
 * of them pull requests, run past 100 comments. Times rise with the number, as on GitHub.
 */
export function seedLargeRepository(model: SandboxModel, repo: string, size: LargeRepositorySize): SeededHistory {
  model.addCollaborator(repo, "maint");
  // Appended in time order, where addStargazer would put them: its check for an existing star
  // scans them all, which makes 110,000 stars take minutes.
  const stars = model.repoState(repo).stars;
  for (let i = 0; i < size.stars; i++) {
    const login = `fan-${i}`;
    if (i % 10 === 0) model.addUser({ login, company: i % 20 === 0 ? "@acme-corp" : "Globex, Inc." });
    else model.ensureUser(login);
    stars.push({ user: login, starred_at: at(i * 2_000) });
  }
  const seeded: SeededHistory = { stars: size.stars, issues: size.issues, pulls: size.pulls, comments: 0, reviews: 0, merged: 0 };
  const threads = size.issues + size.pulls;
  // Every how-many-th thread is long; pull requests are spread evenly among the issues.
  const isPullAt = (t: number) => Math.floor(((t + 1) * size.pulls) / threads) > Math.floor((t * size.pulls) / threads);
  const longEvery = size.longThreads > 0 ? Math.floor(threads / size.longThreads) : Infinity;
  let long = 0;
  let wantLong: "issue" | "pull" | null = null;
  // Given with each record, as the model would find it: it otherwise scans every thread for the
  // author's merged pull request, per record.
  const contributors = new Set<string>();
  const association = (login: string): Association => (login === "maint" ? "COLLABORATOR" : contributors.has(login) ? "CONTRIBUTOR" : "NONE");
  for (let t = 0; t < threads; t++) {
    const isPull = isPullAt(t);
    const opened = t * 3_000;
    const user = isPull && t % 97 === 0 ? "dependabot[bot]" : `user-${(t * 7919) % 30_000}`;
    // Each stretch of longEvery threads has one long thread: a pull request for every third.
    if (long < size.longThreads && t % longEvery === Math.floor(longEvery / 2)) wantLong = long % 3 === 2 ? "pull" : "issue";
    const isLong = wantLong === (isPull ? "pull" : "issue");
    if (isLong) wantLong = null;
    const comments = isLong ? longThreadComments(long++) : 1 + (t % 3);
    const author = { user, authorAssociation: association(user) };
    const number = isPull ? seedPull(model, repo, t, author, opened, seeded) : seedIssue(model, repo, t, author, opened);
    if (isPull && model.getIssue(repo, number)?.pull?.merged) contributors.add(user);
    for (let c = 0; c < comments; c++) {
      const by = c % 2 === 0 ? "maint" : user;
      model.addComment(repo, number, { user: by, authorAssociation: association(by), body: `reply ${c}`, createdAt: at(opened + 60 + c * 30) });
    }
    seeded.comments += comments;
  }
  return seeded;
}

interface Author {
  user: string;
  authorAssociation: Association;
}

function seedIssue(model: SandboxModel, repo: string, t: number, author: Author, opened: number): number {
  const closed = t % 3 !== 1;
  return model.addIssue(repo, {
    ...author,
    createdAt: at(opened),
    ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: at(opened + 86_400) } : {}),
  }).number;
}

function seedPull(model: SandboxModel, repo: string, t: number, author: Author, opened: number, seeded: SeededHistory): number {
  const merged = t % 10 < 7;
  const closed = !merged && t % 10 === 8;
  const pull = model.addPullRequest(repo, {
    ...author,
    createdAt: at(opened),
    ...(merged ? { merged: true, mergedBy: "maint", mergedAt: at(opened + 7_200) } : {}),
    ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: at(opened + 3_600) } : {}),
  });
  if (merged) seeded.merged++;
  const reviews = t % 4 === 0 ? 2 : t % 4 === 1 ? 1 : 0;
  for (let r = 0; r < reviews; r++) {
    const user = r === 0 ? "maint" : "reviewer";
    const authorAssociation = r === 0 ? "COLLABORATOR" : "NONE";
    model.addReview(repo, pull.number, { user, authorAssociation, state: r === 0 ? "APPROVED" : "COMMENTED", submittedAt: at(opened + 600 + r) });
  }
  seeded.reviews += reviews;
  return pull.number;
}
