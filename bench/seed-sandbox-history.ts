import type { SandboxModel } from "../src/sandbox/index.js";

/** How big a repository's history is. */
export interface HistorySize {
  stars: number;
  issues: number;
  pulls: number;
}

const BASE = Date.parse("2023-01-01T00:00:00Z");
const minutes = (n: number) => new Date(BASE + n * 60_000).toISOString();

/**
 * Seeds a sandbox repository's history straight into the model (no HTTP): stargazers (every tenth
 * with a profile and a company), issues by many users answered by a maintainer (every third
 * closed; every fiftieth a long discussion of 60 comments), pull requests (half merged, some
 * closed unmerged, every third reviewed, a few by a bot). Returns how many comments and reviews it
 * made, for the per-issue REST estimate.
 */
export function seedSandboxHistory(model: SandboxModel, repo: string, size: HistorySize): { longThreads: number } {
  model.addCollaborator(repo, "maint");
  for (let i = 0; i < size.stars; i++) {
    const login = `fan-${i}`;
    if (i % 10 === 0) model.addUser({ login, company: i % 20 === 0 ? "@acme-corp" : "Globex, Inc." });
    model.addStargazer(repo, login, minutes(i * 7));
  }
  let longThreads = 0;
  for (let i = 0; i < size.issues; i++) {
    const closed = i % 3 === 0;
    const at = i * 90;
    const issue = model.addIssue(repo, {
      user: `user-${i % 2_000}`,
      createdAt: minutes(at),
      ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: minutes(at + 600) } : {}),
    });
    const long = i % 50 === 0;
    if (long) longThreads++;
    const comments = long ? 60 : 1 + (i % 3);
    for (let c = 0; c < comments; c++) {
      model.addComment(repo, issue.number, { user: c % 2 === 0 ? "maint" : issue.user, body: `reply ${c}`, createdAt: minutes(at + 1 + c) });
    }
  }
  for (let i = 0; i < size.pulls; i++) {
    const merged = i % 2 === 0;
    const closed = !merged && i % 5 === 1;
    const user = i % 50 === 7 ? "dependabot[bot]" : `dev-${i % 400}`;
    const at = size.issues * 90 + i * 120;
    const pull = model.addPullRequest(repo, {
      user,
      createdAt: minutes(at),
      ...(merged ? { merged: true, mergedBy: "maint", mergedAt: minutes(at + 300) } : {}),
      ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: minutes(at + 200) } : {}),
    });
    if (i % 3 === 0) model.addReview(repo, pull.number, { user: "maint", state: "APPROVED", submittedAt: minutes(at + 30) });
    if (i % 4 === 0) model.addComment(repo, pull.number, { user: "maint", body: "thanks", createdAt: minutes(at + 10) });
  }
  return { longThreads };
}
