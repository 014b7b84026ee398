import type { OverviewView, PageChrome, RepositoryView, WaitingStage } from "../../src/web/view-models.js";

/** Hand-made view models for the page tests and the rendered samples; every time is fixed. */

export const H = 3_600_000;
const WEEK = 7 * 24 * H;
/** Monday of ISO week 2026-W23; the 26 weeks run to 2026-W48, the week of GENERATED_AT. */
const FIRST_MONDAY = Date.UTC(2026, 5, 1);
export const GENERATED_AT = new Date("2026-11-25T14:05:00Z");

export const signedInChrome = (title: string, trail: PageChrome["trail"] = []): PageChrome => ({
  title,
  user: { login: "maintainer-ann" },
  csrfToken: "tok-123",
  trail,
});

export const signedOutChrome: PageChrome = { title: "Sign in", user: null, csrfToken: null, trail: [] };

export const overviewView: OverviewView = {
  installation: { id: 7, account: "octo-org" },
  generatedAt: GENERATED_AT,
  rows: [
    {
      fullName: "octo-org/widget",
      href: "/dashboard/installations/7/repositories/octo-org/widget",
      private: false,
      shareWithinGoal: 0.8125,
      waitingNow: 3,
      overGoalNow: 1,
      stars: 12_345,
      activeMembers: 1_204,
      nextMilestone: { metric: "stars", current: 12_345, next: 25_000, forecast: new Date("2027-03-12T00:00:00Z") },
      unavailable: null,
    },
    {
      fullName: "octo-org/secret-sauce",
      href: "/dashboard/installations/7/repositories/octo-org/secret-sauce",
      private: true,
      shareWithinGoal: null,
      waitingNow: 0,
      overGoalNow: 0,
      stars: 412,
      activeMembers: 9,
      nextMilestone: { metric: "stars", current: 412, next: 1_000, forecast: null },
      unavailable: null,
    },
    {
      fullName: "octo-org/broken",
      href: "/dashboard/installations/7/repositories/octo-org/broken",
      private: false,
      shareWithinGoal: null,
      waitingNow: 0,
      overGoalNow: 0,
      stars: 0,
      activeMembers: 0,
      nextMilestone: null,
      unavailable: "the database did not answer",
    },
  ],
};

const weekLabel = (i: number) => `2026-W${String(23 + i).padStart(2, "0")}`;

