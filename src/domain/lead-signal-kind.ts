/**
 * What a row of `lead_signals` records: the person's own words matching the interest terms
 * (`interest`), a maintainer's `/steward lead` (`marked`), or a maintainer's `/steward not-lead`
 * (`dismissed`), which is no signal itself: from it until a later `marked` the person counts as
 * no lead in that repository (src/store/leads.ts).
 */
export type LeadSignalKind = "interest" | "marked" | "dismissed";
