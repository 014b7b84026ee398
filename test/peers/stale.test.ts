/**
 * actions/stale's documented cases, run through Steward. The two tools do different jobs (stale
 * labels and closes inactive items; Steward holds the project to a first response), so the
 * comparison maps stale's notions onto Steward's nearest ones:
 *
 * - stale's label, taken off when the item is updated, is Steward's waiting-for-author label,
 *   taken off when the author replies (`waitingLabelToRemove`, `response.removeWaitingLabelOnReply`);
 * - "marked stale after N days" is Steward's breached reminder being due (`dueReminder` over
 *   `computeResponseClock`) with a goal of N days;
 * - exempt labels and drafts are Steward's `response.exemptLabels` and draft handling;
 * - stale's inputs are Steward's steward.yml fields (`validateConfig`).
 */
import { describe, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { dueReminder } from "../../src/sla/due-reminder.js";
import { offClockSpans } from "../../src/sla/off-clock-spans.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { waitingLabelToRemove } from "../../src/sla/waiting-label.js";
import { type Actor, at, checkRows, config, DAY, facts, HOUR, issue, maintainer, type PeerCase, peerTable, pull } from "./peer-cases.js";

const REPO = "actions/stale";
const MAIN = `${REPO} __tests__/main.spec.ts`;
const WHEN_UPDATED = `${REPO} __tests__/remove-stale-when-updated.spec.ts`;
const WHEN_COMMENTED = `${REPO} __tests__/remove-stale-when-commented.spec.ts`;
const BOT_UPDATES = `${REPO} __tests__/ignore-bot-updates.spec.ts`;
const RESET = `${REPO} __tests__/updates-reset-stale.spec.ts`;

interface ClockInput {
  item: ClockItem;
  events: ClockEvent[];
  yml?: Record<string, unknown>;
  now: string;
}

const author: Actor = { login: "newcomer", association: "NONE" };
const maya = maintainer("maya");
const { comment, reviewComment, labeled, other } = facts;

/** Whether Steward takes the waiting-for-author label off now. */
function labelComesOff({ item, events, yml, now }: ClockInput): boolean {
  const steward = config(yml);
  return waitingLabelToRemove(item, computeResponseClock(item, events, steward, at(now)), steward) !== null;
}

const WAITING = "waiting-for-author";
const NOW = "2023-01-04T00:00:00Z";

/** A community item carrying the waiting label since a maintainer put it on (Jan 2), then `after` happened. */
function waitingItem(kind: "issue" | "pull", after: ClockEvent[], overrides: Partial<ClockItem> = {}, label = WAITING): Omit<ClockInput, "yml"> {
  const make = kind === "issue" ? issue : pull;
  return {
    item: make({ labels: [label], updatedAt: at("2023-01-03T00:00:00Z"), ...overrides }),
    events: [labeled("2023-01-02T00:00:00Z", label, maya, kind === "pull"), ...after],
    now: NOW,
  };
}

const authorReplies = [comment("2023-01-03T00:00:00Z", author)];
const keepLabel = { response: { removeWaitingLabelOnReply: false } };
const ONE_SWITCH = "Steward has one switch (response.removeWaitingLabelOnReply) for issues and pull requests alike";

const labelCases: PeerCase<ClockInput, boolean>[] = [
  {
    name: "label removal switched off: an issue keeps the label",
    source: `${WHEN_UPDATED}: remove-stale-when-updated disabled, should not remove the stale label on the issue`,
    input: { ...waitingItem("issue", authorReplies), yml: keepLabel },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "label removal switched off: a pull request keeps the label",
    source: `${WHEN_UPDATED}: remove-stale-when-updated disabled, should not remove the stale label on the pull request`,
    input: { ...waitingItem("pull", authorReplies), yml: keepLabel },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "label removal switched on: the issue loses the label",
    source: `${WHEN_UPDATED}: remove-stale-when-updated enabled, should remove the stale label on the issue`,
    input: waitingItem("issue", authorReplies),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "label removal switched on: the pull request loses the label",
    source: `${WHEN_UPDATED}: remove-stale-when-updated enabled, should remove the stale label on the pull request`,
    input: waitingItem("pull", authorReplies),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "removal switched on for issues only: an issue",
    source: `${WHEN_UPDATED}: remove-stale-when-updated disabled, remove-issue-stale-when-updated enabled, should remove the stale label on the issue`,
    input: { ...waitingItem("issue", authorReplies), yml: keepLabel },
    peerExpects: true,
    stewardGives: false,
    difference: ONE_SWITCH,
  },
  {
    name: "removal switched on for issues only: a pull request",
    source: `${WHEN_UPDATED}: remove-stale-when-updated disabled, remove-issue-stale-when-updated enabled, should not remove the stale label on the pull request`,
    input: { ...waitingItem("pull", authorReplies), yml: keepLabel },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "removal switched on for pull requests only: a pull request",
    source: `${WHEN_UPDATED}: remove-stale-when-updated disabled, remove-pr-stale-when-updated enabled, should remove the stale label on the pull request`,
    input: { ...waitingItem("pull", authorReplies), yml: keepLabel },
    peerExpects: true,
    stewardGives: false,
    difference: ONE_SWITCH,
  },
  {
    name: "removal on comment switched off",
    source: `${WHEN_COMMENTED}: remove-stale-when-commented disabled, should not remove the stale label on the issue`,
    input: { ...waitingItem("issue", authorReplies), yml: keepLabel },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "removal on comment switched on",
    source: `${WHEN_COMMENTED}: remove-stale-when-commented enabled, should remove the stale label on the pull request`,
    input: waitingItem("pull", authorReplies),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "the author answers with a review comment on the pull request",
    source: `${WHEN_UPDATED}: remove-stale-when-updated enabled (any update of the pull request)`,
    input: waitingItem("pull", [reviewComment("2023-01-03T00:00:00Z", author)]),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "someone other than the author comments",
    source: `${MAIN}: stale label should be removed if a comment was added to a stale issue (a comment by "notme")`,
    input: waitingItem("issue", [comment("2023-01-03T00:00:00Z", { login: "notme", association: "NONE" })]),
    peerExpects: true,
    stewardGives: false,
    difference: "the label waits for the author, so only the author's reply lifts it",
  },
  {
    name: "the tool's own comment",
    source: `${MAIN}: stale label should not be removed if a comment was added by the bot`,
    input: waitingItem("issue", [comment("2023-01-03T00:00:00Z", { login: "steward[bot]", type: "Bot", association: "NONE" })]),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a label name with a space",
    source: `${MAIN}: stale label containing a space should be removed if a comment was added to a stale issue`,
    input: { ...waitingItem("issue", authorReplies, {}, "stat: stale"), yml: { response: { waitingLabel: "stat: stale" } } },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "another bot comments, with ignore-bot-updates",
    source: `${BOT_UPDATES}: bot activity does not remove the stale label when ignore-bot-updates is enabled`,
    input: waitingItem("issue", [comment("2023-01-03T00:00:00Z", { login: "some-app[bot]", type: "Bot", association: "NONE" })]),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "another bot comments, by default",
    source: `${BOT_UPDATES}: default behavior is unchanged when ignore-bot-updates is disabled`,
    input: waitingItem("issue", [comment("2023-01-03T00:00:00Z", { login: "some-app[bot]", type: "Bot", association: "NONE" })]),
    peerExpects: true,
    stewardGives: false,
    difference: "bots never count: a bot's comment is no reply from the author",
  },
  {
    name: "a maintainer adds another label",
    source: `${BOT_UPDATES}: human labeling still removes the stale label when ignore-bot-updates is enabled`,
    input: waitingItem("issue", [labeled("2023-01-03T00:00:00Z", "priority", maya)]),
    peerExpects: true,
    stewardGives: false,
    difference: "a label is no reply from the author",
  },
  {
    name: "the author pushes a commit to the pull request",
    source: `${BOT_UPDATES}: a commit pushed after the stale marking blocks closing a PR when ignore-bot-updates is enabled`,
    input: waitingItem("pull", [other("pull_request.synchronize", "2023-01-03T00:00:00Z", author)]),
    peerExpects: true,
    stewardGives: false,
    difference: "a reply is a comment, review or review comment; a push is not one (the author may still be working)",
  },
  {
    name: "a closed issue keeps its label",
    source: `${MAIN}: stale closed issues will not be closed (closed items are left alone)`,
    input: waitingItem("issue", authorReplies, { state: "closed", closedAt: at("2023-01-03T12:00:00Z") }),
    peerExpects: false,
    stewardGives: false,
  },
];

/** Whether Steward's breached reminder is due now: the nearest thing to "marked stale". */
function markedStale({ item, events, yml, now }: ClockInput): boolean {
  const steward = config(yml);
  return dueReminder(item, computeResponseClock(item, events, steward, at(now)), at(now))?.kind === "breached";
}

const STALE_NOW = "2023-03-01T00:00:00Z";
const before = (ms: number) => new Date(at(STALE_NOW).getTime() - ms);
const isoBefore = (ms: number) => before(ms).toISOString();

/** An item opened `age` ago, judged now; the goal is given in days as stale's options are. */
function aged(kind: "issue" | "pull", age: number, goalDays: number, overrides: Partial<ClockItem> = {}, events: ClockEvent[] = []): ClockInput {
  const make = kind === "issue" ? issue : pull;
  return {
    item: make({ createdAt: before(age), updatedAt: before(age), ...overrides }),
    events,
    yml: { response: { goalHours: goalDays * 24 } },
    now: STALE_NOW,
  };
}

const withYml = (input: ClockInput, response: Record<string, unknown>): ClockInput => ({
  ...input,
  yml: { response: { ...(input.yml?.response as object), ...response } },
});

const RESET_REASON = "only a maintainer's response stops Steward's clock; other activity on the item does not restart it";

const staleCases: PeerCase<ClockInput, boolean>[] = [
  {
    name: "an issue opened 2 days ago, stale after 3 days",
    source: `${MAIN}: processing an issue opened since 2 days and with the option "daysBeforeIssueStale" at 3 will not make it stale`,
    input: aged("issue", 2 * DAY, 3),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue opened 2 days ago, stale after 2 days",
    source: `${MAIN}: processing an issue opened since 2 days and with the option "daysBeforeIssueStale" at 2 will make it stale`,
    input: aged("issue", 2 * DAY, 2),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 2 days ago, stale after 1 day",
    source: `${MAIN}: processing an issue opened since 2 days and with the option "daysBeforeIssueStale" at 1 will make it stale`,
    input: aged("issue", 2 * DAY, 1),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 1 hour ago, stale after 4 hours",
    source: `${MAIN}: processing an issue opened since 1 hour and with the option "daysBeforeIssueStale" at 0.1666666667 (4 hours) will not make it stale`,
    input: aged("issue", HOUR, 4 / 24),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue opened 4 hours ago, stale after 4 hours",
    source: `${MAIN}: processing an issue opened since 4 hours and with the option "daysBeforeIssueStale" at 0.1666666667 (4 hours) will make it stale`,
    input: aged("issue", 4 * HOUR, 4 / 24),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 5 hours ago, stale after 4 hours",
    source: `${MAIN}: processing an issue opened since 5 hours and with the option "daysBeforeIssueStale" at 0.1666666667 (4 hours) will make it stale`,
    input: aged("issue", 5 * HOUR, 4 / 24),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a pull request opened 2 days ago, stale after 3 days",
    source: `${MAIN}: processing a pull request opened since 2 days and with the option "daysBeforePrStale" at 3 will not make it stale`,
    input: aged("pull", 2 * DAY, 3),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a pull request opened 2 days ago, stale after 2 days",
    source: `${MAIN}: processing a pull request opened since 2 days and with the option "daysBeforePrStale" at 2 will make it stale`,
    input: aged("pull", 2 * DAY, 2),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a pull request opened 4 hours ago, stale after 4 hours",
    source: `${MAIN}: processing a pull request opened since 4 hours and with the option "daysBeforePrStale" at 0.1666666667 (4 hours) will make it stale`,
    input: aged("pull", 4 * HOUR, 4 / 24),
    peerExpects: true,
    stewardGives: true,
  },
  {
    // Steward's per-kind goals: response.issues.goalHours over response.goalHours.
    name: "issues stale after 2 days, everything else after 10: an issue opened 2 days ago",
    source: `${MAIN}: daysBeforeStale 10, daysBeforeIssueStale 2 (the issue variant)`,
    input: withYml(aged("issue", 2 * DAY, 10), { issues: { goalHours: 48 } }),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "issues stale after 2 days, everything else after 10: a pull request opened 2 days ago",
    source: `${MAIN}: daysBeforeStale 10, daysBeforeIssueStale 2 (a pull request keeps days-before-stale)`,
    input: withYml(aged("pull", 2 * DAY, 10), { issues: { goalHours: 48 } }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue with an exempt label",
    source: `${MAIN}: exempt issue labels will not be marked stale`,
    input: withYml(aged("issue", 30 * DAY, 1, { labels: ["Exempt"] }), { exemptLabels: ["Exempt"] }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue with one of several exempt labels",
    source: `${MAIN}: exempt issue labels will not be marked stale (multi issue label)`,
    input: withYml(aged("issue", 30 * DAY, 1, { labels: ["Cool"] }), { exemptLabels: ["Exempt", "Cool", "None"] }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    // Steward's per-kind exempt labels: response.issues.exemptLabels applies to issues only.
    name: "a label exempting issues does not exempt a pull request",
    source: `${MAIN}: exempt pr labels will not be marked stale (the PR with an exempt issue label is still processed)`,
    input: withYml(aged("pull", 30 * DAY, 1, { labels: ["Cool"] }), { issues: { exemptLabels: ["Cool"] } }),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a draft pull request with exempt-draft-pr",
    source: `${REPO} __tests__/exempt-draft-pr.spec.ts: exempt-draft-pr enabled, should not stale the pull request`,
    input: aged("pull", 30 * DAY, 1, { draft: true }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a draft pull request without exempt-draft-pr (stale's default)",
    source: `${REPO} __tests__/exempt-draft-pr.spec.ts: exempt-draft-pr disabled, should stale the pull request`,
    input: aged("pull", 30 * DAY, 1, { draft: true }),
    peerExpects: true,
    stewardGives: false,
    difference: "a draft asks for no review yet, so it is off the clock unless response.draftsOnClock",
  },
  {
    name: "a draft pull request with response.draftsOnClock",
    source: `${REPO} __tests__/exempt-draft-pr.spec.ts: exempt-draft-pr disabled, should stale the pull request`,
    input: withYml(aged("pull", 30 * DAY, 1, { draft: true }), { draftsOnClock: true }),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 20 days ago, the author commented 5 days ago, stale after 10 days",
    source: `${RESET}: created 20 days ago and updated 5 days ago, activities reset stale (the default), should not stale the issue`,
    input: aged("issue", 20 * DAY, 10, {}, [comment(isoBefore(5 * DAY), author)]),
    peerExpects: false,
    stewardGives: true,
    difference: RESET_REASON,
  },
  {
    name: "the same issue with ignore-updates",
    source: `${RESET}: created 20 days ago and updated 5 days ago, activities reset stale disabled, should stale the issue`,
    input: aged("issue", 20 * DAY, 10, {}, [comment(isoBefore(5 * DAY), author)]),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 20 days ago, updated 15 days ago, stale after 10 days",
    source: `${RESET}: created 20 days ago and updated 15 days ago, should stale the issue`,
    input: aged("issue", 20 * DAY, 10, {}, [comment(isoBefore(15 * DAY), author)]),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a pull request opened 20 days ago, the author left a review comment 5 days ago, stale after 10 days",
    source: `${RESET}: pull request created 20 days ago and updated 5 days ago, activities reset stale, should not stale the pull request`,
    input: aged("pull", 20 * DAY, 10, {}, [reviewComment(isoBefore(5 * DAY), author)]),
    peerExpects: false,
    stewardGives: true,
    difference: RESET_REASON,
  },
  {
    name: "the same pull request with ignore-updates",
    source: `${RESET}: pull request created 20 days ago and updated 5 days ago, activities reset stale disabled, should stale the pull request`,
    input: aged("pull", 20 * DAY, 10, {}, [reviewComment(isoBefore(5 * DAY), author)]),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened 20 days ago that a maintainer answered 5 days ago",
    source: `${RESET}: created 20 days ago and updated 5 days ago, should not stale the issue (the update is a maintainer's comment)`,
    input: aged("issue", 20 * DAY, 10, {}, [comment(isoBefore(5 * DAY), maya)]),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a closed issue",
    source: `${MAIN}: closed issues will not be marked stale`,
    input: aged("issue", 30 * DAY, 1, { state: "closed", closedAt: before(DAY) }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a closed pull request",
    source: `${MAIN}: closed prs will not be marked stale`,
    input: aged("pull", 30 * DAY, 1, { state: "closed", closedAt: before(DAY) }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a locked issue",
    source: `${MAIN}: locked issues will not be marked stale`,
    input: aged("issue", 30 * DAY, 1, { locked: true }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a locked pull request",
    source: `${MAIN}: locked prs will not be marked stale`,
    input: aged("pull", 30 * DAY, 1, { locked: true }),
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "an issue in an exempt milestone",
    source: `${MAIN}: an issue with an exempted milestone will not be marked as stale`,
    // Steward's items carry no milestone: the input is the same issue, without it.
    input: aged("issue", 30 * DAY, 1),
    peerExpects: false,
    stewardGives: true,
    difference: "only labels (and drafts) take an item off the clock; a milestone does not",
  },
  {
    name: "include-only-assigned, and nobody is assigned",
    source: `${MAIN}: processing an issue with the "includeOnlyAssigned" option set and no assignees will not stale the issue`,
    input: aged("issue", 30 * DAY, 1),
    peerExpects: false,
    stewardGives: true,
    difference: "every community item is on the clock, assigned or not: an unassigned one needs an answer most",
  },
  {
    name: "include-only-assigned, and someone is assigned",
    source: `${MAIN}: processing an issue with the "includeOnlyAssigned" option and nonempty assignee list will stale the issue`,
    input: aged("issue", 30 * DAY, 1, { assignees: ["assignee1"] }),
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an issue opened by a maintainer",
    source: `${REPO} README (every open issue and PR is processed; exemptions are by label, milestone, assignee or draft)`,
    input: aged("issue", 30 * DAY, 1, { authorLogin: "maya", authorAssociation: "MEMBER" }),
    peerExpects: true,
    stewardGives: false,
    difference: "only community items are on the clock: maintainers do not owe each other a first response",
  },
];

interface ConfigInput {
  yml: Record<string, unknown>;
  field: "goalHours" | "waitingLabel" | "exemptLabels";
}

/** The field as Steward reads it from steward.yml, or where it refuses the file. */
function readField({ yml, field }: ConfigInput): unknown {
  const { config: steward, problems } = validateConfig(yml);
  return problems.length > 0 ? `refused: ${problems[0]!.path}` : steward.response[field];
}

const LABELS_TO_LIST = `${REPO} src/functions/labels-to-list.spec.ts`;

const configCases: PeerCase<ConfigInput, unknown>[] = [
  {
    name: "days-before-stale -1: never stale",
    source: `${MAIN}: processing an issue with no label will not make it stale if days-before-stale is set to -1`,
    input: { yml: { response: { goalHours: -24 } }, field: "goalHours" },
    peerExpects: -24,
    stewardGives: "refused: response.goalHours",
    difference: "a negative goal is a config error; response.enabled: false switches the clock off",
  },
  {
    name: "a fraction of a day (0.1666666667 days, 4 hours)",
    source: `${MAIN}: daysBeforeIssueStale at 0.1666666667 (4 hours)`,
    input: { yml: { response: { goalHours: 4 } }, field: "goalHours" },
    peerExpects: 4,
    stewardGives: 4,
  },
  {
    name: "a label name with a colon and a space",
    source: `${MAIN}: processing a stale issue containing a space in the label will close it ("state: stale")`,
    input: { yml: { response: { waitingLabel: "state: stale" } }, field: "waitingLabel" },
    peerExpects: "state: stale",
    stewardGives: "state: stale",
  },
  {
    name: "a label name with a slash",
    source: `${MAIN}: processing a stale issue containing a slash in the label will close it ("lifecycle/stale")`,
    input: { yml: { response: { waitingLabel: "lifecycle/stale" } }, field: "waitingLabel" },
    peerExpects: "lifecycle/stale",
    stewardGives: "lifecycle/stale",
  },
  {
    name: "exempt labels written as one comma-separated string",
    source: `${MAIN}: exempt issue labels will not be marked stale (multi issue label with spaces: "Exempt, Cool, None")`,
    input: { yml: { response: { exemptLabels: "Exempt, Cool, None" } }, field: "exemptLabels" },
    peerExpects: ["Exempt", "Cool", "None"],
    stewardGives: "refused: response.exemptLabels",
    difference: "steward.yml lists labels as a YAML list, so a label may contain a comma",
  },
  {
    name: "a label with spaces around it",
    source: `${LABELS_TO_LIST}: a label with extra spaces before and after`,
    input: { yml: { response: { exemptLabels: ["   label   "] } }, field: "exemptLabels" },
    peerExpects: ["label"],
    stewardGives: ["label"],
  },
  {
    name: "no exempt labels",
    source: `${LABELS_TO_LIST}: when the given labels is empty`,
    input: { yml: { response: { exemptLabels: [] } }, field: "exemptLabels" },
    peerExpects: [],
    stewardGives: [],
  },
  {
    name: "a label written with %20 is kept as written",
    source: `${LABELS_TO_LIST}: a multiple word label with %20 spaces`,
    input: { yml: { response: { exemptLabels: ["label%20like%20a%20sentence"] } }, field: "exemptLabels" },
    peerExpects: ["label%20like%20a%20sentence"],
    stewardGives: ["label%20like%20a%20sentence"],
  },
];

interface LabelInput {
  itemLabels: string[];
  configured: string;
}

/** Whether Steward sees the configured exempt label on the item. */
function carriesLabel({ itemLabels, configured }: LabelInput): boolean {
  return offClockSpans(issue({ labels: itemLabels }), [], { exemptLabels: [configured], waitingLabel: WAITING }, at(NOW)).exemptNow;
}

const IS_LABELED = `${REPO} src/functions/is-labeled.spec.ts`;
const ACCENTS = "labels match as GitHub names them: capitals do not matter, accents do";

const isLabeledCases: PeerCase<LabelInput, boolean>[] = [
  {
    name: "no label on the item",
    source: `${IS_LABELED}: when the given issue contains no label`,
    input: { itemLabels: [], configured: "label" },
    peerExpects: false,
    stewardGives: false,
  },
  {
    name: "a simple label",
    source: `${IS_LABELED}: when the given issue contains a simple label`,
    input: { itemLabels: ["label"], configured: "label" },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a kebab-case label",
    source: `${IS_LABELED}: when the given issue contains a kebab case label`,
    input: { itemLabels: ["kebab-case-label"], configured: "kebab-case-label" },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a label of several words",
    source: `${IS_LABELED}: when the given issue contains a multiple word label`,
    input: { itemLabels: ["label like a sentence"], configured: "label like a sentence" },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "a label with %20 spaces",
    source: `${IS_LABELED}: when the given issue contains a multiple word label with %20 spaces`,
    input: { itemLabels: ["label%20like%20a%20sentence"], configured: "label%20like%20a%20sentence" },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an accented label, configured with the same accents",
    source: `${IS_LABELED}: when the given issue contains a label with diacritical marks (déjà vu)`,
    input: { itemLabels: ["déjà vu"], configured: "déjà vu" },
    peerExpects: true,
    stewardGives: true,
  },
  {
    name: "an accented label, configured without the accents",
    source: `${IS_LABELED}: when the given issue contains a label with diacritical marks (deja vu)`,
    input: { itemLabels: ["déjà vu"], configured: "deja vu" },
    peerExpects: true,
    stewardGives: false,
    difference: ACCENTS,
  },
  {
    name: "an accented label, configured in capitals without the accents",
    source: `${IS_LABELED}: when the given issue contains an uppercase label (DEJA VU)`,
    input: { itemLabels: ["déjà vu"], configured: "DEJA VU" },
    peerExpects: true,
    stewardGives: false,
    difference: ACCENTS,
  },
  {
    name: "a label configured in other capitals",
    source: `${IS_LABELED}: when the given issue contains an uppercase label (capitals alone)`,
    input: { itemLabels: ["Needs Triage"], configured: "needs triage" },
    peerExpects: true,
    stewardGives: true,
  },
];

peerTable("actions/stale: the stale label and Steward's waiting-for-author label", labelCases, labelComesOff);
peerTable("actions/stale: marked stale and Steward's breached reminder", staleCases, markedStale);
peerTable("actions/stale: options and steward.yml", configCases, readField);
peerTable("actions/stale: whether an item carries a label", isLabeledCases, carriesLabel);

describe("actions/stale rows", () => {
  it("are well formed", () => checkRows([...labelCases, ...staleCases, ...configCases, ...isLabeledCases] as PeerCase<unknown, unknown>[]));
});
