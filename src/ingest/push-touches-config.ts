import { CONFIG_PATH } from "../domain/config.js";
import { obj, str } from "../domain/payload-fields.js";

/** True when a push to the default branch added, changed or removed `.github/steward.yml`. */
export function pushTouchesConfig(raw: unknown): boolean {
  const payload = obj(raw) ?? {};
  const repository = obj(payload.repository);
  const defaultBranch = str(repository?.default_branch);
  if (!defaultBranch || payload.ref !== `refs/heads/${defaultBranch}`) return false;
  const commits = Array.isArray(payload.commits) ? payload.commits : [];
  return commits.some((raw) => {
    const commit = obj(raw);
    return ["added", "modified", "removed"].some((field) => Array.isArray(commit?.[field]) && (commit[field] as unknown[]).includes(CONFIG_PATH));
  });
}
