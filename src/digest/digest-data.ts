import type { StewardConfig } from "../config/schema.js";
import type { CommunityFigures, ContributorFigures, ConversionFigures, ResponseFigures } from "../report/figures.js";
import type { DigestWeek } from "./digest-week.js";

/** A section's figures for the digest week and the week before, or why it has none yet. */
export type SectionFigures<T> =
  | { status: "ok"; current: T; previous: T | null }
  | { status: "unavailable"; reason: string };

/** Everything one digest shows, collected from the store; rendering it needs nothing else. */
export interface DigestData {
  repository: { fullName: string; private: boolean };
  week: Pick<DigestWeek, "key" | "title" | "period">;
  config: StewardConfig;
  response: SectionFigures<ResponseFigures>;
  contributors: SectionFigures<ContributorFigures>;
  community: SectionFigures<CommunityFigures>;
  conversion: SectionFigures<ConversionFigures>;
  /** What Steward noticed: a broken steward.yml, a missing permission, a paused backfill. */
  problems: string[];
  /** The digest before this one, linked at the end. */
  previousDigest: { week: string; issueNumber: number } | null;
}
