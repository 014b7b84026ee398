/** The response clock's inputs as the store loads them, for the pure tests of src/sla. */
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";

/** A community issue (carol, association NONE), open, no draft, no labels, opened at `createdAt`. */
export function clockItem(createdAt: Date, overrides: Partial<ClockItem> = {}): ClockItem {
  return {
    number: 1,
    isPull: false,
    title: "Crash",
    authorLogin: "carol",
    authorType: "User",
    authorAssociation: "NONE",
    state: "open",
    draft: false,
    locked: false,
    labels: [],
    assignees: [],
    createdAt,
    updatedAt: createdAt,
    closedAt: null,
    ...overrides,
  };
}

/** A fact on an item's clock; by default one of mia, a MEMBER, so a maintainer's. */
export function clockFact(
  kind: string,
  occurredAt: Date,
  actor = "mia",
  association: string | null = "MEMBER",
  data: Record<string, unknown> | null = null,
  actorType = "User",
): ClockEvent {
  return { kind, actorLogin: actor, actorType, association, occurredAt, data };
}

/** What follows a fact's kind and time: who, their association, the data and the account type. */
export type Tail<P extends unknown[]> = P extends [string, Date, ...infer Rest] ? Rest : never;
