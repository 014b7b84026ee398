import type { OrgRole, RepoState, RepositoryRole } from "./types.js";

/** Weakest first: a role's index is its rank. */
const REPOSITORY_ROLES: readonly RepositoryRole[] = ["read", "triage", "write", "maintain", "admin"];
const ORG_ROLES: readonly OrgRole[] = ["member", "admin"];
/**
 * What a plain organization member gets on every repository of the organization: GitHub's
 * default base permission. The sandbox does not model organizations that change it.
 */
const ORG_BASE_ROLE: RepositoryRole = "read";

/** The `permissions` object GitHub puts on a repository for the authenticated user. */
export interface RepositoryPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

/** Each role includes every weaker one, so the flags are thresholds on the rank. */
export function permissionsOf(role: RepositoryRole): RepositoryPermissions {
  const rank = REPOSITORY_ROLES.indexOf(role);
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 };
}

/** The strongest of the roles given, or null when there is none. */
export function strongestRole(roles: Iterable<RepositoryRole | null | undefined>): RepositoryRole | null {
  let best: RepositoryRole | null = null;
  for (const role of roles) {
    if (role && (best === null || REPOSITORY_ROLES.indexOf(role) > REPOSITORY_ROLES.indexOf(best))) best = role;
  }
  return best;
}

/** Control API arguments arrive as untyped JSON: a role must be checked before it is stored. */
export function checkRepositoryRole(role: unknown): RepositoryRole {
  if (!REPOSITORY_ROLES.includes(role as RepositoryRole))
    throw new Error(`sandbox: unknown repository role ${JSON.stringify(role)} (one of ${REPOSITORY_ROLES.join(", ")})`);
  return role as RepositoryRole;
}

export function checkOrgRole(role: unknown): OrgRole {
  if (!ORG_ROLES.includes(role as OrgRole))
    throw new Error(`sandbox: unknown organization role ${JSON.stringify(role)} (one of ${ORG_ROLES.join(", ")})`);
  return role as OrgRole;
}

/** Who belongs to which organization, and as what; logins and organizations match without case. */
export class OrgMemberships {
  readonly #orgs = new Map<string, Map<string, OrgRole>>();

  set(org: string, login: string, role: OrgRole): void {
    const members = this.#orgs.get(org.toLowerCase()) ?? new Map<string, OrgRole>();
    members.set(login.toLowerCase(), role);
    this.#orgs.set(org.toLowerCase(), members);
  }

  roleOf(org: string, login: string): OrgRole | undefined {
    return this.#orgs.get(org.toLowerCase())?.get(login.toLowerCase());
  }

  /** A renamed account keeps its memberships; a renamed organization keeps its members. */
  rename(from: string, to: string): void {
    const old = from.toLowerCase();
    for (const members of this.#orgs.values()) {
      const role = members.get(old);
      if (role === undefined) continue;
      members.delete(old);
      members.set(to.toLowerCase(), role);
    }
    const members = this.#orgs.get(old);
    if (members) {
      this.#orgs.delete(old);
      this.#orgs.set(to.toLowerCase(), members);
    }
  }
}

/**
 * The strongest role `login` holds on a repository: owner of a personal repository (admin),
 * owner of the owning organization (admin), plain member of it (the base permission), or a
 * role given on the repository itself. Public visibility grants nothing here: GitHub lists
 * only repositories a user has explicit access to.
 */
export function repositoryRoleOf(state: RepoState, memberships: OrgMemberships, login: string): RepositoryRole | null {
  const owner = state.repo.owner;
  const orgRole = memberships.roleOf(owner, login);
  return strongestRole([
    owner.toLowerCase() === login.toLowerCase() ? "admin" : null,
    orgRole === "admin" ? "admin" : orgRole === "member" ? ORG_BASE_ROLE : null,
    state.collaborators.get(login.toLowerCase()),
  ]);
}
