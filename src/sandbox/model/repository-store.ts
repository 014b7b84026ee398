import { IdSequence, nodeId, toIso } from "./ids.js";
import { renameInRepository } from "./rename-user.js";
import { checkOrgRole, OrgMemberships } from "./roles.js";
import type { LabelSeed, RepositorySeed, TrafficSeed, UserSeed } from "./seeds.js";
import { ensureLabel, type ThreadContext } from "./threads.js";
import type { AuthorAssociation, LabelRecord, OrgRole, RepoState, RepositoryRecord, StarRecord, TimeInput, UserRecord } from "./types.js";

/**
 * Accounts and repositories with their non-thread content (files, labels, stars, forks, traffic).
 * `SandboxModel` extends it with installations, issues, pull requests and comments; the split
 * only keeps each file readable.
 */
export class RepositoryStore {
  readonly now: () => Date;
  protected readonly ids = new IdSequence();
  protected readonly threads: ThreadContext;
  readonly #users = new Map<string, UserRecord>();
  readonly #repos = new Map<string, RepoState>();
  /** Organization members and owners; `SandboxModel` derives repository roles from them. */
  protected readonly memberships = new OrgMemberships();

  constructor(options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
    this.threads = {
      ids: this.ids,
      now: this.now,
      ensureUser: (login) => void this.ensureUser(login),
      associationOf: (state, login) => this.associationOf(state, login),
    };
  }

  /** Adds (or updates the profile of) a user, bot or organization account. */
  addUser(seed: UserSeed): UserRecord {
    const existing = this.#users.get(seed.login.toLowerCase());
    const id = existing?.id ?? (seed.id === undefined ? this.ids.next() : this.ids.reserve(seed.id));
    const type = seed.type ?? existing?.type ?? (seed.login.endsWith("[bot]") ? "Bot" : "User");
    const user: UserRecord = {
      id,
      node_id: nodeId(type, id),
      login: seed.login,
      type,
      name: seed.name ?? existing?.name ?? null,
      company: seed.company ?? existing?.company ?? null,
      email: seed.email ?? existing?.email ?? null,
      location: seed.location ?? existing?.location ?? null,
      bio: seed.bio ?? existing?.bio ?? null,
      created_at: existing?.created_at ?? toIso(seed.createdAt, this.now),
    };
    this.#users.set(seed.login.toLowerCase(), user);
    return user;
  }

  /** Returns the user, creating a plain one (or a Bot for `...[bot]`) when unknown. */
  ensureUser(login: string): UserRecord {
    return this.#users.get(login.toLowerCase()) ?? this.addUser({ login });
  }

  getUser(login: string): UserRecord | undefined {
    return this.#users.get(login.toLowerCase());
  }

