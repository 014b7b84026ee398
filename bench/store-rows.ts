import type { SqliteDB } from "../src/store/db.js";

/** One ledger fact, as the `events` table holds it. */
export interface EventRow {
  naturalKey: string;
  kind: string;
  actorLogin: string;
  actorType?: string;
  association?: string | null;
  itemNumber?: number | null;
  isPull?: boolean | null;
  occurredAt: number;
  data?: Record<string, unknown> | null;
}

/** One issue or pull request, as the `items` table holds it. */
export interface ItemRow {
  number: number;
  isPull: boolean;
  title: string;
  authorLogin: string;
  authorType?: string;
  authorAssociation: string;
  state: "open" | "closed";
  createdAt: number;
  updatedAt: number;
  closedAt?: number | null;
  mergedAt?: number | null;
}

const BATCH = 20_000;

/**
 * Writes rows straight into Steward's SQLite tables with prepared statements, in transactions of
 * many rows: how a benchmark builds a store of a million events in seconds instead of sending a
 * million webhooks. The rows have the shapes the ledger and the backfill write.
 */
export class StoreRowWriter {
  readonly #sqlite;
  readonly #event;
  readonly #item;
  readonly #contributor;
  readonly #daily;
  readonly #profile;
  #events: EventRow[] = [];
  #items: ItemRow[] = [];
  /** One account id per login, as GitHub gives every person one (people are keyed by it). */
  readonly #ids = new Map<string, number>();

  constructor(
    db: SqliteDB,
    private readonly repositoryId: number,
  ) {
    this.#sqlite = db.$client;
    this.#event = this.#sqlite.prepare(
      `INSERT INTO events (repository_id, delivery_id, natural_key, kind, actor_login, actor_id, actor_type, association, item_number, is_pull, occurred_at, data)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#item = this.#sqlite.prepare(
      `INSERT INTO items (repository_id, number, is_pull, title, author_login, author_id, author_type, author_association, state, draft, locked, labels, assignees, created_at, updated_at, closed_at, merged_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '[]', '[]', ?, ?, ?, ?)`,
    );
    this.#contributor = this.#sqlite.prepare(
      `INSERT OR IGNORE INTO contributors (repository_id, login, user_id, number, first_contributed_at, first_pull_number, source) VALUES (?, ?, ?, NULL, ?, ?, 'backfill')`,
    );
    this.#daily = this.#sqlite.prepare(`INSERT OR REPLACE INTO daily_metrics (repository_id, day, metric, value) VALUES (?, ?, ?, ?)`);
    this.#profile = this.#sqlite.prepare(
      `INSERT OR IGNORE INTO user_profiles (login, user_id, type, company, company_key, fetched_at) VALUES (?, ?, 'User', ?, ?, ?)`,
    );
  }

  event(row: EventRow): void {
    this.#events.push(row);
    if (this.#events.length >= BATCH) this.flush();
  }

  item(row: ItemRow): void {
    this.#items.push(row);
    if (this.#items.length >= BATCH) this.flush();
  }

  /** A merged PR's author, first contribution kept (numbers are given by `numberContributors`). */
  contributor(login: string, at: number, pullNumber: number): void {
    this.#contributor.run(this.repositoryId, login, this.#idOf(login), at, pullNumber);
  }

  dailyMetric(day: string, metric: string, value: number): void {
    this.#daily.run(this.repositoryId, day, metric, value);
  }

  profile(login: string, company: string, fetchedAt: number): void {
    this.#profile.run(login, this.#idOf(login), company, company.toLowerCase().replace(/[^a-z0-9]/g, ""), fetchedAt);
  }

  #idOf(login: string): number {
    const known = this.#ids.get(login);
    if (known !== undefined) return known;
    const id = this.#ids.size + 1;
    this.#ids.set(login, id);
    return id;
  }

  /** Runs `write` in one transaction (the per-row writes above are cheap only inside one). */
  transaction(write: () => void): void {
    this.#sqlite.transaction(write)();
    this.flush();
  }

  flush(): void {
    const events = this.#events;
    const items = this.#items;
    this.#events = [];
    this.#items = [];
    this.#sqlite.transaction(() => {
      for (const e of events) {
        this.#event.run(
          this.repositoryId,
          e.naturalKey,
          e.kind,
          e.actorLogin,
          this.#idOf(e.actorLogin),
          e.actorType ?? "User",
          e.association ?? null,
          e.itemNumber ?? null,
          e.isPull === undefined || e.isPull === null ? null : e.isPull ? 1 : 0,
          e.occurredAt,
          e.data ? JSON.stringify(e.data) : null,
        );
      }
      for (const i of items) {
        this.#item.run(
          this.repositoryId,
          i.number,
          i.isPull ? 1 : 0,
          i.title,
          i.authorLogin,
          this.#idOf(i.authorLogin),
          i.authorType ?? "User",
          i.authorAssociation,
          i.state,
          i.createdAt,
          i.updatedAt,
          i.closedAt ?? null,
          i.mergedAt ?? null,
        );
      }
    })();
  }

  /** Numbers every contributor in order of first contribution, as a complete backfill does. */
  numberContributors(): void {
    this.#sqlite
      .prepare(
        `UPDATE contributors SET number = ranked.n
         FROM (SELECT login, row_number() OVER (ORDER BY first_contributed_at, login) AS n FROM contributors WHERE repository_id = ?) AS ranked
         WHERE contributors.repository_id = ? AND contributors.login = ranked.login`,
      )
      .run(this.repositoryId, this.repositoryId);
  }
}
