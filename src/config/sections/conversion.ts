import { z } from "zod";
import { labelName } from "../fields.js";

/** Words and phrases that show enterprise interest when a community member writes them. */
export const DEFAULT_INTEREST_TERMS = [
  "SSO",
  "single sign-on",
  "SAML",
  "SCIM",
  "LDAP",
  "RBAC",
  "audit log",
  "SLA",
  "on-prem",
  "on-premise",
  "air-gapped",
  "enterprise",
  "commercial license",
  "pricing",
  "support contract",
];

export const conversionSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Track enterprise interest."),
    terms: z
      .array(z.string().trim().min(1, "a term cannot be empty"))
      .default(DEFAULT_INTEREST_TERMS)
      .describe("Whole words or phrases, matched case-insensitively outside code and quotes."),
    labelLeads: z.boolean().default(false).describe("Put a label on items that show enterprise interest."),
    leadLabel: labelName.default("enterprise-interest").describe("The label for such items."),
  })
  .describe("Conversion tracking: leads and customers.");
