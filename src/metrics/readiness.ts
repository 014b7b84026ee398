import type { ReadinessItem } from "../domain/figures.js";

/** Licenses that keep a commercial edition defensible (open core). */
const FAVOURED = new Set(["AGPL-3.0", "AGPL-3.0-ONLY", "AGPL-3.0-OR-LATER", "BUSL-1.1", "BSL-1.1"]);
/** Permissive licenses: anyone may sell the project, a monetization risk. */
const PERMISSIVE = new Set(["MIT", "APACHE-2.0", "BSD-2-CLAUSE", "BSD-3-CLAUSE", "ISC", "0BSD", "UNLICENSE"]);

export const READY_STARS = 1_000;
export const READY_CONTRIBUTORS = 10;
export const READY_RESPONSE_SHARE = 0.9;

export interface ReadinessInput {
  /** SPDX id of the license, null when none was found, undefined when not read yet. */
  license: string | null | undefined;
  /** Community files as GitHub's profile shows them; null for a fork or when not read. */
  profile: { readme: boolean; contributing: boolean; codeOfConduct: boolean; issueTemplate: boolean; pullRequestTemplate: boolean } | null;
  /** Why `profile` is null, for the detail. */
  profileNote: string;
  stars: number;
  contributors: number;
  /** Share of community items answered within the goal in the last 4 weeks; null when none decided. */
  responseShare: number | null;
  /** Why the share is unknown, when it is. */
  responseNote: string;
}

/** The open-core playbook's checklist before charging, each item with its state. Pure. */
export function readinessChecklist(input: ReadinessInput): ReadinessItem[] {
  return [
    licenseItem(input.license),
    fileItem("readme", "README", input.profile?.readme, input.profileNote),
    fileItem("contributing", "CONTRIBUTING guide", input.profile?.contributing, input.profileNote),
    fileItem("code-of-conduct", "Code of conduct", input.profile?.codeOfConduct, input.profileNote),
    fileItem("issue-templates", "Issue templates", input.profile?.issueTemplate, input.profileNote),
    fileItem("pr-template", "Pull request template", input.profile?.pullRequestTemplate, input.profileNote),
    {
      id: "stars-1000",
      label: "1,000+ stars",
      state: input.stars >= READY_STARS ? "met" : "missing",
      detail: `${input.stars} stars`,
    },
    {
      id: "contributors-10",
      label: "10+ contributors",
      state: input.contributors >= READY_CONTRIBUTORS ? "met" : "missing",
      detail: `${input.contributors} contributors`,
    },
    responseItem(input.responseShare, input.responseNote),
  ];
}

function licenseItem(license: string | null | undefined): ReadinessItem {
  const label = "License fit for open core";
  if (license === undefined) return { id: "license", label, state: "unknown", detail: "not read yet (the daily metrics job reads it)" };
  if (license === null || license === "NOASSERTION") return { id: "license", label, state: "missing", detail: "no license detected" };
  const key = license.toUpperCase();
  if (FAVOURED.has(key)) return { id: "license", label, state: "met", detail: `${license}: favoured for open core` };
  if (PERMISSIVE.has(key))
    return { id: "license", label, state: "risk", detail: `${license}: permissive, others may sell it too (a monetization risk)` };
  return { id: "license", label, state: "unknown", detail: `${license}: check how it fits open core` };
}

function fileItem(id: string, label: string, present: boolean | undefined, note: string): ReadinessItem {
  if (present === undefined) return { id, label, state: "unknown", detail: note };
  return { id, label, state: present ? "met" : "missing", detail: present ? "present" : "not found by GitHub's community profile" };
}

function responseItem(share: number | null, note: string): ReadinessItem {
  const label = "Response goal met for 90%+ of community items (last 4 weeks)";
  if (share === null) return { id: "response-goal", label, state: "unknown", detail: note };
  const percent = `${Math.round(share * 1000) / 10}%`;
  return { id: "response-goal", label, state: share >= READY_RESPONSE_SHARE ? "met" : "missing", detail: `${percent} within the goal` };
}
