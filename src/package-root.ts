import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding Steward's package.json. Found by walking up from this file, so it is the same
 * whether the code runs from `src/` through tsx or from the compiled `dist/src/`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Steward's package.json was not found above " + dir);
    dir = parent;
  }
  return dir;
}
