import { z } from "zod";
import { calendarDate, clockTime, labelName, loginOrTeam, timeZone, weekday } from "../fields.js";

export const businessHoursSchema = z
  .strictObject({
    enabled: z.boolean().default(false).describe("Count only working time toward the goal. Off: calendar hours."),
    timezone: timeZone.default("UTC").describe("The time zone the working hours are in."),
    days: z.array(weekday).min(1).default(["monday", "tuesday", "wednesday", "thursday", "friday"]).describe("The working days."),
    start: clockTime.default("09:00").describe("Start of the working day."),
    end: clockTime.default("17:00").describe("End of the working day; must be after `start`."),
    holidays: z.array(calendarDate).default([]).describe("Days off, as YYYY-MM-DD in `timezone`."),
  })
  .refine((hours) => hours.start < hours.end, { message: "end must be after start", path: ["end"] })
  .describe("Working time, for projects that promise a first response within business hours.");

/** The variables a reminder template may use; user-written values are made safe before they go in. */
export const REMINDER_VARIABLES = ["notify", "author", "title", "number", "kind", "waited", "goal", "label", "followUpDays"] as const;

/** A reminder template: markdown with `{{variable}}` placeholders from REMINDER_VARIABLES. */
const reminderTemplate = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1, "a template cannot be empty")
    .max(4000, "templates have at most 4000 characters")
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!(REMINDER_VARIABLES as readonly string[]).includes(name ?? "")) {
          ctx.addIssue({ code: "custom", message: `unknown variable {{${name}}} (known: ${REMINDER_VARIABLES.join(", ")})` });
        }
      }
    })
    .default(fallback);

export const reminderTemplatesSchema = z
  .strictObject({
    atRisk: reminderTemplate("{{notify}} this {{kind}} by {{author}} has waited {{waited}} for a first response. The goal is {{goal}}.").describe(
      "Sent once when an item reaches the at-risk share of the goal without a response.",
    ),
    breached: reminderTemplate(
      "{{notify}} this {{kind}} by {{author}} has waited {{waited}} for a first response, past the goal of {{goal}}. " +
        "It carries the `{{label}}` label until a maintainer answers.",
    ).describe("Sent once when an item passes the goal without a response, with the breached label."),
    followUp: reminderTemplate("{{notify}} {{author}} replied here {{waited}} ago and is waiting for a maintainer to follow up.").describe(
      "Sent once per wait when a community member's reply has waited `followUpDays` for a maintainer.",
    ),
  })
  .describe("The texts of the three reminders.");

/** Hours of a response goal: positive, at most 90 days. */
const goalHours = z
  .number()
  .positive()
  .max(24 * 90);

/**
 * What may differ between issues and pull requests (`response.issues`, `response.pullRequests`):
 * a pull request often needs a faster answer than a question does, and a label may exempt only one
 * kind. A field left out is the top-level one; a list given here replaces the top-level list, as a
 * more specific steward.yml replaces its base's lists.
 */
const responseKindSchema = z.strictObject({
  goalHours: goalHours.optional().describe("This kind's goal, instead of `response.goalHours`."),
  exemptLabels: z.array(labelName).optional().describe("This kind's exempt labels, instead of `response.exemptLabels`."),
});

export const responseSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Watch the response clock and send reminders."),
    goalHours: goalHours.default(24).describe("Hours within which a community item gets its first response (unless its kind has its own goal)."),
    atRiskRatio: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.75)
      .describe("Share of the goal after which the at-risk reminder goes out (0.75 = at 18 h of 24 h)."),
    followUpDays: z
      .number()
      .positive()
      .max(365)
      .default(7)
      .describe("Days after which an unanswered reply from the community gets a follow-up reminder."),
    notify: z.array(loginOrTeam).default([]).describe("Whom reminders mention: logins or `@org/team`. Empty: the assignees, else a user-owner."),
    breachedLabel: labelName.default("needs-response").describe("Label put on items past the goal, removed on the first response."),
    exemptLabels: z
      .array(labelName)
      .default([])
      .describe("Items with any of these labels are off the clock while labelled (unless their kind has its own list)."),
    waitingLabel: labelName
      .default("waiting-for-author")
      .describe(
        'A label meaning "waiting for the author": it pauses the clock until the author replies (a comment, review or review comment), and the clock runs again from that reply, label or not.',
      ),
    removeWaitingLabelOnReply: z
      .boolean()
      .default(true)
      .describe(
        "Take the waiting label off when the author replies, as actions/stale does with its label. Off: the label stays for a maintainer to remove; the clock runs again from the reply either way.",
      ),
    draftsOnClock: z
      .boolean()
      .default(false)
      .describe(
        "Put draft pull requests on the clock like any other item, from their opening. Off (the default): a draft asks for no review yet, so a PR opened as a draft starts its clock when it is marked ready for review, responses before that do not count as its first response, and time spent back in draft later is off the clock.",
      ),
    issues: responseKindSchema.optional().describe("Issues' own goal and exempt labels, over the top-level ones. Absent: the top-level ones."),
    pullRequests: responseKindSchema
      .optional()
      .describe("Pull requests' own goal and exempt labels, over the top-level ones. Absent: the top-level ones."),
    discussions: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Put discussions in the categories below on the clock, with reminders as discussion comments."),
        categories: z
          .array(z.string().min(1).max(100))
          .default([])
          .describe("Discussion categories on the clock, by name or slug. Empty: the answerable (Q&A format) categories."),
      })
      .prefault({})
      .describe(
        "Discussions on the response clock, like issues (their goal and exempt labels): the first maintainer comment is the first response; an accepted answer ends the wait.",
      ),
    businessHours: businessHoursSchema.prefault({}),
    templates: reminderTemplatesSchema.prefault({}).describe("The reminder texts."),
  })
  .describe("The first-response promise: every community item answered within the goal.");
