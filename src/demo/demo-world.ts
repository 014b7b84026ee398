import type { SandboxModel } from "../sandbox/index.js";
import { createRandom, type Random } from "./random.js";

export const DEMO_REPO = "acme/widget";
/** Where the organization's weekly roll-up goes: acme's settings repository, private. */
export const DEMO_ROLLUP_REPO = "acme/.github";
export const DEMO_MAINTAINERS = ["maya", "omar"] as const;
/** Who signs in to the dashboard in the demo: an owner of acme, so every acme repository is hers. */
export const DEMO_SIGN_IN_USER = "maya";
/** Contributors from before Steward was installed: the backfill must number them first. */
const EARLY_CONTRIBUTORS = ["ada", "bruno", "chen", "dmitri", "elif", "farah", "gus"];
const COMPANIES = ["Globex Corporation", "@initech", "Initech, Inc.", "Umbrella GmbH", "Hooli", null, null, null, null];

const DAY = 86_400_000;

/**
 * A project half a year old when it installs Steward: an AGPL core with a README, CONTRIBUTING,
 * a code of conduct and templates; a few hundred stars gathered since May; issues and merged PRs
 * from seven early contributors; two maintainers in the owning organization (maya an owner of it,
 * omar a member given "maintain" on the repository).
 */
export function seedDemoWorld(model: SandboxModel, installedAt: Date): void {
  const random = createRandom(7);
  model.addRepository({
    fullName: DEMO_REPO,
    ownerType: "Organization",
    license: "AGPL-3.0",
    description: "Widgets, open core",
    createdAt: daysBefore(installedAt, 200),
  });
  // Both can sign in to the dashboard, each through another kind of access: the organization, the repository.
  const [maya, omar] = DEMO_MAINTAINERS;
  model.addOrgMember("acme", maya, "admin");
  model.addOrgMember("acme", omar);
  model.setRepositoryRole(DEMO_REPO, omar, "maintain");
  model.setFile(DEMO_REPO, "README.md", "# widget\n");
  model.setFile(DEMO_REPO, "CONTRIBUTING.md", "# Contributing\n\nFork, branch, test, open a PR.\n");
  model.setFile(DEMO_REPO, "CODE_OF_CONDUCT.md", "# Code of conduct\n\nBe kind.\n");
  model.setFile(DEMO_REPO, ".github/ISSUE_TEMPLATE/bug_report.md", "---\nname: Bug report\n---\n");
  model.setFile(DEMO_REPO, ".github/pull_request_template.md", "What does this change?\n");
  model.setFile(DEMO_REPO, ".github/steward.yml", "response:\n  goalHours: 24\nwelcome:\n  foundingContributors: 10\n");
  // Discussions switched on with GitHub's Q&A category: questions there are on the response clock.
  model.discussions.addCategory(DEMO_REPO, { name: "Q&A" });
  seedStargazers(model, random, installedAt);
  seedHistory(model, random, installedAt);
  model.addRepository({ fullName: DEMO_ROLLUP_REPO, ownerType: "Organization", private: true, createdAt: daysBefore(installedAt, 200) });
  // Its own digest is off (a settings repository has no community); the roll-up runs all the same.
  model.setFile(DEMO_ROLLUP_REPO, ".github/steward.yml", "digest:\n  enabled: false\n  rollup:\n    enabled: true\n");
}

function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY);
}

function seedStargazers(model: SandboxModel, random: Random, installedAt: Date): void {
  const stars = 310;
  for (let i = 0; i < stars; i++) {
    const login = `fan-${String(i + 1).padStart(3, "0")}`;
    model.addUser({ login, company: random.pick(COMPANIES) });
    // Growth speeds up toward the installation, as a project that is being noticed.
    const age = 180 * random.next() ** 0.6;
    model.addStargazer(DEMO_REPO, login, new Date(installedAt.getTime() - age * DAY));
  }
}

function seedHistory(model: SandboxModel, random: Random, installedAt: Date): void {
  EARLY_CONTRIBUTORS.forEach((login, index) => {
    const openedAt = daysBefore(installedAt, 170 - index * 20);
    const issue = model.addIssue(DEMO_REPO, { user: login, title: `Question about setup (${login})`, createdAt: openedAt });
    model.addComment(DEMO_REPO, issue.number, {
      user: "maya",
      body: "Thanks, here is how.",
      createdAt: new Date(openedAt.getTime() + random.between(2, 20) * 3_600_000),
    });
    model.updateIssue(DEMO_REPO, issue.number, { state: "closed" }, "maya", new Date(openedAt.getTime() + 2 * DAY));
    const prAt = new Date(openedAt.getTime() + 3 * DAY);
    const pr = model.addPullRequest(DEMO_REPO, { user: login, title: `Improve docs (${login})`, createdAt: prAt });
    model.addReview(DEMO_REPO, pr.number, { user: "omar", state: "APPROVED", submittedAt: new Date(prAt.getTime() + 6 * 3_600_000) });
    model.mergePullRequest(DEMO_REPO, pr.number, "omar", new Date(prAt.getTime() + DAY));
  });
}
