import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { JSON_SCHEMA_FILE, stewardJsonSchema, stewardJsonSchemaText } from "../../src/config/json-schema.js";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { packageRoot } from "../../src/package-root.js";
import { readmeStewardYml } from "../helpers/readme-steward-yml.js";

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
}

/** The keywords shapeProblems reads. */
const SHAPE_KEYWORDS = ["type", "properties", "additionalProperties", "items", "enum"];
/** Annotations, and the bounds and patterns it leaves to zod's own tests (validate-config.test.ts). */
const IGNORED_KEYWORDS = [
  "$schema",
  "title",
  "description",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "pattern",
];

/**
 * No JSON Schema validator is installed, so the schema's shape is checked by hand: types, known
 * keys, list items and enums, which is what an editor's completion and most of its validation rest
 * on. The keyword test below fails if the schema starts using a keyword this does not know.
 */
function shapeProblems(value: unknown, schema: Schema, path = "(file)"): string[] {
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: not one of ${schema.enum.join(", ")}`];
  if (schema.type !== undefined && !hasType(value, schema.type)) return [`${path}: not of type ${schema.type}`];
  if (Array.isArray(value) && schema.items) return value.flatMap((item, i) => shapeProblems(item, schema.items!, `${path}.${i}`));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    const property = schema.properties?.[key];
    if (property) return shapeProblems(field, property, path === "(file)" ? key : `${path}.${key}`);
    return schema.additionalProperties === false ? [`${path}: unknown key ${key}`] : [];
  });
}

function hasType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
  return typeof value === type;
}

/** Every schema object inside `schema`, the root included. */
function allSchemas(schema: Schema): Schema[] {
  return [schema, ...Object.values(schema.properties ?? {}).flatMap(allSchemas), ...(schema.items ? allSchemas(schema.items) : [])];
}

const schema = stewardJsonSchema() as Schema;

describe("schema/steward.schema.json", () => {
  it("is what `npm run schema:generate` writes from the zod schema, byte for byte", () => {
    const committed = readFileSync(join(packageRoot(), JSON_SCHEMA_FILE), "utf8");
    expect(committed, `${JSON_SCHEMA_FILE} is out of date with src/config/schema.ts: run \`npm run schema:generate\` and commit it`).toBe(
      stewardJsonSchemaText(),
    );
  });

  it("is a draft-07 schema with a title, for editors", () => {
    expect(schema).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", title: expect.stringContaining("steward.yml") });
  });

  it("knows the top-level keys of steward.yml and `_extends`, and no other", () => {
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(["_extends", ...Object.keys(stewardConfigSchema.shape)].sort());
  });

  it("refuses unknown keys in every section, as the server does, and requires nothing, since everything has a default", () => {
    const objects = allSchemas(schema).filter((s) => s.type === "object");
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
    expect(allSchemas(schema).filter((s) => s.required !== undefined && s.required.length > 0)).toEqual([]);
  });

  it("uses only keywords the shape check below reads or deliberately leaves to zod", () => {
    const used = new Set(allSchemas(schema).flatMap((s) => Object.keys(s)));
    expect([...used].filter((keyword) => ![...SHAPE_KEYWORDS, ...IGNORED_KEYWORDS].includes(keyword))).toEqual([]);
  });

  it("accepts the README's example and an empty file, which the server accepts too", () => {
    const example = parse(readmeStewardYml());
    expect(validateConfig(example).problems).toEqual([]);
    expect(shapeProblems(example, schema)).toEqual([]);
    expect(shapeProblems({}, schema)).toEqual([]);
    expect(shapeProblems({ _extends: ".github", response: { goalHours: 8 } }, schema)).toEqual([]);
  });

  it("rejects an unknown key and a value of the wrong type, wherever they are", () => {
    expect(shapeProblems({ respons: {} }, schema)).toEqual(["(file): unknown key respons"]);
    expect(shapeProblems({ response: { businessHours: { timezon: "UTC" } } }, schema)).toEqual(["response.businessHours: unknown key timezon"]);
    expect(shapeProblems({ response: { goalHours: "24" } }, schema)).toEqual(["response.goalHours: not of type number"]);
    expect(shapeProblems({ maintainers: "alice" }, schema)).toEqual(["maintainers: not of type array"]);
    expect(shapeProblems({ milestones: { stars: [100, 2.5] } }, schema)).toEqual(["milestones.stars.1: not of type integer"]);
    expect(shapeProblems({ digest: { day: "someday" } }, schema)).toEqual([
      "digest.day: not one of monday, tuesday, wednesday, thursday, friday, saturday, sunday",
    ]);
  });

  it("carries the zod schema's descriptions and defaults, which editors show", () => {
    const goalHours = schema.properties?.["response"]?.properties?.["goalHours"] as Record<string, unknown>;
    expect(goalHours).toMatchObject({ type: "number", default: 24, description: expect.stringContaining("first response") });
  });
});
