/**
 * actions/first-interaction's documented cases, run through Steward's welcome decision for an
 * opening: the screen (who is never welcomed) and the first-of-its-kind check against one read of
 * the author's issues and pull requests in the repository (`isFirstByUserHistory`).
 *
 * Mapping: the action lists the sender's issues (`isFirstIssue`) or pull requests
 * (`isFirstPullRequest`) and welcomes when none of that kind has a lower number; a failed read
 * answers "not first". Steward's read is a `UserHistory`; a read that did not see everything is
 * `complete: false`, which Steward likewise never takes as proof of a first.
 */
import { describe, it } from "vitest";
import type { Person } from "../../src/people/roles.js";
import { checkRows, newcomer, type OpeningInput, type PeerCase, peerTable, stewardWelcomes, userItem } from "./peer-cases.js";

const TESTS = "actions/first-interaction __tests__/main.test.ts";

// The action's tests name the sender `mona`, with no association; the opened item is #10.
const mona: Person = newcomer("mona");
const welcomes = (input: OpeningInput) => stewardWelcomes({ author: mona, ...input });

const issueItem = (n: number) => userItem(n, "issue");
const pullItem = (n: number) => userItem(n, "pull");

const cases: PeerCase<OpeningInput, boolean>[] = [
  {
    name: "isFirstIssue: no issues listed",
    source: `${TESTS}: isFirstIssue() Returns true if no issues are present`,
    input: { kind: "issue", number: 10, items: [] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "isFirstIssue: only the issue just opened",
    source: `${TESTS}: isFirstIssue() Returns true if only the current issue is present`,
    input: { kind: "issue", number: 10, items: [issueItem(10)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "isFirstIssue: an older issue",
    source: `${TESTS}: isFirstIssue() Returns false if older issues are present`,
    input: { kind: "issue", number: 10, items: [issueItem(10), issueItem(5)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "isFirstIssue: an older pull request does not count",
    source: `${TESTS}: isFirstIssue() Ignores pull requests`,
    input: { kind: "issue", number: 10, items: [issueItem(10), pullItem(5)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "isFirstIssue: the read failed",
    source: `${TESTS}: isFirstIssue() Returns false if there is an error`,
    // Steward's handler throws on a failed read, so the delivery is run again later; the pure
    // decision on what a partial read shows is the same "not first" as the action's.
    input: { kind: "issue", number: 10, items: [], complete: false },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "isFirstPullRequest: no pull requests listed",
    source: `${TESTS}: isFirstPullRequest() Returns true if no PRs are present`,
    input: { kind: "pull", number: 10, items: [] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "isFirstPullRequest: only the pull request just opened",
    source: `${TESTS}: isFirstPullRequest() Returns true if only the current PR is present`,
    input: { kind: "pull", number: 10, items: [pullItem(10)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "isFirstPullRequest: an older pull request",
    source: `${TESTS}: isFirstPullRequest() Returns false if older PRs are present, Does not ignore pull requests`,
    input: { kind: "pull", number: 10, items: [pullItem(10), pullItem(5)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "isFirstPullRequest: the read failed",
    source: `${TESTS}: isFirstPullRequest() Returns false if there is an error`,
    input: { kind: "pull", number: 10, items: [], complete: false },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a pull request by someone with an earlier issue and an earlier pull request",
    source: `${TESTS}: run() Skips a message if the sender has prior issues and PRs`,
    input: { kind: "pull", number: 10, items: [issueItem(5), pullItem(3), pullItem(10)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue by someone with an earlier issue and no pull request",
    source: `${TESTS}: run() Skips an issue message if the sender has prior issues but no PRs`,
    input: { kind: "issue", number: 10, items: [issueItem(10), issueItem(5)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a pull request by someone with an earlier pull request and no issue",
    source: `${TESTS}: run() Skips a PR message if the sender has prior PRs but no issues`,
    input: { kind: "pull", number: 10, items: [pullItem(10), pullItem(5)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a first issue gets the issue message",
    source: `${TESTS}: run() Adds an issue message if this is the first contribution`,
    input: { kind: "issue", number: 10, items: [issueItem(10)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a first pull request gets the pull request message",
    source: `${TESTS}: run() Adds a PR message if this is the first contribution`,
    input: { kind: "pull", number: 10, items: [pullItem(10)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a first pull request by someone who opened an issue before",
    source: `${TESTS}: run() (each kind is checked on its own: the PR check reads only PRs)`,
    input: { kind: "pull", number: 10, items: [issueItem(5), pullItem(10)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a first issue opened by a maintainer",
    source: `${TESTS}: run() (the sender is judged by their earlier items only) and README`,
    input: { kind: "issue", number: 10, author: { login: "mona", type: "User", association: "MEMBER" }, items: [issueItem(10)] },
    peerExpects: true,
    stewardGives: false,
    difference: "maintainers are never welcomed: they are the ones who welcome",
  },
  {
    name: "a first pull request opened by a bot",
    source: `${TESTS}: run() (the sender is judged by their earlier items only) and README`,
    input: { kind: "pull", number: 10, author: { login: "dependabot[bot]", type: "Bot", association: "NONE" }, items: [pullItem(10)] },
    peerExpects: true,
    stewardGives: false,
    difference: "bots are never welcomed, counted or put on the clock",
  },
  {
    name: "a first pull request by someone GitHub already calls a CONTRIBUTOR",
    source: `${TESTS}: run() (the sender is judged by their earlier items only)`,
    input: { kind: "pull", number: 10, author: { login: "mona", type: "User", association: "CONTRIBUTOR" }, items: [pullItem(10)] },
    peerExpects: true,
    stewardGives: false,
    difference: "someone with commits in the repository has contributed before: their first PR is no first contribution",
  },
  {
    name: "a first issue by a mannequin (an imported account)",
    source: `${TESTS}: run() (the sender is judged by their earlier items only)`,
    input: { kind: "issue", number: 10, author: { login: "ghost-import", type: "Mannequin", association: "MANNEQUIN" }, items: [issueItem(10)] },
    peerExpects: true,
    stewardGives: false,
    difference: "mannequins are placeholders of imported accounts that nobody reads",
  },
];

peerTable("actions/first-interaction: first issue, first pull request", cases, welcomes);

describe("actions/first-interaction rows", () => {
  it("are well formed", () => checkRows(cases as PeerCase<unknown, unknown>[]));
});
