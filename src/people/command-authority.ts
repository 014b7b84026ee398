import { isBot, isMaintainer, type RoleConfig } from "./roles.js";

/** The author of a command's fact, as the ledger holds it. */
export interface CommandAuthor {
  actorLogin: string;
  actorType: string;
  /** The comment's `author_association`, which the fact keeps. */
  association: string | null;
}

/**
 * Who gave a command, decided the same way wherever a command is read (the clock, the conversion
 * records, the acknowledgement): a maintainer's command applies; a bot's is ignored without a
 * word (Steward's own help would otherwise answer itself); anyone else's is refused. Read from the
 * fact's association and the config's `maintainers` at the time of reading. Pure.
 */
export function commandAuthority(author: CommandAuthor, config: RoleConfig): "maintainer" | "bot" | "other" {
  const person = { login: author.actorLogin, type: author.actorType, association: author.association };
  if (isBot(person, config)) return "bot";
  return isMaintainer(person, config) ? "maintainer" : "other";
}
