import { personKey } from "../domain/identity.js";
import type { LedgerEvent } from "../domain/ledger.js";
import { num, obj, time, user, type Json } from "../domain/payload-fields.js";

/**
 * `star.*`. GitHub stamps a star with `starred_at`; an unstar carries no time at all, so that one
 * event falls back to the arrival time (and to the delivery id for its key). The keys name the
 * person by account id (`personKey`), as the backfill's do, so a star read again under a new login
 * is the same fact.
 */
export function mapStar(action: string, payload: Json, deliveryId: string, receivedAt: Date): LedgerEvent | null {
  if (action !== "created" && action !== "deleted") return null;
  if (!obj(payload.sender)) return null;
  const actor = user(payload.sender);
  const starredAt = time(payload.starred_at);
  const stargazers = num(obj(payload.repository)?.stargazers_count);
  const created = action === "created";
  if (created && !starredAt) return null;
  return {
    kind: `star.${action}`,
    naturalKey: created ? `star:${personKey(actor)}:${starredAt!.getTime()}` : `unstar:${personKey(actor)}:${deliveryId}`,
    actorLogin: actor.login,
    actorId: actor.id,
    actorType: actor.type,
    association: null,
    itemNumber: null,
    isPull: null,
    occurredAt: created ? starredAt! : receivedAt,
    data: stargazers === null ? null : { stargazers },
  };
}

/** `fork`: the new fork's owner is the actor, its creation time the event's time. */
export function mapFork(payload: Json): LedgerEvent | null {
  const forkee = obj(payload.forkee);
  const id = num(forkee?.id);
  const createdAt = time(forkee?.created_at);
  if (!forkee || id === null || !createdAt) return null;
  const owner = user(forkee.owner);
  const forks = num(obj(payload.repository)?.forks_count);
  return {
    kind: "fork.created",
    naturalKey: `fork:${id}`,
    actorLogin: owner.login,
    actorId: owner.id,
    actorType: owner.type,
    association: null,
    itemNumber: null,
    isPull: null,
    occurredAt: createdAt,
    data: forks === null ? null : { forks },
  };
}
