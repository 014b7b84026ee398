/**
 * The words of docs/architecture.md ("Words") for people: maintainer, bot, community. Pure: every feature decides
 * who is on the clock, who is welcomed and who is counted with these three functions.
 */

/** Someone as a payload or the store shows them. */
export interface Person {
  login: string;
  /** GitHub's account type: "User", "Bot", "Organization", "Mannequin". */
  type?: string | null;
  /** Their `author_association` with the repository, where known. */
  association?: string | null;
}

export interface RoleConfig {
  maintainers: readonly string[];
  ignoreUsers: readonly string[];
}

const MAINTAINER_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

const listed = (list: readonly string[], login: string) => list.some((entry) => entry.toLowerCase() === login.toLowerCase());

/** An app or automation: never a maintainer, contributor or responder, never on the clock. */
export function isBot(person: Person, config: RoleConfig): boolean {
  return person.type === "Bot" || person.login.toLowerCase().endsWith("[bot]") || listed(config.ignoreUsers, person.login);
}

/** OWNER, MEMBER or COLLABORATOR of the repository, or listed in the config's `maintainers`. */
export function isMaintainer(person: Person, config: RoleConfig): boolean {
  if (isBot(person, config)) return false;
  return MAINTAINER_ASSOCIATIONS.has(person.association ?? "") || listed(config.maintainers, person.login);
}

/** Neither a maintainer nor a bot: the people whose issues and PRs Steward holds the project to answering. */
export function isCommunity(person: Person, config: RoleConfig): boolean {
  return !isBot(person, config) && !isMaintainer(person, config);
}
