import { z } from "zod";
import { stewardConfigSchema } from "./schema.js";

/** Where the generated schema is committed, from the package root; editors are pointed at it. */
export const JSON_SCHEMA_FILE = "schema/steward.schema.json";

/**
 * `_extends` is read and removed by the config plugin before Steward validates the file, so the zod
 * schema never sees it; without it here, an editor would flag every file that builds on another.
 */
const EXTENDS_PROPERTY = {
  type: "string",
  description:
    "Build on another steward.yml: `repo` (of the same owner), `owner/repo` or `owner/repo:path/file.yml`. " +
    "Nested sections merge; a list or value given here replaces the base's.",
};

/**
 * The JSON Schema of steward.yml, generated from the zod schema so that the two cannot drift. Draft
 * 07, which yaml-language-server and other editors support fully. The input side: a field with a
 * default may be left out. Checks that zod runs as code (known time zones, template variables,
 * increasing thresholds, an end after the start) have no JSON Schema form, so an editor accepts a
 * little more than the server; `steward check-config` checks everything.
 */
export function stewardJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(stewardConfigSchema, { target: "draft-07", io: "input" });
  return {
    $schema: generated.$schema,
    title: "Steward configuration (.github/steward.yml)",
    description:
      "How Steward works in one repository. Every field has a default, so an empty file is a complete configuration; " +
      "an unknown key is an error, and a file with any error runs on the defaults until it is fixed.",
    ...generated,
    properties: { _extends: EXTENDS_PROPERTY, ...generated.properties },
  };
}

/** The committed file's exact text: two-space indents and a final newline. */
export function stewardJsonSchemaText(): string {
  return `${JSON.stringify(stewardJsonSchema(), null, 2)}\n`;
}
