import type { DB } from "../store/db.js";
import { findRepository, type RepositoryRecord } from "../store/installations.js";
import { UsageError } from "./usage-error.js";

/** The repository a command's `--repo` names, or a UsageError (exit 2) when Steward does not hold it. */
export async function requireKnownRepository(db: DB, command: string, fullName: string): Promise<RepositoryRecord> {
  const repository = await findRepository(db, fullName);
  if (!repository) throw new UsageError(`${command}: Steward holds no repository "${fullName}" (is the app installed on it?)`);
  return repository;
}
