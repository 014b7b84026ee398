/**
 * Defensive readers for webhook payloads. Payloads are untrusted JSON: a missing or mistyped field
 * must yield a clear absence, not a crash half-way through a delivery. Ingest, the features that read
 * raw payloads (lead text, granted repositories) and the HTTP layer all read payloads the same way,
 * so the readers belong to the shared vocabulary rather than to any one of them.
 */
import { GHOST_ACCOUNT_ID, type UserRef } from "./identity.js";
import type { RepositoryRef } from "./repository.js";

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Parses a GitHub timestamp; null when absent or unparsable. */
export function time(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A GitHub user object; deleted accounts arrive as null and become GitHub's own "ghost" (its id too). */
export function user(value: unknown): UserRef {
  const u = obj(value);
  return {
    login: str(u?.login) ?? "ghost",
    id: u ? num(u.id) : GHOST_ACCOUNT_ID,
    type: str(u?.type) ?? "User",
  };
}

export function names(list: unknown, field: "name" | "login"): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) => str(obj(entry)?.[field])).filter((v): v is string => v !== null);
}

/**
 * A repository object: a payload's `repository`, or an entry of an installation's repository
 * list (which has no `owner`, so the owner comes from `full_name`). Null without an id and name.
 */
export function repository(value: unknown): RepositoryRef | null {
  const repo = obj(value);
  const id = num(repo?.id);
  const fullName = str(repo?.full_name);
  if (!repo || id === null || !fullName) return null;
  const [ownerFromName = "", nameFromName = ""] = fullName.split("/");
  return {
    id,
    owner: str(obj(repo.owner)?.login) ?? ownerFromName,
    name: str(repo.name) ?? nameFromName,
    fullName,
    private: repo.private === true,
  };
}
