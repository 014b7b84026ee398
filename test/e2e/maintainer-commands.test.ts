import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, issueCommentWebhook, urlsOf, type Activity } from "../../src/sandbox/index.js";
import { listLeads } from "../../src/store/leads.js";
import { events, sideEffects } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sweepTheRepository } from "../helpers/sandbox-job-deps.js";

/** Issue 18: maintainer commands in comments, end to end against the in-process sandbox and server. */
const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";
const hoursAfter = (hours: number) => new Date(OPENED.getTime() + hours * H);

describe("maintainer commands in comments", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  // Steward's answers to commands (its welcomes aside).
  const stewardComments = (number: number) =>
    e2e.sandbox.model.listComments(REPO, number).filter((c) => c.user === "steward[bot]" && c.body.includes("<!-- steward:command."));
  const reactions = (commentId: number) => e2e.sandbox.model.listReactions(REPO, commentId).map((r) => `${r.user}:${r.content}`);
  const commandFacts = (number: number) =>
    e2e.db
      .select({ kind: events.kind, data: events.data })
      .from(events)
      .where(and(eq(events.itemNumber, number)))
      .all()
      .filter((row) => row.kind.startsWith("command."));
  const sweep = async (hours: number) => {
    clock = hoursAfter(hours);
    return (await sweepTheRepository(e2e, clock)).repositories[0]!;
  };
  const openIssue = async (user: string, hours: number) => {
    clock = hoursAfter(hours);
    return (await activity.openIssue(REPO, { user, title: `Trouble for ${user}`, at: clock })).record;
  };
  const say = async (number: number, user: string, body: string, hours: number) => {
    clock = hoursAfter(hours);
    return activity.comment(REPO, number, { user, body, at: clock });
  };

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
  });
  afterAll(() => e2e.close());

  it("a maintainer's snooze silences the reminder until it ends, with a 👍, and the sweep reminds after", async () => {
    const issue = await openIssue("carol", 0);
    const { record: comment } = await say(issue.number, "mia", "/steward snooze 2d", 10);
    expect(reactions(comment.id)).toEqual(["steward[bot]:+1"]);
    expect(stewardComments(issue.number)).toEqual([]);
    // The command alone is no first response: the clock runs on, but the snooze holds the reminders.
    expect((await sweep(20)).sent.filter((a) => a.number === issue.number)).toEqual([]);
    expect((await sweep(57)).sent.filter((a) => a.number === issue.number)).toEqual([]);
    expect((await sweep(58)).sent.filter((a) => a.number === issue.number).map((a) => a.action)).toEqual(["breached", "label-added"]);
  });

  it("applies nothing twice on a redelivery, and nothing at all from an edit", async () => {
    const issue = await openIssue("dana", 100);
    const said = await say(issue.number, "mia", "/steward exempt", 101);
    const again = await activity.sender.redeliver(said.delivery.id);
    expect(again.status).toBe(200);
    expect(reactions(said.record.id)).toEqual(["steward[bot]:+1"]);
    expect(commandFacts(issue.number).map((row) => row.kind)).toEqual(["command.exempt"]);
    const reactionPosts = e2e.sandbox.requestsMatching("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions");
    expect(reactionPosts.filter((r) => r.path.includes(`/comments/${said.record.id}/`))).toHaveLength(1);

    // An edit into another command changes nothing: only a new comment gives one.
    const edited = e2e.sandbox.model.updateComment(REPO, said.record.id, "/steward include")!;
    const shapes = { model: e2e.sandbox.model, urls: urlsOf(e2e.sandbox) };
    expect((await activity.sender.send(issueCommentWebhook(shapes, REPO, edited, "edited"))).status).toBe(200);
    expect(commandFacts(issue.number).map((row) => row.kind)).toEqual(["command.exempt"]);
    expect((await sweep(200)).sent.filter((a) => a.number === issue.number)).toEqual([]);
  });

  it("answers someone who is not a maintainer once per item and person, and applies nothing", async () => {
    const issue = await openIssue("erin", 300);
    const first = await say(issue.number, "erin", "/steward exempt", 301);
    await say(issue.number, "erin", "/steward snooze 3d", 302);
    await say(issue.number, "frank", "/steward help", 303);
    const replies = stewardComments(issue.number).map((c) => c.body);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain("Only maintainers of this repository can use Steward commands");
    expect(reactions(first.record.id)).toEqual([]);
    expect(e2e.db.select().from(sideEffects).where(eq(sideEffects.kind, "command.refusal")).all()).toHaveLength(2);
    expect((await sweep(320)).sent.filter((a) => a.number === issue.number).map((a) => a.action)).toEqual(["at-risk"]);
  });

  it("answers help, and an unknown command, with the list of commands, once per comment", async () => {
    const issue = await openIssue("gus", 400);
    await say(issue.number, "mia", "/steward help", 401);
    const unknown = await say(issue.number, "mia", "/steward frobnicate", 402);
    await activity.sender.redeliver(unknown.delivery.id);
    const replies = stewardComments(issue.number).map((c) => c.body);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(reply).toContain("`/steward snooze 3d`");
    expect(replies[1]).toMatch(/Steward does not know ` ?\/steward frobnicate ?`/);
    // Steward's own help, delivered back as GitHub would, commands nothing and is not refused.
    const help = e2e.sandbox.model.listComments(REPO, issue.number).find((c) => c.body.includes("steward:command.help"))!;
    const shapes = { model: e2e.sandbox.model, urls: urlsOf(e2e.sandbox) };
    expect((await activity.sender.send(issueCommentWebhook(shapes, REPO, help, "created"))).status).toBe(200);
    expect(stewardComments(issue.number)).toHaveLength(2);
    // Another bot's command gets no answer either, and applies nothing.
    const fromBot = await say(issue.number, "triage[bot]", "/steward exempt", 404);
    expect(stewardComments(issue.number)).toHaveLength(2);
    expect(reactions(fromBot.record.id)).toEqual([]);
    expect((await sweep(430)).sent.filter((a) => a.number === issue.number).map((a) => a.action)).toEqual(["breached", "label-added"]);
    expect(commandFacts(issue.number).map((row) => row.kind)).toEqual(["command.help", "command.unknown", "command.exempt"]);
  });

  it("pauses the clock for the author with /steward waiting until the author replies", async () => {
    const issue = await openIssue("hana", 500);
    await say(issue.number, "mia", "/steward waiting", 502);
    expect((await sweep(600)).sent.filter((a) => a.number === issue.number)).toEqual([]);
    await say(issue.number, "hana", "Here is the log.", 610);
    // On the clock 0-2 h and from 610 h: at risk (18 h) at 626 h.
    expect((await sweep(625)).sent.filter((a) => a.number === issue.number)).toEqual([]);
    expect((await sweep(626)).sent.filter((a) => a.number === issue.number).map((a) => a.action)).toEqual(["at-risk"]);
  });

  it("corrects the leads with /steward lead and /steward not-lead, each once, and not from a non-maintainer", async () => {
    const issue = await openIssue("ivy", 700);
    const leadLogins = async () => (await listLeads(e2e.db, e2e.target.repositoryId)).map((lead) => [lead.login, lead.terms]);
    expect(await leadLogins()).not.toContainEqual(["ivy", expect.anything()]);
    await say(issue.number, "ivy", "/steward not-lead", 701);
    const marked = await say(issue.number, "mia", "/steward lead", 702);
    await activity.sender.redeliver(marked.delivery.id);
    expect((await leadLogins()).filter(([login]) => login === "ivy")).toEqual([["ivy", ["maintainer"]]]);
    expect(reactions(marked.record.id)).toEqual(["steward[bot]:+1"]);
    const dropped = await say(issue.number, "mia", "/steward not-lead", 703);
    expect((await leadLogins()).filter(([login]) => login === "ivy")).toEqual([]);
    expect(reactions(dropped.record.id)).toEqual(["steward[bot]:+1"]);
    // As of before the not-lead, a figure still counts them: a past digest made again is unchanged.
    const before = await listLeads(e2e.db, e2e.target.repositoryId, { until: hoursAfter(702.5) });
    expect(before.map((lead) => lead.login)).toContain("ivy");
  });
});
