import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { listRepositories } from "../../src/store/installations.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";

describe("welcome on a first discussion, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  const setConfig = async (yaml: string) => {
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", yaml);
    for (const { id } of await listRepositories(e2e.db)) e2e.server.jobs.configs.invalidate(id);
  };
  const stewardComments = (number: number) => e2e.sandbox.model.discussions.comments(REPO, number).filter((c) => c.user === e2e.sandbox.app.botLogin);

  beforeAll(async () => {
    e2e = await startE2E();
    e2e.sandbox.model.getInstallation(77)!.permissions["discussions"] = "write";
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
  });
  afterAll(() => e2e.close());

  it("welcomes a community member's first discussion once, in any category; not their second, a redelivery, nor a maintainer", async () => {
    const first = await activity.openDiscussion(REPO, { user: "carol", title: "Hello all", category: "General", at: OPENED });
    const welcomes = stewardComments(first.record.number);
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.body).toContain("thank you for starting your first one here");
    expect(welcomes[0]!.body).toMatch(/<!-- steward:discussion\.welcome:id%3A\d+ -->/);

    await activity.sender.redeliver(first.delivery.id);
    expect(stewardComments(first.record.number)).toHaveLength(1);

    const second = await activity.openDiscussion(REPO, { user: "carol", title: "How?", category: "Q&A", at: new Date(OPENED.getTime() + 60_000) });
    expect(stewardComments(second.record.number)).toEqual([]);
    const maintainer = await activity.openDiscussion(REPO, {
      user: "mia",
      title: "Roadmap",
      category: "General",
      at: new Date(OPENED.getTime() + 120_000),
    });
    expect(stewardComments(maintainer.record.number)).toEqual([]);
    expect(e2e.sandbox.violations).toEqual([]);
  });

  it("uses the configured template, and welcomes no one when switched off", async () => {
    await setConfig("welcome:\n  templates:\n    firstDiscussion: 'Hi {{author}}, glad you asked.'\n");
    const { record } = await activity.openDiscussion(REPO, {
      user: "dave",
      title: "Why?",
      category: "Q&A",
      at: new Date(OPENED.getTime() + 3_600_000),
    });
    expect(stewardComments(record.number).map((c) => c.body)).toEqual([expect.stringContaining("Hi @dave, glad you asked.")]);
    await setConfig("welcome:\n  firstDiscussion: false\n");
    const off = await activity.openDiscussion(REPO, { user: "erin", title: "Where?", category: "Q&A", at: new Date(OPENED.getTime() + 7_200_000) });
    expect(stewardComments(off.record.number)).toEqual([]);
  });
});
