import type { DB } from "../store/db.js";
import { findRepository } from "../store/installations.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { CommandFailure } from "./command-failure.js";

/**
 * The repository a command's `--repo` names. One Steward does not hold is a failure (exit 1), not
 * a usage error: the command was called rightly, the database just lacks it.
 */
export async function requireKnownRepository(db: DB, command: string, fullName: string): Promise<RepositoryRecord> {
  const repository = await findRepository(db, fullName);
  if (!repository) throw new CommandFailure(`${command}: Steward holds no repository "${fullName}" (is the app installed on it?)`);
  return repository;
}
