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

/** Conversion tracking: leads and customers. */
export const conversionSchema = z.strictObject({
  /** Track enterprise interest. */
  enabled: z.boolean().default(true),
  /** Whole words or phrases, matched case-insensitively outside code and quotes. */
  terms: z.array(z.string().trim().min(1, "a term cannot be empty")).default(DEFAULT_INTEREST_TERMS),
  /** Put a label on items that show enterprise interest. */
  labelLeads: z.boolean().default(false),
  /** The label for such items. */
  leadLabel: labelName.default("enterprise-interest"),
});
