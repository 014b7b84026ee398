import { parse } from "yaml";

/**
 * What `_extends` may name (`repo`, `owner/repo`, either with `:path.yml`): the config plugin's own
 * pattern, copied because the plugin does not export it.
 */
const EXTENDS_FORM = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/**
 * A configuration to validate, with the `_extends` value taken out as the server takes it out; or,
 * for a file that is no configuration at all, the one-line reason.
 */
export type ParsedStewardYml = { ok: true; value: unknown; extendsFrom: string | null } | { ok: false; reason: string };

/**
 * Reads the text of a steward.yml as the server's config plugin (@probot/octokit-plugin-config,
 * which probot runs on every read from GitHub) does, with the same `yaml` package and options, so
 * a file checked on a machine is the file the server sees: an empty file is `{}`, a lone string is
 * no configuration, and a truthy `_extends` is checked for its form and taken out. What `_extends`
 * names is on GitHub, so it is returned rather than followed.
 */
export function parseStewardYml(text: string): ParsedStewardYml {
  let value: unknown;
  try {
    value = parse(text, { logLevel: "error" }) || {};
  } catch (error) {
    // The parser's message says where the file broke on its first line; the rest quotes the line.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split("\n")[0] ?? message };
  }
  if (typeof value === "string") return { ok: false, reason: "YAML is not an object" };
  if (!isPlainObject(value) || !value["_extends"]) return { ok: true, value, extendsFrom: null };
  const { _extends: extendsFrom, ...rest } = value;
  if (typeof extendsFrom !== "string" || !EXTENDS_FORM.test(extendsFrom)) {
    return { ok: false, reason: `Invalid value ${JSON.stringify(extendsFrom)} for _extends` };
  }
  return { ok: true, value: rest, extendsFrom };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
