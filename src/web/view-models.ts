import type { FunnelEntry, MilestoneMetric, MilestoneProgress } from "../domain/figures.js";

/**
 * What each dashboard page shows, collected from the store by web/data/ and rendered by
 * web/pages/ (pure: no store, no clock, no GitHub). Times are `Date`s, durations milliseconds.
 */

/** What every page's frame needs: who is signed in and the token its forms carry. */
export interface PageChrome {
  /** The page's own title (the document title adds " · Steward"). */
  title: string;
  /** Null on the signed-out pages. */
  user: { login: string } | null;
  /** The CSRF token the sign-out form posts; null when signed out. */
  csrfToken: string | null;
  /** Breadcrumbs above the heading, outermost first; the last one is the current page (no link). */
  trail: Array<{ label: string; href: string | null }>;
}

/** The signed-out page: one sign-in button, or why sign-in is not possible here. */
export interface SignInView {
  /** Null when the app's client id and secret are not configured (then `unavailableReason` says so). */
  signInHref: string | null;
  unavailableReason: string | null;
  /** A sign-in that failed just now (state mismatch, code refused), said in one sentence. */
  error: string | null;
}

/** The installations a signed-in user may look at. */
export interface HomeView {
  installations: Array<{ id: number; account: string; repositories: number; href: string }>;
}

/** The next milestone of one metric and when the recent growth reaches it. */
export interface NextMilestone {
  metric: MilestoneMetric;
  current: number;
  next: number;
  forecast: Date | null;
}

/** One line of an installation's overview. */
export interface OverviewRow {
  fullName: string;
  href: string;
  private: boolean;
  /** Share of the last 30 days' decided items answered within the goal; null when none decided. */
  shareWithinGoal: number | null;
  waitingNow: number;
  overGoalNow: number;
  stars: number;
  activeMembers: number;
  /** The nearest next threshold among the milestone metrics (by share of the way there), or null. */
  nextMilestone: NextMilestone | null;
  /** Set when this repository's figures could not be read; the numbers are then zeros. */
  unavailable: string | null;
}

export interface OverviewView {
  installation: { id: number; account: string };
  rows: OverviewRow[];
  generatedAt: Date;
}

/** One ISO week of first responses, Monday 00:00 UTC to the next. */
export interface WeeklyResponsePoint {
  weekStart: Date;
  /** e.g. "2026-W48". */
  label: string;
  medianMs: number | null;
  p90Ms: number | null;
  /** First responses given that week (the sample the two figures are over). */
  responses: number;
}

/** How far an item waiting now is along its clock. */
export type WaitingStage = "on time" | "due soon" | "over goal";

export interface WaitingRow {
  number: number;
  isPull: boolean;
  isDiscussion: boolean;
  title: string;
  author: string;
  waitedMs: number;
  stage: WaitingStage;
  /** Its page on GitHub. */
  url: string;
}

export interface ContributorWeek {
  weekStart: Date;
  label: string;
  newContributors: number;
  returningContributors: number;
}

export interface LeadRow {
  login: string;
  company: string | null;
  /** The interest terms they used, first seen first. */
  terms: string[];
  signals: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  status: "converted" | "open";
  /** The item of their latest signal, on GitHub; null when unknown. */
  itemUrl: string | null;
  itemNumber: number | null;
}

export interface CustomerRow {
  company: string;
  plan: string;
  mrrUsd: number;
  since: Date;
}

/** A repository's page. */
export interface RepositoryView {
  fullName: string;
  private: boolean;
  githubUrl: string;
  goalHours: number;
  generatedAt: Date;
  /** The last 30 days. */
  recent: { itemsOpened: number; shareWithinGoal: number | null; medianMs: number | null; p90Ms: number | null };
  /** 26 weeks, oldest first, the current (partial) week last. */
  responseWeeks: WeeklyResponsePoint[];
  /** Open community items without a first response now, longest wait first. */
  waiting: WaitingRow[];
  contributors: {
    total: number;
    historyKnown: boolean;
    /** 26 weeks, oldest first, as responseWeeks. */
    weeks: ContributorWeek[];
    /** First contributions of the last 30 days, latest first. */
    newcomers: Array<{ login: string; number: number | null; firstContributedAt: Date }>;
  };
  stars: number;
  activeMembers: number;
  milestones: MilestoneProgress[];
  funnel: FunnelEntry[];
  leads: LeadRow[];
  /** Where the leads' CSV downloads from. */
  leadsCsvHref: string;
  customers: CustomerRow[];
  /** Sections that could not be computed, and other problems Steward knows of, as sentences. */
  problems: string[];
}
