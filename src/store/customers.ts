import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { customers } from "./schema.js";

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
 * the same company (a plan change is not a second customer). Says which it was.
 */
export async function saveCustomer(db: DB, customer: Customer, now: Date): Promise<"added" | "updated"> {
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.repositoryId, customer.repositoryId), eq(customers.companyKey, customer.companyKey)))
      .get();
    if (existing) {
      const { company, plan, mrrCents, login, since } = customer;
      tx.update(customers).set({ company, plan, mrrCents, login, since }).where(eq(customers.id, existing.id)).run();
      return "updated";
    }
    tx.insert(customers)
      .values({ ...customer, createdAt: now })
      .run();
    return "added";
  });
}

/** Removes the customer recorded under `companyKey`; false when there was none. */
export async function removeCustomer(db: DB, repositoryId: number, companyKey: string): Promise<boolean> {
  return (
    db
      .delete(customers)
      .where(and(eq(customers.repositoryId, repositoryId), eq(customers.companyKey, companyKey)))
      .run().changes > 0
  );
}

/** A repository's customers, oldest first. */
export async function listCustomers(db: DB, repositoryId: number): Promise<StoredCustomer[]> {
  return db.select().from(customers).where(eq(customers.repositoryId, repositoryId)).orderBy(asc(customers.since), asc(customers.id)).all();
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
  const conditions = [eq(customers.repositoryId, repositoryId)];
  if (range.startedBefore) conditions.push(lt(customers.since, range.startedBefore));
  if (range.recordedBy) conditions.push(lte(customers.createdAt, range.recordedBy));
  const row = db
    .select({ count: sql<number>`count(*)`, mrrCents: sql<number>`coalesce(sum(${customers.mrrCents}), 0)` })
    .from(customers)
    .where(and(...conditions))
    .get();
  return { count: row?.count ?? 0, mrrCents: row?.mrrCents ?? 0 };
}
