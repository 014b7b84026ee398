import { z } from "zod";

/**
 * The variables each welcome template may use. Values are made safe before they go in: the author
 * is the one person a welcome mentions (they opened the item it answers); links are the
 * repository's own community files; `number` reads "#7" but is written so GitHub does not turn it
 * into a link to issue 7. A line that uses a link the repository does not have is left out.
 */
export const WELCOME_VARIABLES = {
  firstIssue: ["author", "repository", "contributing", "codeOfConduct"],
  firstPullRequest: ["author", "repository", "contributing", "codeOfConduct"],
  firstDiscussion: ["author", "repository", "contributing", "codeOfConduct"],
  firstMerge: ["author", "repository", "contributing", "codeOfConduct", "number", "ordinal"],
  firstMergeWithoutNumber: ["author", "repository", "contributing", "codeOfConduct"],
  foundingContributor: ["author", "repository", "contributing", "codeOfConduct", "number", "ordinal"],
  milestone: ["author", "repository", "number", "ordinal", "threshold"],
} as const;

export type WelcomeMessage = keyof typeof WELCOME_VARIABLES;

/** `{{ name }}` placeholders, with optional spaces inside the braces. */
export const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** A template of `message`: markdown with `{{variable}}` placeholders from WELCOME_VARIABLES. */
const template = (message: WelcomeMessage, fallback: string) => {
  const known: readonly string[] = WELCOME_VARIABLES[message];
  return z
    .string()
    .trim()
    .min(1, "a template cannot be empty (switch the message off instead)")
    .max(4000, "templates have at most 4000 characters")
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!known.includes(name ?? "")) {
          ctx.addIssue({ code: "custom", message: `unknown variable {{${name}}} (this message knows: ${known.join(", ")})` });
        }
      }
    })
    .default(fallback);
};

export const welcomeTemplatesSchema = z
  .strictObject({
    firstIssue: template(
      "firstIssue",
      [
        "Welcome to {{repository}}, {{author}}, and thank you for opening your first issue here! 👋",
        "A maintainer will get back to you soon.",
        "The [contributing guidelines]({{contributing}}) explain how we work together.",
        "Everyone here follows the [code of conduct]({{codeOfConduct}}).",
      ].join("\n"),
    ).describe("On a user's first issue in the repository."),
    firstPullRequest: template(
      "firstPullRequest",
      [
        "Thank you for your first pull request to {{repository}}, {{author}}! 🎉",
        "A maintainer will review it soon.",
        "The [contributing guidelines]({{contributing}}) explain how reviews work here.",
        "Everyone here follows the [code of conduct]({{codeOfConduct}}).",
      ].join("\n"),
    ).describe("On a user's first pull request in the repository."),
    firstDiscussion: template(
      "firstDiscussion",
      [
        "Welcome to {{repository}}'s discussions, {{author}}, and thank you for starting your first one here! 👋",
        "The [contributing guidelines]({{contributing}}) explain how we work together.",
        "Everyone here follows the [code of conduct]({{codeOfConduct}}).",
      ].join("\n"),
    ).describe("On a user's first discussion in the repository, in any category."),
    firstMerge: template(
      "firstMerge",
      "Congratulations on your first merged pull request, {{author}}! 🎉 You are contributor {{number}} to {{repository}}. Thank you!",
    ).describe("On a user's first merged pull request, where their contributor number is known."),
    firstMergeWithoutNumber: template(
      "firstMergeWithoutNumber",
      "Congratulations on your first merged pull request to {{repository}}, {{author}}! 🎉 Thank you for contributing.",
    ).describe("On a first merged pull request while the repository's history is not known yet: no number."),
    foundingContributor: template(
      "foundingContributor",
      "Congratulations on your first merged pull request, {{author}}! 🌱 You are the {{ordinal}} contributor to {{repository}}: one of its founding contributors. Thank you for helping build it from the start!",
    ).describe("Instead of `firstMerge` for the first `foundingContributors` contributors."),
    milestone: template(
      "milestone",
      "🏆 With this merge, {{repository}} has {{threshold}} contributors, and {{author}} is contributor {{number}}. Thank you, everyone!",
    ).describe("On the pull request that made the repository reach a contributor milestone (see `announceMilestones`)."),
  })
  .describe("The texts of the welcome messages.");

export const welcomeSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Switch every welcome off at once."),
    firstIssue: z.boolean().default(true).describe("Welcome a user's first issue in the repository."),
    firstPullRequest: z.boolean().default(true).describe("Welcome a user's first pull request in the repository."),
    firstDiscussion: z.boolean().default(true).describe("Welcome a user's first discussion in the repository, in any category."),
    firstMerge: z.boolean().default(true).describe("Congratulate a user's first merged pull request, with their contributor number."),
    foundingContributors: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(10)
      .describe("How many of the first contributors get the founding-contributor message (0: none)."),
    announceMilestones: z.boolean().default(false).describe("Announce a contributor milestone on the pull request that reached it."),
    templates: welcomeTemplatesSchema.prefault({}).describe("The message texts."),
  })
  .describe("Welcomes for first-time contributors and celebrations of contributor numbers.");