  /** The account with this id under whatever login it has now: a user token outlives a rename. */
  getUserById(id: number): UserRecord | undefined {
    for (const user of this.#users.values()) if (user.id === id) return user;
    return undefined;
  }

  /**
   * Renames an account as GitHub does (no webhook): same id, the new login wherever it acted, the
   * old one free. Not for an owner of repositories (their names would move too).
   */
  renameUser(from: string, to: string): UserRecord {
    const user = this.getUser(from);
    const owner = this.listRepositories().some((r) => r.owner.toLowerCase() === from.toLowerCase());
    if (!user || owner || (from.toLowerCase() !== to.toLowerCase() && this.getUser(to)))
      throw new Error(`sandbox: cannot rename ${from} to ${to} (unknown, an owner of repositories, or the login is taken)`);
    this.#users.delete(from.toLowerCase());
    user.login = to;
    this.#users.set(to.toLowerCase(), user);
    for (const state of this.#repos.values()) renameInRepository(state, from, to);
    this.memberships.rename(from, to);
    return user;
  }

  /**
   * Records that `login` belongs to organization `org` (author_association MEMBER): a "member"
   * reads every repository of it, an "admin" (an owner) administers them all. A second call changes the role.
   */
  addOrgMember(org: string, login: string, role: OrgRole = "member"): void {
    const checked = checkOrgRole(role);
    this.ensureUser(login);
    this.memberships.set(org, login, checked);
  }

  /** Creates a repository; its owner account is created if unknown. Licensed MIT unless told. */
  addRepository(seed: RepositorySeed): RepositoryRecord {
    const [owner, name] = splitFullName(seed.fullName);
    if (this.#repos.has(seed.fullName.toLowerCase())) throw new Error(`sandbox: repository ${seed.fullName} already exists`);
    const ownerUser = this.getUser(owner) ?? this.addUser({ login: owner, type: seed.ownerType ?? "User" });
    const id = seed.id === undefined ? this.ids.next() : this.ids.reserve(seed.id);
    const createdAt = toIso(seed.createdAt, this.now);
    const repo: RepositoryRecord = {
      id,
      node_id: nodeId("Repository", id),
      owner: ownerUser.login,
      name,
      private: seed.private ?? false,
      fork: seed.parent !== undefined,
      archived: seed.archived ?? false,
      default_branch: seed.defaultBranch ?? "main",
      description: seed.description ?? null,
      homepage: seed.homepage ?? null,
      topics: seed.topics ?? [],
      license: seed.license === undefined ? "MIT" : seed.license,
      parent: seed.parent ?? null,
      created_at: createdAt,
      updated_at: createdAt,
      pushed_at: createdAt,
    };
    const state: RepoState = {
      repo,
      issues: new Map(),
      nextNumber: 1,
      comments: [],
      reviews: [],
      reviewComments: [],
      reactions: [],
      timeline: [],
      labels: new Map(),
      stars: [],
      forks: [],
      files: new Map(),
      collaborators: new Map(),
      traffic: { views: [], clones: [] },
      discussionCategories: [],
      discussions: new Map(),
      discussionComments: [],
    };
    if (seed.parent !== undefined) this.repoState(seed.parent).forks.push(seed.fullName);
    this.#repos.set(seed.fullName.toLowerCase(), state);
    return repo;
  }

  getRepository(fullName: string): RepositoryRecord | undefined {
    return this.#repos.get(fullName.toLowerCase())?.repo;
  }

  /** Everything stored for a repository; throws when unknown. Used by the REST and GraphQL layers. */
  repoState(fullName: string): RepoState {
    const state = this.#repos.get(fullName.toLowerCase());
    if (!state) throw new Error(`sandbox: unknown repository ${fullName}`);
    return state;
  }

  /** Repositories in creation order. */
  listRepositories(): RepositoryRecord[] {
    return [...this.#repos.values()].map((s) => s.repo);
  }

  /** Makes a repository private or public (a settings change; no webhook is sent from here). */
  setRepositoryVisibility(fullName: string, isPrivate: boolean): RepositoryRecord {
    return this.#touch(fullName, { private: isPrivate });
  }

  /** Archives a repository (read-only: the REST layer refuses writes) or unarchives it. */
  setRepositoryArchived(fullName: string, archived: boolean): RepositoryRecord {
    return this.#touch(fullName, { archived });
  }

  /**
   * Renames a repository or transfers it to another account (created if unknown), keeping its id
   * as GitHub does; forks and parents name it by its new name. The old name then answers 404 (the
   * sandbox does not redirect, so a client still using it shows up at once).
   */
  moveRepository(fullName: string, to: { owner?: string; name?: string }): RepositoryRecord {
    const state = this.repoState(fullName);
    const from = `${state.repo.owner}/${state.repo.name}`;
    const owner = to.owner === undefined ? state.repo.owner : this.ensureUser(to.owner).login;
    const target = `${owner}/${to.name ?? state.repo.name}`;
    const [, name] = splitFullName(target);
    if (target.toLowerCase() !== from.toLowerCase() && this.#repos.has(target.toLowerCase()))
      throw new Error(`sandbox: repository ${target} already exists`);
    // Re-keyed in place, so listRepositories keeps creation order.
    const entries = [...this.#repos].map(([key, value]): [string, RepoState] => (value === state ? [target.toLowerCase(), value] : [key, value]));
    this.#repos.clear();
    for (const [key, value] of entries) this.#repos.set(key, value);
    for (const other of this.#repos.values()) {
      if (other.repo.parent?.toLowerCase() === from.toLowerCase()) other.repo.parent = target;
      other.forks = other.forks.map((fork) => (fork.toLowerCase() === from.toLowerCase() ? target : fork));
    }
    return this.#touch(target, { owner, name });
  }

  /** Deletes a repository and everything in it; its forks stay, parentless. */
  deleteRepository(fullName: string): RepositoryRecord {
    const state = this.repoState(fullName);
    this.#repos.delete(fullName.toLowerCase());
    for (const other of this.#repos.values()) {
      if (other.repo.parent?.toLowerCase() === fullName.toLowerCase()) other.repo.parent = null;
      other.forks = other.forks.filter((fork) => fork.toLowerCase() !== fullName.toLowerCase());
    }
    return state.repo;
  }

  #touch(fullName: string, patch: Partial<RepositoryRecord>): RepositoryRecord {
    const repo = this.repoState(fullName).repo;
    return Object.assign(repo, patch, { updated_at: toIso(undefined, this.now) });
  }

  /** Forks `fullName` into `owner`'s account, as `POST /forks` would. */
  addFork(fullName: string, owner: string, createdAt?: TimeInput): RepositoryRecord {
    const source = this.repoState(fullName).repo;
    const seed: RepositorySeed = { fullName: `${owner}/${source.name}`, parent: `${source.owner}/${source.name}` };
    return this.addRepository(createdAt === undefined ? seed : { ...seed, createdAt });
  }

  /** Full names of the repository's forks, oldest first. */
  listForks(fullName: string): string[] {
    return this.repoState(fullName).forks;
  }

  /** Stores a file's text at `path` (leading slashes ignored), e.g. `.github/steward.yml`. */
  setFile(fullName: string, path: string, text: string): void {
    this.repoState(fullName).files.set(normalizePath(path), text);
  }

  getFile(fullName: string, path: string): string | undefined {
    return this.repoState(fullName).files.get(normalizePath(path));
  }

  deleteFile(fullName: string, path: string): boolean {
    return this.repoState(fullName).files.delete(normalizePath(path));
  }

  /** Creates a repository label; throws when it exists (the REST layer answers 422 first). */
  createLabel(fullName: string, seed: LabelSeed): LabelRecord {
    const state = this.repoState(fullName);
    if (state.labels.has(seed.name.toLowerCase())) throw new Error(`sandbox: label ${seed.name} already exists`);
    return ensureLabel(this.threads, state, seed.name, seed.color ?? "ededed", seed.description ?? null);
  }

  getLabel(fullName: string, name: string): LabelRecord | undefined {
    return this.repoState(fullName).labels.get(name.toLowerCase());
  }

  listLabels(fullName: string): LabelRecord[] {
    return [...this.repoState(fullName).labels.values()];
  }

  /** Stars the repository; a second star by the same user is ignored, as on GitHub. */
  addStargazer(fullName: string, login: string, starredAt?: TimeInput): StarRecord {
    const state = this.repoState(fullName);
    const existing = state.stars.find((s) => s.user.toLowerCase() === login.toLowerCase());
    if (existing) return existing;
    this.ensureUser(login);
    const star: StarRecord = { user: login, starred_at: toIso(starredAt, this.now) };
    // Keep starred_at order with a binary insert: seeding 100k stars must stay fast.
    let lo = 0;
    let hi = state.stars.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((state.stars[mid]?.starred_at ?? "") <= star.starred_at) lo = mid + 1;
      else hi = mid;
    }
    state.stars.splice(lo, 0, star);
    return star;
  }

  removeStargazer(fullName: string, login: string): boolean {
    const state = this.repoState(fullName);
    const index = state.stars.findIndex((s) => s.user.toLowerCase() === login.toLowerCase());
    if (index >= 0) state.stars.splice(index, 1);
    return index >= 0;
  }

  /** Stargazers, oldest star first (GitHub's order). */
  listStargazers(fullName: string): StarRecord[] {
    return this.repoState(fullName).stars;
  }

  /** Replaces the traffic views and/or clones served by the traffic API. */
  setTraffic(fullName: string, traffic: TrafficSeed): void {
    const state = this.repoState(fullName);
    if (traffic.views) state.traffic.views = traffic.views;
    if (traffic.clones) state.traffic.clones = traffic.clones;
  }

  /** GitHub's author_association of `login` in a repository, from what the model knows. */
  protected associationOf(state: RepoState, login: string): AuthorAssociation {
    const key = login.toLowerCase();
    if (state.repo.owner.toLowerCase() === key) return "OWNER";
    if (this.memberships.roleOf(state.repo.owner, key)) return "MEMBER";
    if (state.collaborators.has(key)) return "COLLABORATOR";
    for (const issue of state.issues.values()) {
      if (issue.pull?.merged && issue.user.toLowerCase() === key) return "CONTRIBUTOR";
    }
    return "NONE";
  }
}

function splitFullName(fullName: string): [string, string] {
  const [owner, name, extra] = fullName.split("/");
  if (!owner || !name || extra !== undefined) throw new Error(`sandbox: expected "owner/name", got ${fullName}`);
  return [owner, name];
}

function normalizePath(path: string): string {
  return path.replace(/^\/+/, "");
}
