import { ProbotOctokit, type Logger } from "probot";
import { pino } from "pino";
import { createRepoConfigLoader } from "../../src/runtime/repo-config-loader.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { Sandbox, SandboxModel } from "../../src/sandbox/index.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import type { DB } from "../../src/store/db.js";
import { registerInstallation } from "../../src/store/installations.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";

export interface HistorySize {
  stars: number;
  issues: number;
  pulls: number;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const BASE = Date.parse("2025-01-01T00:00:00Z");
const hours = (n: number) => new Date(BASE + n * 3_600_000).toISOString();

/**
 * Seeds a repository's history: stargazers (every tenth with a company), issues answered by a
 * maintainer (every third closed by one; #1 to #3 with 120 comments, more than one page), and pull
 * requests (half merged, every fifth closed unmerged, every third reviewed, some by a bot).
 */
export function seedHistory(model: SandboxModel, repo: string, size: HistorySize): void {
  model.addCollaborator(repo, "maint");
  for (let i = 0; i < size.stars; i++) {
    const login = `fan-${i}`;
    if (i % 10 === 0) model.addUser({ login, company: i % 20 === 0 ? "@acme-corp" : "Globex, Inc." });
    model.addStargazer(repo, login, hours(i));
  }
  for (let i = 0; i < size.issues; i++) {
    const closed = i % 3 === 0;
    const issue = model.addIssue(repo, {
      user: `user-${i % 300}`,
      createdAt: hours(2 * i),
      ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: hours(2 * i + 30) } : {}),
    });
    const comments = issue.number <= 3 ? 120 : 1 + (i % 2);
    for (let c = 0; c < comments; c++) {
      model.addComment(repo, issue.number, { user: c % 2 === 0 ? "maint" : issue.user, body: `reply ${c}`, createdAt: hours(2 * i + 1 + c / 60) });
    }
  }
  for (let i = 0; i < size.pulls; i++) {
    const merged = i % 2 === 0;
    const closed = !merged && i % 5 === 1;
    const user = i % 50 === 7 ? "dependabot[bot]" : `dev-${i % 200}`;
    const at = 2 * size.issues + 3 * i;
    const pull = model.addPullRequest(repo, {
      user,
      createdAt: hours(at),
      ...(merged ? { merged: true, mergedBy: "maint", mergedAt: hours(at + 20) } : {}),
      ...(closed ? { state: "closed" as const, closedBy: "maint", closedAt: hours(at + 10) } : {}),
    });
    if (i % 3 === 0) model.addReview(repo, pull.number, { user: "maint", state: "APPROVED", submittedAt: hours(at + 2) });
    if (i % 4 === 0) model.addComment(repo, pull.number, { user: "maint", body: "thanks", createdAt: hours(at + 1) });
  }
}

/**
 * What a job gets in production, but against the sandbox: an installation token's client without
 * Probot's pacing and retries (the backfill handles failures itself), a quiet log unless given.
 */
export function sandboxJobDeps(
  db: DB,
  sandbox: Sandbox,
  now: () => Date,
  options: { log?: Logger; onClient?: (client: GitHubClient) => void } = {},
): JobDeps {
  const log = options.log ?? (pino({ level: "silent" }) as unknown as Logger);
  const clients = new Map<number, Promise<GitHubClient>>();
  return {
    db,
    now,
    log,

    configs: createRepoConfigLoader({ db, log, now }),
    steward: async () => ({ appId: sandbox.app.id, botLogin: sandbox.app.botLogin }),
    github(installationId) {
      let client = clients.get(installationId);
      if (!client) {
        const Octokit = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });
        const created = new Octokit({
          auth: { token: sandbox.createInstallationToken(installationId) },
          baseUrl: `${sandbox.address()?.url}/api/v3`,
          log: quiet,
        });
        options.onClient?.(created);
        client = Promise.resolve(created);
        clients.set(installationId, client);
      }
      return client;
    },
  };
}

/** Registers the sandbox repository in Steward's store, as `installation.created` would. */
export async function registerSandboxRepository(db: DB, repository: RepositoryRecord, now: Date): Promise<void> {
  await registerInstallation(db, { id: repository.installationId, accountLogin: repository.owner, accountType: "Organization" }, [repository], now);
}
