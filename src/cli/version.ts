import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

/**
 * The version in Steward's package.json, read when asked rather than imported, so that it is the
 * file next to the running code whether that is `src/` through tsx or the compiled `dist/`.
 */
export function stewardVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw new Error("package.json has no version");
  return manifest.version;
}
