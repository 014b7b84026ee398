import type { RoleConfig } from "../../people/roles.js";
import { isBot } from "../../people/roles.js";

/**
 * What counts as community activity for the health figures (README, "Community health"): opening
 * an issue or a pull request, commenting, reviewing, commenting on a review, and having a pull
 * request merged (the ledger names the author as the merge's actor). Stars, forks, labels and
 * closes are not: they say little about who carries the project.
 */
export const ACTIVITY_KINDS = [
  "issues.opened",
  "pull_request.opened",
  "issue_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
  "pull_request.merged",
] as const;

export const MERGE_KIND = "pull_request.merged";

/** How often one account did one kind of thing under one login, as the store groups the ledger. */
export interface ActivityRow {
  actorId: number | null;
  actorLogin: string;
  actorType: string;
  kind: string;
  count: number;
  /** The latest of these facts, which decides the person's label. */
  lastAt: Date;
}

/** One person's activity in a window. */
export interface PersonActivity {
  /** `id:<account id>`, or the lowercased login of facts without one. */
  key: string;
  id: number | null;
  /** The login of their latest fact (ties: the greater login), as the store labels people. */
  login: string;
  activity: number;
  merges: number;
}

/**
 * The rows folded per person, bots left out (`isBot`: account type, `[bot]` login, `ignoreUsers`);
 * maintainers stay in: the bus and elephant factors ask who carries the project, maintainers first. Pure.
 */
export function peopleActivity(rows: readonly ActivityRow[], config: RoleConfig): PersonActivity[] {
  const people = new Map<string, PersonActivity & { labelAt: number }>();
  for (const row of rows) {
    if (isBot({ login: row.actorLogin, type: row.actorType }, config)) continue;
    const key = row.actorId === null ? row.actorLogin.toLowerCase() : `id:${row.actorId}`;
    const person = people.get(key) ?? { key, id: row.actorId, login: row.actorLogin, activity: 0, merges: 0, labelAt: -Infinity };
    person.activity += row.count;
    if (row.kind === MERGE_KIND) person.merges += row.count;
    const at = row.lastAt.getTime();
    if (at > person.labelAt || (at === person.labelAt && row.actorLogin > person.login)) {
      person.login = row.actorLogin;
      person.labelAt = at;
    }
    people.set(key, person);
  }
  return [...people.values()].map(({ labelAt: _, ...person }) => person);
}
