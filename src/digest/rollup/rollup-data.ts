import type { Change } from "../../domain/figures.js";
import type { DigestWeek } from "../digest-week.js";
import type { OrganizationContributors } from "./org-people.js";

/** One repository's row of the roll-up table; a null figure is one its collector could not give. */
export interface RollupRow {
  fullName: string;
  /** Community items opened in the week and decided (answered, or past the goal), and of those answered within it. */
  response: { decided: number; withinGoal: number } | null;
  waiting: number | null;
  newContributors: number | null;
  stars: Change | null;
}

/** Everything one roll-up issue shows; rendering it needs nothing else. */
export interface RollupData {
  /** The roll-up repository, as GitHub showed it: its visibility decides whether leads are named. */
  repository: { fullName: string; private: boolean };
  /** The installation's account, e.g. `acme`. */
  organization: string;
  week: Pick<DigestWeek, "key" | "title">;
  rows: RollupRow[];
  contributors: OrganizationContributors;
  /** Distinct people among the leads seen in the week, with the repositories they were seen in. */
  leads: Array<{ login: string; repositories: string[] }>;
  problems: string[];
  previous: { week: string; issueNumber: number } | null;
}
