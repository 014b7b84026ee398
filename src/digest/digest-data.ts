import type { StewardConfig } from "../config/schema.js";
import type { CommunityFigures, ContributorFigures, ConversionFigures, HealthFigures, ResponseFigures, SectionFigures } from "../domain/figures.js";
import type { DigestWeek } from "./digest-week.js";

export type { SectionFigures };

/** Everything one digest shows, collected from the store; rendering it needs nothing else. */
export interface DigestData {
  repository: { fullName: string; private: boolean };
  week: Pick<DigestWeek, "key" | "title" | "period">;
  config: StewardConfig;
  response: SectionFigures<ResponseFigures>;
  contributors: SectionFigures<ContributorFigures>;
  community: SectionFigures<CommunityFigures>;
  conversion: SectionFigures<ConversionFigures>;
  health: SectionFigures<HealthFigures>;
  /** What Steward noticed: a broken steward.yml, a missing permission, a paused backfill. */
  problems: string[];
  /** The digest before this one, linked at the end. */
  previousDigest: { week: string; issueNumber: number } | null;
}
