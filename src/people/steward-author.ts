import type { StewardIdentity } from "../domain/steward-identity.js";

/** Who wrote a comment or issue, as far as telling Steward's own writing apart needs. */
export interface WrittenBy {
  /** `performed_via_github_app.id`: the app that wrote it; null when GitHub sent none. */
  appId: number | null;
  /** The author's login (`user.login`), null for a deleted account. */
  login: string | null;
}

/**
 * Whether Steward's own app wrote it. GitHub names the writing app when there is one, and that
 * decides; only where it sends no app at all (older GitHub Enterprise Server) does the author's
 * login have to be Steward's bot account. Another app's bot, or a person, never passes: they
 * can echo a marker, but a resumed effect must not take their body for one Steward posted.
 */
export function isWrittenBySteward(author: WrittenBy, steward: StewardIdentity): boolean {
  if (author.appId !== null) return author.appId === steward.appId;
  return steward.botLogin !== null && author.login !== null && author.login.toLowerCase() === steward.botLogin.toLowerCase();
}
