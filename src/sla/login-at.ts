import type { LoginSeen } from "../domain/identity.js";

/**
 * The login to name a person by at `now` (docs/architecture.md, "Words": person): of the sightings
 * made by then, the latest (ties: the greater login, as the ledger's labels break them). The first
 * sighting, the login an item or a fact carries, stands when none is that old. Pure.
 */
export function loginAt(first: LoginSeen, others: ReadonlyArray<LoginSeen | undefined>, now: Date): string {
  let best: LoginSeen | null = null;
  for (const seen of [first, ...others]) {
    if (!seen || seen.at > now) continue;
    if (best === null || seen.at > best.at || (seen.at.getTime() === best.at.getTime() && seen.login > best.login)) best = seen;
  }
  return (best ?? first).login;
}
