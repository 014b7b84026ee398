import type { StewardConfig } from "../../config/schema.js";
import { configProblemSentence } from "../../domain/config.js";
import type { ResponseFigures } from "../../domain/figures.js";
import { collectConversionFigures } from "../../conversion/collect-conversion-figures.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import { collectCommunityFigures } from "../../metrics/collect-community-figures.js";
import { collectResponseFigures } from "../../sla/collect-response-figures.js";
import { loadConfigStatus } from "../../store/config-status.js";
import { listCustomers } from "../../store/customers.js";
import type { DB } from "../../store/db.js";
import { type Lead, listLeads } from "../../store/leads.js";
import { collectContributorFigures } from "../../welcome/collect-contributor-figures.js";
import type { LeadRow, RepositoryView, WaitingRow } from "../view-models.js";
import { waitingStage } from "./waiting-stage.js";
import { daysBefore, weeksEndingAt } from "./weeks.js";

/** The response chart's span: half a year, twice the digest's. */
export const CHART_WEEKS = 26;

export interface RepositoryViewRequest {
  repository: RepositoryRecord;
  config: StewardConfig;
  now: Date;
  /** GitHub's web root, for links to items. */
  githubWeb: string;
  leadsCsvHref: string;
}

/**
 * Everything a repository's page shows. Each past week is read as it was at its end, as its
 * digest read it, so the chart and the digests agree; a section that fails is named in `problems`
 * and the rest still shows.
 */
export async function collectRepositoryView(db: DB, request: RepositoryViewRequest): Promise<RepositoryView> {
  const { repository, config, now } = request;
  const problems: string[] = [];
  const attempt = async <T>(name: string, read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      problems.push(`The ${name} could not be read: ${(error as Error).message}`);
      return null;
    }
  };
  const githubUrl = `${request.githubWeb}/${repository.fullName}`;
  const recentPeriod = daysBefore(now, 30);
  const weeks = weeksEndingAt(now, CHART_WEEKS);

  const recent = await attempt("response figures", () => collectResponseFigures(db, repository, recentPeriod, now, config));
  const responseWeeks =
    (await attempt("weekly response figures", () =>
      sequential(weeks, async (week) => {
        const figures = await collectResponseFigures(db, repository, week, week.end, config, { waiting: false });
        return {
          weekStart: week.start,
          label: week.label,
          medianMs: figures.medianMs,
          p90Ms: figures.p90Ms,
          responses: figures.durations.firstResponse.items,
        };
      }),
    )) ?? [];
  const contributorWeeks =
    (await attempt("contributor figures", () =>
      sequential(weeks, async (week) => ({ week, figures: await collectContributorFigures(db, repository, week, week.end, config) })),
    )) ?? [];
  const recentContributors = await attempt("new contributors", () => collectContributorFigures(db, repository, recentPeriod, now, config));
  const community = await attempt("community figures", () => collectCommunityFigures(db, repository, recentPeriod, now, config));
  const conversion = await attempt("conversion figures", () => collectConversionFigures(db, repository, recentPeriod, now, config));
  const leads = (await attempt("leads", () => listLeads(db, repository.id))) ?? [];
  const customers = (await attempt("customers", () => listCustomers(db, repository.id))) ?? [];
  problems.push(...((await loadConfigStatus(db, repository.id))?.problems ?? []).map(configProblemSentence));

  return {
    fullName: repository.fullName,
    private: repository.private,
    githubUrl,
    goalHours: config.response.goalHours,
    generatedAt: now,
    recent: {
      itemsOpened: recent?.itemsOpened ?? 0,
      shareWithinGoal: recent?.shareWithinGoal ?? null,
      medianMs: recent?.medianMs ?? null,
      p90Ms: recent?.p90Ms ?? null,
    },
    responseWeeks,
    waiting: recent === null ? [] : waitingRows(recent, config.response.atRiskRatio, githubUrl),
    contributors: {
      total: recentContributors?.total ?? 0,
      historyKnown: recentContributors?.historyKnown ?? false,
      weeks: contributorWeeks.map(({ week, figures }) => ({
        weekStart: week.start,
        label: week.label,
        newContributors: figures.newContributors.length,
        returningContributors: figures.returningContributors,
      })),
      newcomers: [...(recentContributors?.newContributors ?? [])]
        .sort((a, b) => b.firstContributedAt.getTime() - a.firstContributedAt.getTime())
        .map(({ login, number, firstContributedAt }) => ({ login, number, firstContributedAt })),
    },
    stars: community?.stars.now ?? 0,
    activeMembers: community?.activeMembers.now ?? 0,
    milestones: community?.milestones ?? [],
    funnel: conversion?.funnel ?? [],
    leads: toLeadRows(leads, githubUrl),
    leadsCsvHref: request.leadsCsvHref,
    customers: customers.map((c) => ({ company: c.company, plan: c.plan, mrrUsd: c.mrrCents / 100, since: c.since })),
    problems,
  };
}

/** One at a time: a page's reads should not take every pooled connection at once. */
async function sequential<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await read(item));
  return results;
}

/** The items waiting now, longest wait first, each judged against its own kind's goal. */
function waitingRows(figures: ResponseFigures, atRiskRatio: number, githubUrl: string): WaitingRow[] {
  return [...figures.waiting]
    .sort((a, b) => b.waitedMs - a.waitedMs)
    .map((item) => ({
      number: item.number,
      isPull: item.isPull,
      isDiscussion: item.isDiscussion === true,
      title: item.title,
      author: item.author,
      waitedMs: item.waitedMs,
      // A discussion is held to the issues' goal, as its clock is.
      stage: waitingStage(item, item.isPull ? figures.goalHoursByKind.pullRequests : figures.goalHoursByKind.issues, atRiskRatio),
      url: item.isDiscussion ? `${githubUrl}/discussions/${item.number}` : itemUrlOf(githubUrl, item.number, item.isPull),
    }));
}

/** An item's page on GitHub; GitHub redirects /issues/N to /pull/N, but the right one saves a hop. */
function itemUrlOf(githubUrl: string, number: number, isPull: boolean | null): string {
  return `${githubUrl}/${isPull ? "pull" : "issues"}/${number}`;
}

/** The leads as the page and the CSV show them. */
export function toLeadRows(leads: readonly Lead[], githubUrl: string): LeadRow[] {
  return leads.map((lead) => ({
    login: lead.login,
    company: lead.company,
    terms: lead.terms,
    signals: lead.signals,
    firstSeenAt: lead.firstSeenAt,
    lastSeenAt: lead.lastSeenAt,
    status: lead.status,
    itemNumber: lead.itemNumber,
    itemUrl: lead.itemNumber === null ? null : itemUrlOf(githubUrl, lead.itemNumber, lead.isPull),
  }));
}
