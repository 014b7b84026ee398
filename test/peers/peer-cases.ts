/**
 * Shared by the peer comparisons (test/peers/*.test.ts): the shape of one compared case, the
 * table runner, and small builders of Steward's own inputs (items, clock facts, config, a user's
 * history). The facts in the tables come from the peers' public tests and docs; the code here and
 * in the tables is Steward's own.
 */
import { describe, expect, it } from "vitest";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem, Span } from "../../src/domain/clock.js";
import type { UserHistory, UserItem } from "../../src/domain/user-history.js";
import type { Person } from "../../src/people/roles.js";
import { isFirstMergeByUserHistory, screenMerge } from "../../src/welcome/decide-first-merge.js";
import { isFirstByUserHistory, type OpeningKind, screenOpening } from "../../src/welcome/decide-first-opening.js";
import { clockItem } from "../helpers/clock-fixtures.js";

/** One documented case of a peer, run through Steward. */
export interface PeerCase<Input, Value> {
  name: string;
  /** Where the fact comes from: repository, file and test name (or the doc section). */
  source: string;
  input: Input;
  /** What the peer's own test or doc says the answer is. */
  peerExpects: Value;
  /** What Steward answers for the same input. */
  stewardGives: Value;
  /** Set when Steward differs on purpose: why, in one line. The test then checks that the two still differ. */
  difference?: string;
  /**
   * Set when the difference is a Steward defect rather than a choice: the row runs as `it.fails`
   * (it asserts the peer's answer, which Steward does not give yet) and the reason names the defect.
   */
  defect?: string;
}

/**
 * Runs a table of peer cases against `steward`. Every row asserts Steward's answer. A row without
 * `difference` must also give the peer's answer; a row with one must still differ from it, so a
 * silent convergence is noticed and the row (and the README) updated.
 */
export function peerTable<Input, Value>(title: string, cases: readonly PeerCase<Input, Value>[], steward: (input: Input) => Value): void {
  describe(title, () => {
    for (const row of cases) {
      if (row.defect !== undefined) {
        it.fails(`${row.name} [Steward defect: ${row.defect}]`, () => {
          expect(steward(row.input), row.source).toEqual(row.peerExpects);
        });
        continue;
      }
      const title = row.difference === undefined ? row.name : `${row.name} (differs: ${row.difference})`;
      it(title, () => {
        const got = steward(row.input);
        expect(got, `Steward, for ${row.source}`).toEqual(row.stewardGives);
        if (row.difference === undefined) {
          expect(row.stewardGives, `a row without a difference must give the peer's answer (${row.source})`).toEqual(row.peerExpects);
        } else {
          expect(got, `Steward now agrees with ${row.source}: drop the difference here and in the README`).not.toEqual(row.peerExpects);
        }
      });
    }
  });
}

