import type { Activity } from "../sandbox/index.js";
import { DEMO_REPO } from "./demo-world.js";
import { createRandom } from "./random.js";

/** One thing that happens at a time: community activity, replayed as signed webhooks. */
export interface DemoStep {
  at: Date;
  what: string;
  run(activity: Activity, numbers: Map<string, number>): Promise<void>;
}

const HOUR = 3_600_000;
/** The demo's one discussion, under this key in the numbers map (run-demo prints it). */
export const DISCUSSION_KEY = "rui-discussion";
const DAY = 24 * HOUR;
const r = DEMO_REPO;

/**
 * Three weeks of a project's life after installing Steward. Scripted people show each feature:
 * newcomers answered fast and late, one never; a first PR merged (a founding contributor) and the
 * tenth contributor; a bot's PR; a company asking for SSO; a follow-up left unanswered; a
 * maintainer's `/steward snooze`; a Q&A discussion answered late, after its reminders. Around
 * them, stars and a few other issues, seeded so every run tells the same story.
 */
export function demoTimeline(start: Date): DemoStep[] {
  const steps: DemoStep[] = [];
  const at = (day: number, hour: number) => new Date(start.getTime() + day * DAY + hour * HOUR);
  const step = (day: number, hour: number, what: string, run: DemoStep["run"]) => steps.push({ at: at(day, hour), what, run });
  const open =
    (key: string, user: string, title: string, body: string, extra: { pull?: boolean } = {}) =>
    async (a: Activity, numbers: Map<string, number>, when: Date) => {
      const acted = extra.pull ? await a.openPullRequest(r, { user, title, at: when }) : await a.openIssue(r, { user, title, body, at: when });
      numbers.set(key, acted.record.number);
    };
  const n = (numbers: Map<string, number>, key: string) => {
    const value = numbers.get(key);
    if (value === undefined) throw new Error(`demo: no item "${key}" yet`);
    return value;
  };

  step(0, 10, "noor opens her first issue", (a, m) =>
    open("noor", "noor", "Crash when the config file is empty", "It throws on start.")(a, m, at(0, 10)),
  );
  step(0, 13, "maya answers noor within 3 hours", (a, m) =>
    a.comment(r, n(m, "noor"), { user: "maya", body: "Thanks! Fixed on main.", at: at(0, 13) }).then(() => {}),
  );
  step(1, 9, "li-wei opens an issue nobody answers", (a, m) =>
    open("li-wei", "li-wei", "Docs: the install page 404s", "The link in the README is broken.")(a, m, at(1, 9)),
  );
  step(2, 11, "sam-k opens his first pull request", (a, m) => open("sam-k-pr", "sam-k", "Add a --verbose flag", "", { pull: true })(a, m, at(2, 11)));
  step(2, 16, "omar reviews it", (a, m) =>
    a.review(r, n(m, "sam-k-pr"), { user: "omar", state: "APPROVED", body: "Nice, thanks!", at: at(2, 16) }).then(() => {}),
  );
  step(3, 10, "omar merges sam-k's first PR", (a, m) => a.mergePullRequest(r, n(m, "sam-k-pr"), { by: "omar", at: at(3, 10) }).then(() => {}));
  step(3, 12, "dependabot opens a PR", (a, m) =>
    open("bot-pr", "dependabot[bot]", "Bump lodash from 4.17.20 to 4.17.21", "", { pull: true })(a, m, at(3, 12)),
  );
  step(3, 15, "maya merges the bot's PR", (a, m) => a.mergePullRequest(r, n(m, "bot-pr"), { by: "maya", at: at(3, 15) }).then(() => {}));
  step(4, 14, "jordan from Globex asks about SSO", (a, m) =>
    open(
      "jordan",
      "jordan-globex",
      "SSO and SAML for an enterprise rollout?",
      "We would like to roll widget out to 2,000 people. We need SSO (SAML) and an audit log; is there pricing for a support contract?",
    )(a, m, at(4, 14)),
  );
  step(5, 20, "maya answers jordan, 30 hours later", (a, m) =>
    a
      .comment(r, n(m, "jordan"), { user: "maya", body: "Yes: SAML is on the roadmap for the enterprise edition. Let's talk.", at: at(5, 20) })
      .then(() => {}),
  );
  step(6, 9, "noor comes back on her issue", (a, m) =>
    a.comment(r, n(m, "noor"), { user: "noor", body: "Still happens with an empty file that has a BOM.", at: at(6, 9) }).then(() => {}),
  );
  step(8, 10, "ana-b opens her first PR", (a, m) => open("ana-pr", "ana-b", "Fix a typo in the CLI help", "", { pull: true })(a, m, at(8, 10)));
  step(8, 15, "maya merges it: contributor number nine", (a, m) =>
    a.mergePullRequest(r, n(m, "ana-pr"), { by: "maya", at: at(8, 15) }).then(() => {}),
  );
  step(9, 10, "kenji opens his first PR", (a, m) => open("kenji-pr", "kenji", "Support YAML anchors in config", "", { pull: true })(a, m, at(9, 10)));
  step(10, 12, "omar merges it: the tenth contributor", (a, m) =>
    a.mergePullRequest(r, n(m, "kenji-pr"), { by: "omar", at: at(10, 12) }).then(() => {}),
  );
  step(15, 11, "sam-k comes back with a second PR", (a, m) => open("sam-k-pr2", "sam-k", "Add --quiet too", "", { pull: true })(a, m, at(15, 11)));
  step(15, 18, "omar merges it", (a, m) => a.mergePullRequest(r, n(m, "sam-k-pr2"), { by: "omar", at: at(15, 18) }).then(() => {}));
  // Nobody answers rui for 29 hours: the six-hourly sweep reminds at risk, then breached.
  step(16, 9, "rui asks in the Q&A discussions: his first discussion", async (a, m) => {
    const acted = await a.openDiscussion(r, { user: "rui", title: "Can widget run behind a proxy?", category: "Q&A", at: at(16, 9) });
    m.set(DISCUSSION_KEY, acted.record.number);
  });
  step(17, 14, "omar answers rui's discussion, late", async (a, m) => {
    const number = n(m, DISCUSSION_KEY);
    const answer = await a.commentOnDiscussion(r, number, { user: "omar", body: "Yes: set HTTPS_PROXY.", at: at(17, 14) });
    await a.markDiscussionAnswer(r, number, answer.record.id, { by: "rui", at: at(17, 15) });
  });
  step(19, 16, "tomas opens an issue late in the week", (a, m) =>
    open("tomas", "tomas", "Windows paths with spaces", "Paths with spaces fail on Windows.")(a, m, at(19, 16)),
  );
  step(19, 18, "maya snoozes tomas's issue: she is on it, no reminders for two days", (a, m) =>
    a.comment(r, n(m, "tomas"), { user: "maya", body: "/steward snooze 2d", at: at(19, 18) }).then(() => {}),
  );
  backgroundActivity(start, steps);
  return steps.sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** Stars every day, a fork now and then, and community questions answered in a few hours to two days. */
function backgroundActivity(start: Date, steps: DemoStep[]): void {
  const random = createRandom(42);
  let fan = 400;
  for (let day = 0; day < 21; day++) {
    const stars = random.between(2, 9);
    for (let i = 0; i < stars; i++) {
      const login = `fan-${++fan}`;
      const when = new Date(start.getTime() + day * DAY + random.between(0, 23) * HOUR + random.between(0, 59) * 60_000);
      steps.push({ at: when, what: `${login} stars the repository`, run: (a) => a.star(r, login, when).then(() => {}) });
    }
    if (random.next() < 0.25) {
      const forker = `forker-${day}`;
      const when = new Date(start.getTime() + day * DAY + 20 * HOUR);
      steps.push({ at: when, what: `${forker} forks`, run: (a) => a.fork(r, forker, when).then(() => {}) });
    }
    if (day % 3 === 1 && day < 19) {
      const user = `user-${day}`;
      const key = `question-${day}`;
      const opened = new Date(start.getTime() + day * DAY + 8 * HOUR);
      const answered = new Date(opened.getTime() + random.between(1, 40) * HOUR);
      const answerer = random.next() < 0.7 ? "maya" : "omar";
      steps.push({
        at: opened,
        what: `${user} asks a question`,
        run: async (a, m) => {
          m.set(key, (await a.openIssue(r, { user, title: `How do I configure option ${day}?`, body: "Thanks!", at: opened })).record.number);
        },
      });
      steps.push({
        at: answered,
        what: `a maintainer answers ${user}`,
        run: async (a, m) => {
          const number = m.get(key);
          if (number !== undefined) await a.comment(r, number, { user: answerer, body: "Like this.", at: answered });
        },
      });
    }
  }
}
