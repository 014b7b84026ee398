import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWidgets, start, type Started } from "./helpers.js";

const repo = { owner: "octo-org", repo: "widgets" };

/** Issue 18: reactions on issue comments, as GitHub answers them, within the content-creation limit. */
describe("reactions on issue comments", () => {
  let started: Started;
  let octokit: Octokit;

  beforeAll(async () => {
    started = await start({ now: () => new Date("2024-05-01T12:00:00Z"), contentCreationLimit: { perMinute: 4 } });
    ({ octokit } = seedWidgets(started));
  });
  afterAll(() => started.sandbox.close());

  it("creates a reaction (201), returns the same one when given again (200), lists it, and refuses bad input", async () => {
    const { model } = started.sandbox;
    const issue = model.addIssue("octo-org/widgets", { user: "alice", title: "Crash" });
    const comment = model.addComment("octo-org/widgets", issue.number, { user: "mia", body: "/steward exempt" });
    const first = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "+1" });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ content: "+1", user: { login: "steward[bot]" }, created_at: "2024-05-01T12:00:00Z" });
    const again = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "+1" });
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    const listed = await octokit.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id });
    expect(listed.data.map((r) => r.content)).toEqual(["+1"]);
    expect(model.listReactions("octo-org/widgets", comment.id)).toHaveLength(1);
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
        ...repo,
        comment_id: comment.id,
        content: "yay" as "+1", // not one of GitHub's contents, which the sandbox must refuse
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: 999_999, content: "+1" })).rejects.toMatchObject({
      status: 404,
    });
    // Every reaction POST counts as content creation, refused ones too: the fifth within a minute is over this limit of four.
    await expect(octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "eyes" })).rejects.toMatchObject({
      status: 403,
    });
  });
});
