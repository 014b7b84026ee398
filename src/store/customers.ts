import { and, asc, count, eq, lt, lte, sql } from "drizzle-orm";
import { type DB, inTransaction, tablesOf } from "./engine.js";

/** A paying organization, as a maintainer recorded it. */
export interface Customer {
  repositoryId: number;
  company: string;
  /** `normalizeCompany(company)`: one customer per company and repository. */
  companyKey: string;
  plan: string;
  /** Monthly recurring revenue in US cents. */
  mrrCents: number;
  login: string | null;
  since: Date;
}

export interface StoredCustomer extends Customer {
  id: number;
  createdAt: Date;
}

/**
 * Records a customer, or updates the plan, MRR, login and start of the one already recorded for
 * the same company (a plan change is not a second customer). Says which it was. The insert yields
 * to a row already there (or one another process is adding), so two saves of a new company at
 * once make one customer.
 */
export async function saveCustomer(db: DB, customer: Customer, now: Date): Promise<"added" | "updated"> {
  return inTransaction(db, async (tx) => {
    const { customers } = tablesOf(tx);
    const inserted = await tx
      .insert(customers)
      .values({ ...customer, createdAt: now })
      .onConflictDoNothing({ target: [customers.repositoryId, customers.companyKey] })
      .returning({ id: customers.id });
    if (inserted.length === 1) return "added";
    const { company, plan, mrrCents, login, since } = customer;
    await tx
      .update(customers)
      .set({ company, plan, mrrCents, login, since })
      .where(and(eq(customers.repositoryId, customer.repositoryId), eq(customers.companyKey, customer.companyKey)));
    return "updated";
  });
}

/** Removes the customer recorded under `companyKey`; false when there was none. */
export async function removeCustomer(db: DB, repositoryId: number, companyKey: string): Promise<boolean> {
  const { customers } = tablesOf(db);
  const removed = await db
    .delete(customers)
    .where(and(eq(customers.repositoryId, repositoryId), eq(customers.companyKey, companyKey)))
    .returning({ id: customers.id });
  return removed.length > 0;
}

/** A repository's customers, oldest first. */
export async function listCustomers(db: DB, repositoryId: number): Promise<StoredCustomer[]> {
  const { customers } = tablesOf(db);
  return db.select().from(customers).where(eq(customers.repositoryId, repositoryId)).orderBy(asc(customers.since), asc(customers.id));
}

/**
 * How many customers a repository had, and their MRR in cents: those paying before `startedBefore`
 * and, with `recordedBy`, entered by then (a customer entered later with an earlier start was not
 * known then: a past digest made again leaves them out).
 */
export async function sumCustomers(
  db: DB,
  repositoryId: number,
  range: { startedBefore?: Date; recordedBy?: Date },
): Promise<{ count: number; mrrCents: number }> {
  const { customers } = tablesOf(db);
  const conditions = [eq(customers.repositoryId, repositoryId)];
  if (range.startedBefore) conditions.push(lt(customers.since, range.startedBefore));
  if (range.recordedBy) conditions.push(lte(customers.createdAt, range.recordedBy));
  // PostgreSQL sums bigints as numeric, which pg hands over as a string: the cast keeps it a number.
  const [row] = await db
    .select({ count: count(), mrrCents: sql<number>`cast(coalesce(sum(${customers.mrrCents}), 0) as bigint)`.mapWith(Number) })
    .from(customers)
    .where(and(...conditions));
  return { count: row?.count ?? 0, mrrCents: row?.mrrCents ?? 0 };
}