/** A repository with something in every section; a few weeks without responses make gaps. */
export function repositoryView(): RepositoryView {
  const stages: WaitingStage[] = ["over goal", "due soon", "on time"];
  return {
    fullName: "octo-org/widget",
    private: false,
    githubUrl: "https://github.com/octo-org/widget",
    goalHours: 24,
    generatedAt: GENERATED_AT,
    recent: { itemsOpened: 1_234, shareWithinGoal: 0.8, medianMs: 3 * H + 12 * 60_000, p90Ms: 30 * H },
    responseWeeks: Array.from({ length: 26 }, (_, i) => {
      const gap = i === 5 || i === 6 || i === 12;
      return {
        weekStart: new Date(FIRST_MONDAY + i * WEEK),
        label: weekLabel(i),
        medianMs: gap ? null : (2 + (i % 5)) * H,
        p90Ms: gap ? null : (10 + ((i * 7) % 30)) * H,
        responses: gap ? 0 : 3 + (i % 4),
      };
    }),
    waiting: [
      {
        number: 41,
        isPull: false,
        isDiscussion: false,
        title: 'Crash on <script>alert("x")</script> & more',
        author: "newbie",
        waitedMs: 30 * H,
        stage: stages[0]!,
        url: "https://github.com/octo-org/widget/issues/41",
      },
      {
        number: 44,
        isPull: true,
        isDiscussion: false,
        title: "Fix typo in README",
        author: "dana",
        waitedMs: 20 * H,
        stage: stages[1]!,
        url: "https://github.com/octo-org/widget/pull/44",
      },
      {
        number: 45,
        isPull: false,
        isDiscussion: true,
        title: "Question about 'config'",
        author: "eve",
        waitedMs: 2 * H + 5 * 60_000,
        stage: stages[2]!,
        url: "https://github.com/octo-org/widget/discussions/45",
      },
    ],
    contributors: {
      total: 1_042,
      historyKnown: true,
      weeks: Array.from({ length: 26 }, (_, i) => ({
        weekStart: new Date(FIRST_MONDAY + i * WEEK),
        label: weekLabel(i),
        newContributors: i % 3,
        returningContributors: (i * 5) % 7,
      })),
      newcomers: [
        { login: "eve", number: 1_042, firstContributedAt: new Date("2026-11-24T10:00:00Z") },
        { login: "dana<b>", number: null, firstContributedAt: new Date("2026-11-10T10:00:00Z") },
      ],
    },
    stars: 12_345,
    activeMembers: 1_204,
    milestones: [
      {
        metric: "stars",
        current: 12_345,
        previous: 10_000,
        next: 25_000,
        forecast: new Date("2027-03-12T00:00:00Z"),
        crossed: [
          { threshold: 1_000, crossedAt: new Date("2025-01-02T00:00:00Z") },
          { threshold: 10_000, crossedAt: new Date("2026-06-30T00:00:00Z") },
        ],
      },
      { metric: "contributors", current: 1_042, previous: 1_000, next: 5_000, forecast: null, crossed: [] },
      { metric: "mrr", current: 4_000, previous: 1_000, next: null, forecast: null, crossed: [] },
    ],
    funnel: [
      { stage: "stargazers", count: 12_400, rateFromPrevious: null, base: null, rate: null },
      { stage: "participants", count: 900, rateFromPrevious: 900 / 12_400, base: "stargazers", rate: 900 / 12_400 },
      { stage: "leads", count: 3, rateFromPrevious: 3 / 900, base: "participants", rate: 3 / 900 },
    ],
    leads: [
      {
        login: "cto-bob",
        company: '=HYPERLINK("http://evil")',
        terms: ["enterprise", "SSO"],
        signals: 4,
        firstSeenAt: new Date("2026-09-01T08:00:00Z"),
        lastSeenAt: new Date("2026-11-20T09:30:00Z"),
        status: "open",
        itemUrl: "https://github.com/octo-org/widget/issues/34",
        itemNumber: 34,
      },
      {
        login: "buyer",
        company: null,
        terms: ["on-prem"],
        signals: 1,
        firstSeenAt: new Date("2026-10-01T08:00:00Z"),
        lastSeenAt: new Date("2026-10-01T08:00:00Z"),
        status: "converted",
        itemUrl: null,
        itemNumber: null,
      },
    ],
    leadsCsvHref: "/dashboard/installations/7/repositories/octo-org/widget/leads.csv",
    customers: [
      { company: "Acme & Sons", plan: "Enterprise", mrrUsd: 2_500, since: new Date("2026-02-01T00:00:00Z") },
      { company: "Globex", plan: "Team", mrrUsd: 1_500.5, since: new Date("2026-07-15T00:00:00Z") },
    ],
    problems: ["The stars history is still being read (backfill 40% done)."],
  };
}

/** A repository Steward has just started on: every section empty. */
export function emptyRepositoryView(): RepositoryView {
  const full = repositoryView();
  return {
    ...full,
    private: true,
    recent: { itemsOpened: 0, shareWithinGoal: null, medianMs: null, p90Ms: null },
    responseWeeks: full.responseWeeks.map((w) => ({ ...w, medianMs: null, p90Ms: null, responses: 0 })),
    waiting: [],
    contributors: {
      total: 0,
      historyKnown: false,
      weeks: full.contributors.weeks.map((w) => ({ ...w, newContributors: 0, returningContributors: 0 })),
      newcomers: [],
    },
    stars: 0,
    activeMembers: 0,
    milestones: [],
    funnel: [],
    leads: [],
    customers: [],
    problems: [],
  };
}
