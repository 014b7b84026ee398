import { describe, expect, it } from "vitest";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { itemAt } from "../../src/sla/item-at.js";
import { clockItem } from "../helpers/clock-fixtures.js";

/** Issue 14: the response figures of a past instant take each item back to how it was then. */
const H = 3_600_000;
const T0 = new Date("2026-11-02T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);

const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, overrides);

const fact = (kind: string, hours: number, target?: string): ClockEvent => ({
  kind,
  actorLogin: "mia",
  actorType: "User",
  association: null,
  occurredAt: at(hours),
  data: target === undefined ? null : { target },
});

describe("itemAt", () => {
  it("leaves out an item opened after the instant", () => {
    expect(itemAt(item({ createdAt: at(5), updatedAt: at(5) }), [], at(4))).toBeNull();
  });

  it("gives a row updated by the instant back as it is, whatever facts came later", () => {
    const row = item({ state: "closed", closedAt: at(3), updatedAt: at(3) });
    expect(itemAt(row, [fact("issues.closed", 3)], at(10))).toBe(row);
  });

  it("opens an item closed after the instant, and keeps one closed before it and still closed", () => {
    const closedLater = item({ state: "closed", closedAt: at(20), updatedAt: at(20) });
    expect(itemAt(closedLater, [fact("issues.closed", 20)], at(10))).toMatchObject({ state: "open", closedAt: null, updatedAt: T0 });
    const closedThen = item({ state: "closed", closedAt: at(5), updatedAt: at(20) });
    expect(itemAt(closedThen, [fact("issues.closed", 5)], at(10))).toMatchObject({ state: "closed", closedAt: at(5), updatedAt: at(5) });
  });

  it("decides from the last close or reopen by the instant, else from what the first one after it undid", () => {
    // Closed at 2 h, reopened at 4 h, closed again at 20 h: open at 10 h.
    const reclosed = item({ state: "closed", closedAt: at(20), updatedAt: at(20) });
    const facts = [fact("issues.closed", 20), fact("issues.reopened", 4), fact("issues.closed", 2)];
    expect(itemAt(reclosed, facts, at(10))?.state).toBe("open");
    expect(itemAt(reclosed, facts, at(3))).toMatchObject({ state: "closed", closedAt: at(2) });
    // Reopened at 20 h with no earlier close in the ledger (history from before Steward): closed at 10 h, undated.
    const reopened = item({ updatedAt: at(20) });
    expect(itemAt(reopened, [fact("issues.reopened", 20)], at(10))).toMatchObject({ state: "closed", closedAt: null });
    // No fact at all: the row's close counts only once it came.
    const lostClose = item({ state: "closed", closedAt: at(15), updatedAt: at(15) });
    expect(itemAt(lostClose, [], at(10))?.state).toBe("open");
  });

  it("undoes the label changes after the instant, newest first, without case", () => {
    const row = item({ labels: ["bug", "Waiting-For-Author"], updatedAt: at(30) });
    const facts = [
      fact("issues.labeled", 2, "question"),
      fact("issues.unlabeled", 12, "question"),
      fact("issues.labeled", 14, "waiting-for-author"),
      fact("issues.labeled", 20, "bug"),
      fact("issues.unlabeled", 25, "bug"),
      fact("issues.labeled", 26, "bug"),
    ];
    expect(itemAt(row, facts, at(10))?.labels).toEqual(["question"]);
    expect(itemAt(row, facts, at(22))?.labels).toEqual(["Waiting-For-Author", "bug"]);
  });

  it("takes a pull request's draft state from its first draft change after the instant", () => {
    const pull = item({ isPull: true, updatedAt: at(30) });
    const facts = [fact("pull_request.ready_for_review", 12), fact("pull_request.converted_to_draft", 20), fact("pull_request.ready_for_review", 25)];
    expect(itemAt(pull, facts, at(10))?.draft).toBe(true);
    expect(itemAt(pull, facts, at(15))?.draft).toBe(false);
    expect(itemAt(item({ isPull: true, draft: true, updatedAt: at(30) }), [], at(10))?.draft).toBe(true);
  });
});
