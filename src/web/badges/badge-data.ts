import { createHash } from "node:crypto";
import type { StewardConfig } from "../../config/schema.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import { collectResponseFigures } from "../../sla/collect-response-figures.js";
import type { DB } from "../../store/db.js";
import { findRepository, listActiveRepositories } from "../../store/installations.js";
import { badgeFor, BADGE_KINDS, type BadgeKind } from "./badge-values.js";
import { renderBadge } from "./badge-svg.js";

/** How far back a badge looks. */
export const BADGE_WINDOW_MS = 30 * 24 * 3_600_000;

/** One rendered badge and its strong validator. */
export interface RenderedBadge {
  body: string;
  etag: string;
}

export type RepositoryBadges = Record<BadgeKind, RenderedBadge>;

export interface BadgeDataDeps {
  db: DB;
  now: () => Date;
  /** The repository's steward.yml configuration (its response goal); see badgeRoutes. */
  configFor: (repository: RepositoryRecord) => StewardConfig | Promise<StewardConfig>;
}

/**
 * The repository Steward serves under this name (any case, as GitHub matches names), if a badge may
 * show it: public, and its installation not suspended (its owner asked Steward to stay quiet).
 * Every other case is the same undefined, so a badge URL cannot tell a private repository from
 * one Steward never heard of.
 */
export async function badgeRepository(db: DB, fullName: string): Promise<RepositoryRecord | undefined> {
  const repository = await findRepository(db, fullName);
  if (!repository || repository.private) return undefined;
  // The store answers suspension only as the list of active repositories; this runs at most once
  // per repository per cache period, and only for served public repositories.
  const active = await listActiveRepositories(db);
  return active.some((r) => r.id === repository.id) ? repository : undefined;
}

/** Both badges of a repository from one reading of its response figures over the last 30 days. */
export async function repositoryBadges(deps: BadgeDataDeps, repository: RepositoryRecord): Promise<RepositoryBadges> {
  const now = deps.now();
  const config = await deps.configFor(repository);
  const period = { start: new Date(now.getTime() - BADGE_WINDOW_MS), end: now };
  const figures = await collectResponseFigures(deps.db, repository, period, now, config);
  const entries = BADGE_KINDS.map((kind) => [kind, rendered(renderBadge(badgeFor(kind, figures)))] as const);
  return Object.fromEntries(entries) as RepositoryBadges;
}

function rendered(body: string): RenderedBadge {
  // A hash of the body: the same badge gets the same validator on every replica and after restarts.
  const hash = createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 32);
  return { body, etag: `"${hash}"` };
}