/** The table's own hygiene: a source for every row, unique names, one-line reasons. */
export function checkRows(cases: ReadonlyArray<PeerCase<unknown, unknown>>): void {
  const names = new Set<string>();
  for (const row of cases) {
    expect(row.source.trim(), row.name).not.toBe("");
    expect(names.has(row.name), `duplicate row name: ${row.name}`).toBe(false);
    names.add(row.name);
    for (const reason of [row.difference, row.defect]) {
      if (reason !== undefined) expect(reason.includes("\n") || reason.trim() === "", `${row.name}: one line, please`).toBe(false);
    }
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant from an ISO string (UTC unless it says otherwise). */
export const at = (iso: string): Date => new Date(iso);

/** Milliseconds as hours, or null: the peers state durations as timedeltas, these tables in hours. */
export const inHours = (ms: number | null): number | null => (ms === null ? null : ms / HOUR);

/** A community issue (author `newcomer`, association NONE), open, opened 2023-01-01 00:00 UTC. */
export function issue(overrides: Partial<ClockItem> = {}): ClockItem {
  return clockItem(overrides.createdAt ?? at("2023-01-01T00:00:00Z"), {
    number: 10,
    title: "Something is off",
    authorLogin: "newcomer",
    ...overrides,
  });
}

/** A community pull request, like `issue`. */
export const pull = (overrides: Partial<ClockItem> = {}): ClockItem => issue({ title: "Fix it", ...overrides, isPull: true });

/** Who did something, as the ledger records the actor. */
export interface Actor {
  login: string;
  association?: string | null;
  type?: string;
}

/** A maintainer by association, the usual responder in these tables. */
export const maintainer = (login = "maya"): Actor => ({ login, association: "MEMBER" });

function fact(kind: string, when: string, actor: Actor, data: Record<string, unknown> | null = null): ClockEvent {
  return { kind, actorLogin: actor.login, actorType: actor.type ?? "User", association: actor.association ?? null, occurredAt: at(when), data };
}

/** The clock facts the ledger stores, by the names the peers use for them. */
export const facts = {
  comment: (when: string, actor: Actor) => fact("issue_comment.created", when, actor),
  review: (when: string, actor: Actor, state = "commented") => fact("pull_request_review.submitted", when, actor, { state }),
  reviewComment: (when: string, actor: Actor) => fact("pull_request_review_comment.created", when, actor),
  closed: (when: string, actor: Actor, isPull = false) => fact(isPull ? "pull_request.closed" : "issues.closed", when, actor),
  merged: (when: string, mergedBy: string) => fact("pull_request.merged", when, { login: mergedBy }, { mergedBy }),
  labeled: (when: string, label: string, actor: Actor = maintainer(), isPull = false) =>
    fact(isPull ? "pull_request.labeled" : "issues.labeled", when, actor, { target: label }),
  unlabeled: (when: string, label: string, actor: Actor = maintainer(), isPull = false) =>
    fact(isPull ? "pull_request.unlabeled" : "issues.unlabeled", when, actor, { target: label }),
  openedPull: (when: string, draft: boolean, author: Actor = { login: "newcomer", association: "NONE" }) =>
    fact("pull_request.opened", when, author, draft ? { draft: true } : null),
  readyForReview: (when: string, author: Actor = { login: "newcomer", association: "NONE" }) => fact("pull_request.ready_for_review", when, author),
  convertedToDraft: (when: string, author: Actor = { login: "newcomer", association: "NONE" }) =>
    fact("pull_request.converted_to_draft", when, author),
  /** A fact the clock does not read (a push to the PR's branch, say): it must change nothing. */
  other: (kind: string, when: string, actor: Actor) => fact(kind, when, actor),
};

/** steward.yml as parsed, from the raw YAML object (defaults for everything left out). */
export const config = (raw: Record<string, unknown> = {}): StewardConfig => stewardConfigSchema.parse(raw);

/** Total length of `spans` inside `[from, to)`, in ms. */
export function spanTimeWithin(spans: readonly Span[], from: number, to: number): number {
  return spans.reduce((sum, span) => sum + Math.max(0, Math.min(span.end, to) - Math.max(span.start, from)), 0);
}

/** One of a user's items as an API read lists it: an issue, or a pull request (merged at `mergedAt`). */
export function userItem(number: number, kind: "issue" | "pull", mergedAt: string | null = null): UserItem {
  // Numbers are handed out in creation order: item n was opened n hours after the repository's first.
  return { number, isPull: kind === "pull", createdAt: new Date(Date.UTC(2023, 0, 1) + number * HOUR), mergedAt: mergedAt ? at(mergedAt) : null };
}

/** A user's items in the repository; `complete` when the read saw all of them. */
export const userHistory = (items: UserItem[], complete = true): UserHistory => ({ items, complete });

/** A newcomer as the welcome peers' tests have them: a user with no association to the repository. */
export const newcomer = (login = "newcomer"): Person => ({ login, type: "User", association: "NONE" });

/** An opening as the welcome peers judge it: who opened what, and one read of their items in the repository. */
export interface OpeningInput {
  kind: OpeningKind;
  /** The number of the issue or pull request just opened. */
  number: number;
  author?: Person;
  items: UserItem[];
  /** False: the read failed or stopped early. */
  complete?: boolean;
  yml?: Record<string, unknown>;
}

/** Whether Steward welcomes the opening: the author passes the screen and it is their first of its kind. */
export function stewardWelcomes({ kind, number, author = newcomer(), items, complete = true, yml }: OpeningInput): boolean {
  if (screenOpening(kind, author, config(yml)) !== null) return false;
  return isFirstByUserHistory(kind, number, userHistory(items, complete));
}

/** A merge as the welcome peers judge it. */
export interface MergeInput {
  pullNumber: number;
  mergedAt: string;
  author?: Person;
  items: UserItem[];
  complete?: boolean;
  yml?: Record<string, unknown>;
}

/** Whether Steward congratulates the merge: the author passes the screen and it is their first merged pull request. */
export function stewardCongratulates({ pullNumber, mergedAt, author = newcomer(), items, complete = true, yml }: MergeInput): boolean {
  if (screenMerge(author, config(yml)) !== null) return false;
  return isFirstMergeByUserHistory(pullNumber, at(mergedAt), userHistory(items, complete));
}
