import { describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { discussionsOnClock, type DiscussionFactInput } from "../../src/sla/discussion-items.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";

const H = 3_600_000;
const T0 = new Date("2026-01-05T09:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const QA = { id: 1, name: "Q&A", slug: "q-a", answerable: true };
const IDEAS = { id: 2, name: "Ideas", slug: "ideas", answerable: false };

function opened(number: number, category = QA, who = { login: "carol", association: "NONE" }): DiscussionFactInput {
  return {
    number,
    kind: "discussion.created",
    actorLogin: who.login,
    actorId: number * 10,
    actorType: "User",
    association: who.association,
    occurredAt: T0,
    data: { nodeId: `D_${number}`, title: `Question ${number}`, category },
  };
}

function comment(number: number, hours: number, login: string, association: string | null, category = QA): DiscussionFactInput {
  return {
    number,
    kind: "discussion_comment.created",
    actorLogin: login,
    actorId: null,
    actorType: "User",
    association,
    occurredAt: at(hours),
    data: { category },
  };
}

describe("discussions on the response clock", () => {
  const config = stewardConfigSchema.parse({});

  it("puts a community member's discussion in an answerable category on the clock, by the issues' goal", () => {
    const [question] = discussionsOnClock([opened(3)], config);
    expect(question).toMatchObject({ nodeId: "D_3", item: { number: 3, isDiscussion: true, isPull: false, state: "open", title: "Question 3" } });
    const clock = computeResponseClock(question!.item, question!.events, config, at(19));
    expect(clock).toMatchObject({ stage: "at-risk", goalMs: 24 * H });
    expect(computeResponseClock(question!.item, question!.events, config, at(25)).stage).toBe("breached");
  });

  it("takes the first maintainer comment as the first response, not a community reply or the author's", () => {
    const facts = [opened(3), comment(3, 1, "carol", "NONE"), comment(3, 2, "dave", "NONE"), comment(3, 5, "mia", "MEMBER")];
    const [question] = discussionsOnClock(facts, config);
    const clock = computeResponseClock(question!.item, question!.events, config, at(30));
    expect(clock).toMatchObject({ stage: "answered", firstResponse: { by: "mia", kind: "discussion_comment.created", clockMs: 5 * H } });
  });

  it("ends the wait at an accepted answer, whoever wrote it", () => {
    const answered: DiscussionFactInput = { ...comment(3, 4, "carol", null), kind: "discussion.answered" };
    const [question] = discussionsOnClock([opened(3), comment(3, 2, "dave", "NONE"), answered], config);
    expect(question).toMatchObject({ answeredAt: at(4), item: { state: "closed", closedAt: at(4) } });
    expect(computeResponseClock(question!.item, question!.events, config, at(30)).stage).toBe("closed-unanswered");
  });

  it("ends the wait at a close, opens it again at a reopen or an unmarked answer, and drops a deleted or moved-away one", () => {
    const fact = (number: number, hours: number, kind: string): DiscussionFactInput => ({ ...comment(number, hours, "mia", "MEMBER"), kind });
    const facts = [
      opened(1),
      fact(1, 3, "discussion.closed"),
      opened(2),
      fact(2, 3, "discussion.closed"),
      fact(2, 5, "discussion.reopened"),
      opened(3),
      fact(3, 2, "discussion.answered"),
      fact(3, 4, "discussion.unanswered"),
      opened(4),
      fact(4, 2, "discussion.answered"),
      fact(4, 6, "discussion.closed"),
      opened(5),
      fact(5, 1, "discussion.deleted"),
      opened(6),
      fact(6, 1, "discussion.transferred"),
    ];
    const found = new Map(discussionsOnClock(facts, config).map((d) => [d.item.number, d]));
    expect([...found.keys()]).toEqual([1, 2, 3, 4]);
    expect(found.get(1)).toMatchObject({ answeredAt: null, item: { state: "closed", closedAt: at(3) } });
    expect(found.get(2)).toMatchObject({ item: { state: "open", closedAt: null } });
    expect(found.get(3)).toMatchObject({ answeredAt: null, item: { state: "open", closedAt: null } });
    // Settled when the answer was chosen: the later close changes nothing.
    expect(found.get(4)).toMatchObject({ answeredAt: at(2), item: { state: "closed", closedAt: at(2) } });
  });

  it("follows a move into or out of the categories on the clock", () => {
    const moved = (number: number, hours: number, category: typeof QA): DiscussionFactInput => ({
      ...comment(number, hours, "mia", "MEMBER", category),
      kind: "discussion.category_changed",
    });
    const facts = [opened(1, IDEAS), moved(1, 1, QA), opened(2), moved(2, 1, IDEAS)];
    expect(discussionsOnClock(facts, config).map((d) => d.item.number)).toEqual([1]);
  });

  it("leaves out other categories, maintainers' and bots' discussions, and everything when switched off", () => {
    const facts = [
      opened(1, IDEAS),
      opened(2, QA, { login: "mia", association: "MEMBER" }),
      opened(3, QA, { login: "ci[bot]", association: "NONE" }),
      opened(4),
    ];
    expect(discussionsOnClock(facts, config).map((d) => d.item.number)).toEqual([4]);
    const off = stewardConfigSchema.parse({ response: { discussions: { enabled: false } } });
    expect(discussionsOnClock(facts, off)).toEqual([]);
  });

  it("follows the configured categories, by name or slug, instead of the answerable ones", () => {
    const facts = [opened(1, IDEAS), opened(4)];
    const byName = stewardConfigSchema.parse({ response: { discussions: { categories: ["ideas"] } } });
    expect(discussionsOnClock(facts, byName).map((d) => d.item.number)).toEqual([1]);
    const bySlug = stewardConfigSchema.parse({ response: { discussions: { categories: ["q-a", "Ideas"] } } });
    expect(discussionsOnClock(facts, bySlug).map((d) => d.item.number)).toEqual([1, 4]);
  });

  it("reads the category from the latest fact, so a discussion moved out of Q&A leaves the clock", () => {
    expect(discussionsOnClock([opened(5), comment(5, 1, "dave", "NONE", IDEAS)], config)).toEqual([]);
  });
});
