/** Ledger kinds that make someone a participant: they opened, commented or reviewed. */
const PARTICIPATION_KINDS: ReadonlySet<string> = new Set([
  "issues.opened",
  "pull_request.opened",
  "issue_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
]);

const MAINTAINER_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

/**
 * A ledger fact as the projection needs it, as the fold's batch statement returns its columns:
 * id, kind, account id, login, account type, author association, time (ms).
 */
export type FoldedEvent = [id: number, kind: string, userId: number | null, login: string, actorType: string, association: string | null, at: number];

/** One member row as a run of events folds it (times in ms), before it meets the stored row. */
export interface MemberFold {
  userId: number | null;
  /** The login of their latest fact among those folded (ties: the greater login). */
  login: string;
  actorType: string;
  maintainerSeen: boolean;
  firstStarredAt: number | null;
  lastStarredAt: number | null;
  lastUnstarredAt: number | null;
  firstForkedAt: number | null;
  firstParticipatedAt: number | null;
  firstActiveAt: number;
  lastActiveAt: number;
}

/** The time columns of a fold, each a Float64Array indexed by a person's slot (NaN: none yet). */
const FIRST_STARRED = 0;
const LAST_STARRED = 1;
const LAST_UNSTARRED = 2;
const FIRST_FORKED = 3;
const FIRST_PARTICIPATED = 4;
const FIRST_ACTIVE = 5;
const LAST_ACTIVE = 6;
const TIME_COLUMNS = 7;

/**
 * Facts folded in memory into one partial row per person, with the same min/max rules as the
 * upsert (member-fold-statements.ts), so that however many facts a person has among those read,
 * their stored row is written once. Every rule is a min, a max or an "ever": adding facts in any
 * order, or in several runs, gives the same rows.
 *
 * Kept in columns (typed arrays indexed by a slot per person) rather than an object per person: a
 * first fold meets a hundred thousand people within its first few hundred thousand facts, and
 * objects that many, surviving each young-generation collection, made those collections pauses of
 * tens of milliseconds, the longest the fold kept the event loop waiting. Only the logins survive.
 */
export class MemberFolds {
  // Slots by account id, and by login for those without one (personKey's rule, without its strings).
  readonly #byId = new Map<number, number>();
  readonly #byLogin = new Map<string, number>();
  /** One string per account type, so the driver's copy of each fact's dies young. */
  readonly #types = new Map<string, string>();
  #size = 0;
  #userId = new Float64Array(0);
  #maintainer = new Uint8Array(0);
  #times: Float64Array[] = [];
  readonly #login: string[] = [];
  readonly #actorType: string[] = [];

  /** How many people the folded facts name: the rows a write will touch. */
  get people(): number {
    return this.#size;
  }

  add(events: readonly FoldedEvent[]): void {
    for (const e of events) this.#add(e);
  }

  /** The rows of slots `from` to `to` (all by default), in the order their people first appeared among the facts. */
  rows(from = 0, to = this.#size): MemberFold[] {
    const rows: MemberFold[] = [];
    const t = this.#times;
    const orNull = (v: number) => (Number.isNaN(v) ? null : v);
    for (let i = from; i < Math.min(to, this.#size); i++) {
      rows.push({
        userId: orNull(this.#userId[i]!),
        login: this.#login[i]!,
        actorType: this.#actorType[i]!,
        maintainerSeen: this.#maintainer[i] === 1,
        firstStarredAt: orNull(t[FIRST_STARRED]![i]!),
        lastStarredAt: orNull(t[LAST_STARRED]![i]!),
        lastUnstarredAt: orNull(t[LAST_UNSTARRED]![i]!),
        firstForkedAt: orNull(t[FIRST_FORKED]![i]!),
        firstParticipatedAt: orNull(t[FIRST_PARTICIPATED]![i]!),
        firstActiveAt: t[FIRST_ACTIVE]![i]!,
        lastActiveAt: t[LAST_ACTIVE]![i]!,
      });
    }
    return rows;
  }

  #add([, kind, userId, login, actorType, association, at]: FoldedEvent): void {
    let slot = userId === null ? this.#byLogin.get(login) : this.#byId.get(userId);
    if (slot === undefined) {
      slot = this.#newSlot(userId, login, actorType, at);
      if (userId === null) this.#byLogin.set(login, slot);
      else this.#byId.set(userId, slot);
    }
    const t = this.#times;
    const lastActive = t[LAST_ACTIVE]![slot]!;
    if (at > lastActive || (at === lastActive && login > this.#login[slot]!)) this.#login[slot] = login;
    if (actorType > this.#actorType[slot]!) this.#actorType[slot] = this.#type(actorType);
    if (association !== null && MAINTAINER_ASSOCIATIONS.has(association)) this.#maintainer[slot] = 1;
    earliest(t[FIRST_ACTIVE]!, slot, at);
    latest(t[LAST_ACTIVE]!, slot, at);
    if (kind === "star.created") {
      earliest(t[FIRST_STARRED]!, slot, at);
      latest(t[LAST_STARRED]!, slot, at);
    } else if (kind === "star.deleted") {
      latest(t[LAST_UNSTARRED]!, slot, at);
    } else if (kind === "fork.created") {
      earliest(t[FIRST_FORKED]!, slot, at);
    } else if (PARTICIPATION_KINDS.has(kind)) {
      earliest(t[FIRST_PARTICIPATED]!, slot, at);
    }
  }

  #newSlot(userId: number | null, login: string, actorType: string, at: number): number {
    if (this.#size === this.#userId.length) this.#grow(Math.max(1024, 2 * this.#size));
    const slot = this.#size++;
    this.#userId[slot] = userId ?? Number.NaN;
    this.#login[slot] = login;
    this.#actorType[slot] = this.#type(actorType);
    this.#times[FIRST_ACTIVE]![slot] = at;
    this.#times[LAST_ACTIVE]![slot] = at;
    return slot;
  }

  #type(actorType: string): string {
    let kept = this.#types.get(actorType);
    if (kept === undefined) {
      kept = actorType;
      this.#types.set(actorType, kept);
    }
    return kept;
  }

  #grow(capacity: number): void {
    const widened = (from: Float64Array) => {
      const to = new Float64Array(capacity).fill(Number.NaN);
      to.set(from);
      return to;
    };
    this.#userId = widened(this.#userId);
    this.#times = Array.from({ length: TIME_COLUMNS }, (_, c) => widened(this.#times[c] ?? new Float64Array(0)));
    const maintainer = new Uint8Array(capacity);
    maintainer.set(this.#maintainer);
    this.#maintainer = maintainer;
  }
}

/** Lowers (raises) a slot's time to `at`; NaN, no time yet, compares false and is replaced. */
function earliest(column: Float64Array, slot: number, at: number): void {
  if (!(column[slot]! <= at)) column[slot] = at;
}
function latest(column: Float64Array, slot: number, at: number): void {
  if (!(column[slot]! >= at)) column[slot] = at;
}
