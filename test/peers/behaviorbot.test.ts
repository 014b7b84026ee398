/**
 * behaviorbot's welcome plugins (new-issue-welcome, new-pr-welcome, first-pr-merge, combined in
 * behaviorbot/welcome), their documented cases run through Steward's welcome decisions.
 *
 * Mapping: the plugins list the author's items (issues by creator, or a search for their merged
 * pull requests) and greet when the item at hand is the only one of its kind; a message left out of
 * `.github/config.yml` switches that greeting off. Steward's read is a `UserHistory`, its switches
 * are `welcome.firstIssue`, `welcome.firstPullRequest` and `welcome.firstMerge`.
 */
import { describe, it } from "vitest";
import type { Person } from "../../src/people/roles.js";
import { chooseMergeMessage, isFirstMergeByRecords } from "../../src/welcome/decide-first-merge.js";
import { isFirstByRecords } from "../../src/welcome/decide-first-opening.js";
import {
  checkRows,
  config,
  type MergeInput,
  newcomer,
  type OpeningInput,
  type PeerCase,
  peerTable,
  stewardCongratulates,
  stewardWelcomes,
  userItem,
} from "./peer-cases.js";

const ISSUE_WELCOME = "behaviorbot/new-issue-welcome";
const PR_WELCOME = "behaviorbot/new-pr-welcome";
const FIRST_MERGE = "behaviorbot/first-pr-merge";
const OPT_OUT = 'behaviorbot/welcome README ("opt out ... by not filling in a value for each app\'s respective field")';

const owner: Person = { login: "hiimbex", type: "User", association: "OWNER" };
const issueItem = (n: number) => userItem(n, "issue");
const pullItem = (n: number, mergedAt: string | null = null) => userItem(n, "pull", mergedAt);
// The owner's items in the fixture of the failing new-issue-welcome test: issues and two pull requests.
const ownersItems = [issueItem(2), pullItem(3), issueItem(6), issueItem(8), issueItem(9), pullItem(10), issueItem(11), issueItem(12)];

