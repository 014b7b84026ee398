import { isCommunity, type Person, type RoleConfig } from "../people/roles.js";
import { matchInterestTerms } from "./match-interest-terms.js";

/** What deciding a lead needs from steward.yml: who is who, and the terms. */
export interface LeadRules extends RoleConfig {
  conversion: { enabled: boolean; terms: readonly string[] };
}

/**
 * The interest terms a community member used in `texts` (each matched on its own, so a phrase never
 * runs from a title into a body), once each whatever the case; none for a maintainer or a bot, or
 * where conversion is switched off. The one rule for webhooks and the history backfill alike. Pure.
 */
export function leadTerms(author: Person, texts: readonly string[], rules: LeadRules): string[] {
  if (!rules.conversion.enabled || !isCommunity(author, rules)) return [];
  const terms = texts.flatMap((text) => matchInterestTerms(text, rules.conversion.terms));
  return [...new Map(terms.map((t) => [t.toLowerCase(), t])).values()];
}
