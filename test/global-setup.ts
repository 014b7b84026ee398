import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * Builds dist/ once before any test file runs: the production suite starts `node dist/src/main.js`
 * as the Docker image does, so it must test the code as compiled from this tree, never a stale
 * build. Built here rather than per file because files run in parallel and one must not rebuild
 * what another is running.
 */
export default function buildOnce(): void {
  // For running unit test files while the tree is mid-change; the production tests then run the last build.
  if (process.env.STEWARD_TEST_NO_BUILD === "1") return;
  execFileSync("npm", ["run", "--silent", "build"], { cwd: resolve(import.meta.dirname, ".."), stdio: "inherit" });
}