const openingCases: PeerCase<OpeningInput, boolean>[] = [
  {
    name: "new-issue-welcome: the user's only issue",
    source: `${ISSUE_WELCOME} test/index.js: posts a comment because it is a user's first issue opened`,
    input: { kind: "issue", number: 13, author: newcomer("hiimbex-test"), items: [issueItem(13)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "new-issue-welcome: the repository owner, with many issues",
    source: `${ISSUE_WELCOME} test/index.js: new-issue-welcome failure (test/events/failIssueRes.json)`,
    input: { kind: "issue", number: 12, author: owner, items: ownersItems },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "new-issue-welcome: the same history from a user without association",
    source: `${ISSUE_WELCOME} index.js (greets only when the creator has exactly one issue)`,
    input: { kind: "issue", number: 12, author: newcomer("hiimbex-alt"), items: ownersItems },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "new-issue-welcome: an earlier pull request does not make the first issue a second",
    source: `${ISSUE_WELCOME} index.js (items with pull_request are filtered out before counting)`,
    input: { kind: "issue", number: 12, items: [pullItem(3), issueItem(12)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "new-issue-welcome: no newIssueWelcomeComment configured",
    source: OPT_OUT,
    input: { kind: "issue", number: 12, items: [issueItem(12)], yml: { welcome: { firstIssue: false } } },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "new-issue-welcome: the first issue, handled after the author opened a second",
    source: `${ISSUE_WELCOME} index.js (counts every issue by the creator, later ones included)`,
    input: { kind: "issue", number: 4, items: [issueItem(4), issueItem(7)] },
    peerExpects: false,
    stewardGives: true,
    difference: "Steward counts only items with a lower number, so a late or repeated delivery gets the same answer",
  },
  {
    name: "new-pr-welcome: the user's first pull request",
    source: `${PR_WELCOME} test/index.js: posts a comment because it is a user's first PR`,
    input: { kind: "pull", number: 9, author: newcomer("hiimbex-testing"), items: [pullItem(9)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "new-pr-welcome: a user with an earlier pull request",
    source: `${PR_WELCOME} test/index.js: does not post a comment because it is not the user's first PR; test/checkCount.js`,
    input: { kind: "pull", number: 10, items: [pullItem(3), pullItem(10)] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "new-pr-welcome: issues in the list are not pull requests",
    source: `${PR_WELCOME} test/checkCount.js: it succeeds because it is a user's first PR (lib/checkCount.js counts only pull requests)`,
    input: { kind: "pull", number: 9, items: [issueItem(2), issueItem(5), pullItem(9)] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "new-pr-welcome: no newPRWelcomeComment configured",
    source: OPT_OUT,
    input: { kind: "pull", number: 9, items: [pullItem(9)], yml: { welcome: { firstPullRequest: false } } },
    peerExpects: false,
    stewardGives: false,
  },
];

const mergeCases: PeerCase<MergeInput, boolean>[] = [
  {
    name: "first-pr-merge: the user's only merged pull request",
    source: `${FIRST_MERGE} test/index.js: first-pr-merge success (the search finds one merged PR)`,
    input: { pullNumber: 7, mergedAt: "2023-02-01T00:00:00Z", items: [pullItem(7, "2023-02-01T00:00:00Z")] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "first-pr-merge: a user with another merged pull request",
    source: `${FIRST_MERGE} test/index.js: first-pr-merge failure (the search finds two merged PRs)`,
    input: { pullNumber: 7, mergedAt: "2023-02-01T00:00:00Z", items: [pullItem(4, "2023-01-20T00:00:00Z"), pullItem(7, "2023-02-01T00:00:00Z")] },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "first-pr-merge: an earlier pull request closed without merge does not count",
    source: `${FIRST_MERGE} index.js (searches is:pr is:merged by the author)`,
    input: { pullNumber: 7, mergedAt: "2023-02-01T00:00:00Z", items: [pullItem(4), pullItem(7, "2023-02-01T00:00:00Z")] },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "first-pr-merge: no firstPRMergeComment configured",
    source: OPT_OUT,
    input: { pullNumber: 7, mergedAt: "2023-02-01T00:00:00Z", items: [pullItem(7, "2023-02-01T00:00:00Z")], yml: { welcome: { firstMerge: false } } },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "first-pr-merge: a maintainer's first merged pull request",
    source: `${FIRST_MERGE} index.js (only the author's merged PRs are looked at)`,
    input: {
      pullNumber: 7,
      mergedAt: "2023-02-01T00:00:00Z",
      author: { login: "maya", type: "User", association: "MEMBER" },
      items: [pullItem(7, "2023-02-01T00:00:00Z")],
    },
    peerExpects: true,
    stewardGives: false,
    difference: "maintainers get no congratulation (their merge is still recorded)",
  },
  {
    name: "first-pr-merge: a bot's first merged pull request",
    source: `${FIRST_MERGE} index.js (only the author's merged PRs are looked at)`,
    input: {
      pullNumber: 7,
      mergedAt: "2023-02-01T00:00:00Z",
      author: { login: "renovate[bot]", type: "Bot", association: "NONE" },
      items: [pullItem(7, "2023-02-01T00:00:00Z")],
    },
    peerExpects: true,
    stewardGives: false,
    difference: "bots are never contributors and get no message",
  },
];

/** Which congratulation: behaviorbot has one text (firstPRMergeComment); Steward picks by contributor number. */
const messageFor = (contributorNumber: number): string => chooseMergeMessage(contributorNumber, config()).message;

const messageCases: PeerCase<number, string>[] = [
  {
    name: "first-pr-merge: the message for the third contributor",
    source: `${FIRST_MERGE} README and behaviorbot/welcome README (one firstPRMergeComment for every first merge)`,
    input: 3,
    peerExpects: "firstPRMergeComment",
    stewardGives: "foundingContributor",
    difference: "the first welcome.foundingContributors (10) contributors get a founding-contributor message",
  },
  {
    name: "first-pr-merge: the message for the twelfth contributor",
    source: `${FIRST_MERGE} README and behaviorbot/welcome README (one firstPRMergeComment for every first merge)`,
    input: 12,
    peerExpects: "firstPRMergeComment",
    stewardGives: "firstMerge",
    difference: "Steward's congratulation gives the contributor's number, so it is its own message",
  },
];

/**
 * Once the repository's history is known, Steward decides from its own records instead of an API
 * read: how many earlier openings of the kind the author has, and which pull request their
 * contributor record names as their first. The same cases must come out the same way.
 */
type RecordsInput = { opening: { earlierOfKind: number } } | { merge: { recordedFirstPull: number; pullNumber: number } };

function firstByRecords(input: RecordsInput): boolean {
  if ("opening" in input) return isFirstByRecords(input.opening.earlierOfKind);
  return isFirstMergeByRecords({ firstPullNumber: input.merge.recordedFirstPull }, input.merge.pullNumber);
}

const recordCases: PeerCase<RecordsInput, boolean>[] = [
  {
    name: "from records: the user's only issue",
    source: `${ISSUE_WELCOME} test/index.js: posts a comment because it is a user's first issue opened`,
    input: { opening: { earlierOfKind: 0 } },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "from records: a user with six earlier issues",
    source: `${ISSUE_WELCOME} test/index.js: new-issue-welcome failure (test/events/failIssueRes.json)`,
    input: { opening: { earlierOfKind: 6 } },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "from records: the merge the contributor record names as the first",
    source: `${FIRST_MERGE} test/index.js: first-pr-merge success`,
    input: { merge: { recordedFirstPull: 7, pullNumber: 7 } },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "from records: a merge after the contributor's first",
    source: `${FIRST_MERGE} test/index.js: first-pr-merge failure`,
    input: { merge: { recordedFirstPull: 4, pullNumber: 7 } },
    peerExpects: false,
    stewardGives: false,
  },
];

peerTable("behaviorbot: new-issue-welcome and new-pr-welcome", openingCases, stewardWelcomes);
peerTable("behaviorbot: the same decisions from Steward's records", recordCases, firstByRecords);
peerTable("behaviorbot: first-pr-merge", mergeCases, stewardCongratulates);
peerTable("behaviorbot: which congratulation", messageCases, messageFor);

describe("behaviorbot rows", () => {
  it("are well formed", () => checkRows([...openingCases, ...recordCases, ...mergeCases, ...messageCases] as PeerCase<unknown, unknown>[]));
});
