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
