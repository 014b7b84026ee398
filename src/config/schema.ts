import { z } from "zod";
import { login, userLogin } from "./fields.js";
import { conversionSchema } from "./sections/conversion.js";
import { digestSchema } from "./sections/digest.js";
import { milestonesSchema } from "./sections/milestones.js";
import { responseSchema } from "./sections/response.js";
import { welcomeSchema } from "./sections/welcome.js";

/**
 * The one schema of `.github/steward.yml`. Every field has a default, so an empty or missing file
 * is a complete configuration; unknown keys are errors, so a typo is reported instead of ignored.
 * The `.describe()` texts are what editors show through the JSON Schema (src/config/json-schema.ts).
 */
export const stewardConfigSchema = z.strictObject({
  maintainers: z
    .array(userLogin)
    .default([])
    .describe(
      "Users treated as maintainers in addition to OWNER, MEMBER and COLLABORATOR associations. People only (EMU logins such as `mona_acme` included): an app is a bot, never a maintainer.",
    ),
  ignoreUsers: z
    .array(login)
    .default([])
    .describe("Users treated as bots: never on the clock, never welcomed, never counted. People or apps (`name[bot]`)."),
  response: responseSchema.prefault({}),
  welcome: welcomeSchema.prefault({}),
  milestones: milestonesSchema.prefault({}),
  digest: digestSchema.prefault({}),
  conversion: conversionSchema.prefault({}),
});

export type StewardConfig = z.infer<typeof stewardConfigSchema>;

/** The configuration of a repository without a steward.yml. */
export const defaultConfig: StewardConfig = stewardConfigSchema.parse({});
