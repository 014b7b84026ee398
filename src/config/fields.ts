import { z } from "zod";

/**
 * A person's login as GitHub allows it: ASCII letters, digits and hyphens, not starting with a
 * hyphen (older accounts kept doubled and trailing hyphens), plus the `_shortcode` suffix of
 * Enterprise Managed Users (`mona-lisa_acme`), at most 39 characters in all. No stricter than
 * GitHub: one refused login makes the whole file fall back to the defaults.
 */
const PERSON_LOGIN = "(?=[A-Za-z0-9_-]{1,39}(?:$|/))[A-Za-z0-9][A-Za-z0-9-]*(?:_[A-Za-z0-9]+)?";
/** An app's login: its slug (letters, digits, hyphens) and `[bot]`. */
const APP_LOGIN = "[A-Za-z0-9][A-Za-z0-9-]{0,38}\\[bot\\]";

const personLogin = new RegExp(`^${PERSON_LOGIN}$`);
const appLogin = new RegExp(`^${APP_LOGIN}$`);
const personOrTeam = new RegExp(`^@?${PERSON_LOGIN}(?:/[A-Za-z0-9_.-]+)?$`);

/** A person's login (see PERSON_LOGIN), for lists where an app makes no sense, such as `maintainers`. */
export const userLogin = z.string().superRefine((value, ctx) => {
  if (personLogin.test(value)) return;
  const message = appLogin.test(value) ? "an app's login: a bot is never a maintainer" : "not a GitHub login";
  ctx.addIssue({ code: "custom", message });
});

/** A person's or an app's (`dependabot[bot]`) login, for lists of whom to leave alone. */
export const login = z.string().refine((value) => personLogin.test(value) || appLogin.test(value), { message: "not a GitHub login" });

/** A person's login or a team written as `@org/team-slug`. */
export const loginOrTeam = z.string().regex(personOrTeam, "not a GitHub login or @org/team");

/** An IANA time zone name that this Node.js knows, such as `Europe/Berlin`. */
export const timeZone = z.string().refine(isKnownTimeZone, { message: "unknown time zone" });

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A time of day as `HH:MM`, 24-hour clock. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM");

/** A calendar date as `YYYY-MM-DD`. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message: "not a real date" });

export const weekday = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** A label name as GitHub accepts it (non-empty, at most 50 characters). */
export const labelName = z.string().trim().min(1, "a label name cannot be empty").max(50, "label names have at most 50 characters");

/** Milestone thresholds: positive whole numbers in increasing order. */
export const thresholds = (defaults: number[]) =>
  z
    .array(z.number().int().positive())
    .min(1, "at least one threshold")
    .refine((list) => list.every((value, i) => i === 0 || value > list[i - 1]!), {
      message: "thresholds must increase",
    })
    .default(defaults);
