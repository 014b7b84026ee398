import type { TimeInput } from "../model/types.js";
import type { Activity } from "./activity.js";
import type { DeliveryRecord } from "./sender.js";

/** Who plays in the scenario. Everyone but the maintainer is community; the bot is a bot. */
export const SCENARIO_PEOPLE = {
  maintainer: "maya",
  newcomers: ["noor", "li-wei", "sam-k", "tomas", "jordan-globex"],
  /** Her first pull request is merged in week one; she comes back in week two as a CONTRIBUTOR. */
  returning: "rosa",
  bot: "dependabot[bot]",
  /** Asks about SSO and enterprise pricing. */
  lead: "jordan-globex",
  /** Star (and one unstars) without doing anything else. */
  passersBy: ["kofi", "ines", "mateo", "yuki"],
} as const;

export interface ScenarioOptions {
  /** When day 0 starts; the scenario covers the 14 days after it. */
  start: TimeInput;
  /** Default "acme/widget". It must exist in the model and be covered by an installation. */
  repo?: string;
  /** Seeds the minute jitter of the timeline; the same seed plays the same times. */
  seed?: number;
}

export interface ScenarioSummary {
  repo: string;
  /** The first and last event times of the timeline (ISO). */
  start: string;
  end: string;
  /** Every delivery the scenario sent, in order. */
  deliveries: DeliveryRecord[];
  /** Deliveries answered with anything but 2xx (status 0: no answer). */
  failures: DeliveryRecord[];
  /** Deliveries per `event.action` (just `fork` for forks, which have no action). */
  counts: Record<string, number>;
  /** The scenario's issues and pull requests at the end, as the model holds them. */
  items: { openIssues: number; closedIssues: number; openPullRequests: number; closedPullRequests: number };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Plays two weeks of a small project's life through `activity`, every change as a webhook:
 * issues answered fast, late and never; pull requests reviewed, merged and closed; a returning
 * contributor, a bot's dependency bumps, stars, an unstar, a fork and an enterprise lead.
 * Deterministic: the same options on the same starting model give the same payloads (delivery
 * ids aside). Meant for a repository without history: a passer-by who already starred it would
 * make the scenario's star throw.
 */
export async function playScenario(activity: Activity, options: ScenarioOptions): Promise<ScenarioSummary> {
  const a = activity;
  const repo = options.repo ?? "acme/widget";
  const { maintainer: maya, returning: rosa, bot, lead } = SCENARIO_PEOPLE;
  const [noor, liWei, samK, tomas] = SCENARIO_PEOPLE.newcomers;
  const [kofi, ines, mateo, yuki] = SCENARIO_PEOPLE.passersBy;
  setUpPeople(activity, repo);
  const at = timeline(new Date(options.start), prng(options.seed ?? 1));
  const first = at(0, 9);
  const sentBefore = a.sender.deliveries.length;
  const issues: number[] = [];
  const pulls: number[] = [];
  const issue = async (user: string, title: string, when: Date, extra: { body?: string; labels?: string[] } = {}) => {
    const n = (await a.openIssue(repo, { user, title, at: when, ...extra })).record.number;
    issues.push(n);
    return n;
  };
  const pull = async (user: string, title: string, when: Date, extra: { draft?: boolean; labels?: string[] } = {}) => {
    const n = (await a.openPullRequest(repo, { user, title, at: when, ...extra })).record.number;
    pulls.push(n);
    return n;
  };

  // Week one.
  await issue(maya, "Roadmap: v2.0", first, { labels: ["roadmap"] });
  await a.star(repo, noor, at(0, 11));
  const crash = await issue(noor, "Crash when the config file is empty", at(0, 14), { body: "It throws on start." });
  await a.comment(repo, crash, { user: maya, body: "Thanks for the report! Could you share the stack trace?", at: at(0, 17) });
  await a.comment(repo, crash, { user: noor, body: "Here it is: TypeError at loadConfig", at: at(0, 19) });
  await a.closeIssue(repo, crash, { by: maya, at: at(1, 10) });
  const typo = await pull(rosa, "Fix a typo in the README", at(1, 15));
  await a.star(repo, kofi, at(1, 16));
  await a.review(repo, typo, { user: maya, state: "APPROVED", body: "Thank you!", at: at(2, 9) });
  await a.mergePullRequest(repo, typo, { by: maya, at: at(2, 9) });
  const lodash = await pull(bot, "Bump lodash from 4.17.20 to 4.17.21", at(2, 13), { labels: ["dependencies"] });
  await a.mergePullRequest(repo, lodash, { by: maya, at: at(3, 8) });
  await a.star(repo, liWei, at(3, 12));
  await a.fork(repo, liWei, at(3, 12));
  const proxyQuestion = await issue(liWei, "Docs: how do I configure webhooks behind a proxy?", at(3, 16));
  const darkMode = await issue(samK, "Feature request: dark mode for the dashboard", at(4, 10));
  await a.star(repo, ines, at(4, 12));
  const sso = await issue(lead, "SSO (SAML) support and enterprise pricing?", at(5, 11), {
    body: "We would roll this out to 400 engineers. Do you offer SSO, an SLA and a commercial license? What does enterprise pricing look like?",
  });
  await a.comment(repo, sso, { user: maya, body: "Thanks for asking! An enterprise edition is on the roadmap; let's talk.", at: at(5, 15) });
  await a.addLabel(repo, sso, "question", { by: maya, at: at(5, 16) });
  await a.addLabel(repo, darkMode, "enhancement", { by: maya, at: at(6, 10) });
  await a.comment(repo, darkMode, { user: maya, body: "Good idea, we would welcome a pull request.", at: at(6, 11) });
  const proxyDocs = await pull(liWei, "Document the proxy configuration", at(6, 14));

  // Week two.
  const changes = await a.review(repo, proxyDocs, { user: maya, state: "CHANGES_REQUESTED", body: "Almost there.", at: at(7, 10) });
  await a.reviewComment(repo, proxyDocs, {
    user: maya,
    body: "Please link this section from the README.",
    path: "docs/proxy.md",
    line: 12,
    reviewId: changes.record.id,
    at: at(7, 10),
  });
  await a.comment(repo, proxyDocs, { user: liWei, body: "Updated, thanks!", at: at(7, 16) });
  const license = await issue(tomas, "Is the license compatible with commercial use?", at(7, 18));
  await a.comment(repo, license, { user: tomas, body: "Any update on this?", at: at(8, 9) });
  await a.review(repo, proxyDocs, { user: maya, state: "APPROVED", at: at(8, 11) });
  await a.mergePullRequest(repo, proxyDocs, { by: maya, at: at(8, 11) });
  await pull(bot, "Bump vite from 8.3.7 to 8.3.8", at(8, 13), { labels: ["dependencies"] });
  const errors = await pull(rosa, "Improve the error messages for an invalid config", at(9, 10));
  await a.unstar(repo, kofi);
  await a.review(repo, errors, { user: maya, state: "COMMENTED", body: "One nit.", at: at(10, 10) });
  await a.reviewComment(repo, errors, { user: maya, body: "Nit: end the message with a period.", path: "src/config.ts", line: 40, at: at(10, 10) });
  await a.comment(repo, errors, { user: rosa, body: "Done.", at: at(10, 14) });
  await a.mergePullRequest(repo, errors, { by: maya, at: at(11, 9) });
  await pull(noor, "WIP: plugin API", at(11, 15), { draft: true });
  const windows = await pull(tomas, "Add Windows support", at(12, 10));
  await a.star(repo, mateo, at(12, 12));
  await a.comment(repo, darkMode, { user: samK, body: "I could help with this.", at: at(12, 16) });
  await a.comment(repo, windows, { user: maya, body: "Thanks! This is superseded by the plugin API work.", at: at(13, 9) });
  await a.closeIssue(repo, windows, { by: maya, at: at(13, 9) });
  await a.closeIssue(repo, proxyQuestion, { by: maya, at: at(13, 11) });
  const last = at(13, 15);
  await a.star(repo, yuki, last);

  const deliveries = a.sender.deliveries.slice(sentBefore);
  const counts: Record<string, number> = {};
  for (const d of deliveries) {
    const kind = d.action === null ? d.event : `${d.event}.${d.action}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  const state = (n: number) => a.model.getIssue(repo, n)?.state;
  return {
    repo,
    start: first.toISOString(),
    end: last.toISOString(),
    deliveries,
    failures: deliveries.filter((d) => d.status < 200 || d.status > 299),
    counts,
    items: {
      openIssues: issues.filter((n) => state(n) === "open").length,
      closedIssues: issues.filter((n) => state(n) === "closed").length,
      openPullRequests: pulls.filter((n) => state(n) === "open").length,
      closedPullRequests: pulls.filter((n) => state(n) === "closed").length,
    },
  };
}

/** Profiles and the maintainer's standing; membership changes send no ledger webhook, so the model is told directly. */
function setUpPeople(activity: Activity, repo: string): void {
  const { model } = activity;
  const owner = model.repoState(repo).repo.owner;
  const { maintainer, lead, bot } = SCENARIO_PEOPLE;
  if (model.getUser(owner)?.type === "Organization") model.addOrgMember(owner, maintainer);
  else model.addCollaborator(repo, maintainer);
  model.addUser({ login: lead, name: "Jordan Lee", company: "Globex Corporation" });
  model.addUser({ login: bot, type: "Bot" });
}

/**
 * `at(day, hour)`: that hour of that day plus a few seeded minutes, never earlier than the
 * previous step, so the history is in order whatever the jitter.
 */
function timeline(start: Date, random: () => number): (day: number, hour: number) => Date {
  if (Number.isNaN(start.getTime())) throw new Error("scenario: invalid start time");
  // GitHub's timestamps have whole seconds; so must the timeline, or records and payloads disagree.
  const origin = Math.floor(start.getTime() / 1000) * 1000;
  let last = -Infinity;
  return (day, hour) => {
    const wanted = origin + day * DAY + hour * HOUR + Math.floor(random() * 45) * MINUTE;
    last = Math.max(wanted, last + MINUTE);
    return new Date(last);
  };
}

/** mulberry32: a tiny seeded PRNG, so the demo and the tests replay the same times. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
