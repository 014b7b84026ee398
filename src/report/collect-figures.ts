import type { StewardConfig } from "../config/schema.js";
import { collectConversionFigures } from "../conversion/collect-conversion-figures.js";
import { collectCommunityFigures } from "../metrics/collect-community-figures.js";
import { collectHealthFigures } from "../metrics/health/collect-health-figures.js";
import { collectResponseFigures } from "../sla/collect-response-figures.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { collectContributorFigures } from "../welcome/collect-contributor-figures.js";
import type {
  CommunityFigures,
  ContributorFigures,
  ConversionFigures,
  HealthFigures,
  Period,
  ResponseFigures,
  SectionFigures,
} from "../domain/figures.js";

/** Every feature's figures for one repository and period. */
export interface FeatureFigures {
  response: SectionFigures<ResponseFigures>;
  contributors: SectionFigures<ContributorFigures>;
  community: SectionFigures<CommunityFigures>;
  conversion: SectionFigures<ConversionFigures>;
  /** The CHAOSS community health figures (src/metrics/health/). */
  health: SectionFigures<HealthFigures>;
  /** Collectors that failed, as sentences for the digest's problems section. */
  failures: string[];
}

type Collector<T> = (db: DB, repository: RepositoryRecord, period: Period, now: Date, config: StewardConfig) => Promise<T>;

export interface FiguresRequest {
  period: Period;
  /** The period before, for the response section's week-over-week change; null to skip it. */
  previousPeriod: Period | null;
  now: Date;
  config: StewardConfig;
  /** For a command that writes nothing (`steward report`, a dry run): no collector may store anything. */
  readOnly: boolean;
}

/**
 * Reads each feature's figures from the store. A collector that fails makes its section
 * "unavailable" with the reason, and the rest still comes through.
 */
export async function collectFeatureFigures(db: DB, repository: RepositoryRecord, request: FiguresRequest): Promise<FeatureFigures> {
  const failures: string[] = [];
  const section = async <T>(name: string, collect: Collector<T>, withPrevious: boolean): Promise<SectionFigures<T>> => {
    try {
      const current = await collect(db, repository, request.period, request.now, request.config);
      const before = withPrevious ? request.previousPeriod : null;
      const previous = before ? await collect(db, repository, before, before.end, request.config) : null;
      return { status: "ok", current, previous };
    } catch (error) {
      const reason = `the ${name} figures could not be computed (${(error as Error).message})`;
      failures.push(`Steward: ${reason}`);
      return { status: "unavailable", reason };
    }
  };
  return {
    response: await section("response", collectResponseFigures, true),
    contributors: await section("contributor", collectContributorFigures, false),
    community: await section("community", collectCommunityFigures, false),
    conversion: await section("conversion", (...args) => collectConversionFigures(...args, { readOnly: request.readOnly }), false),
    health: await section("community health", collectHealthFigures, false),
    failures,
  };
}
