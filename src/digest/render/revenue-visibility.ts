/** How the public may see revenue: `aggregate` (from 3 customers on) or `never`. */
export type PublicRevenue = "aggregate" | "never";

/** The fewest customers whose total cannot be read back to one customer's contract. */
export const MIN_PUBLIC_CUSTOMERS = 3;

/**
 * What a digest may say of customers and revenue. A private repository's digest is read by its
 * maintainers only: the figures as they are. A public one says them only as an aggregate of at
 * least three customers (one or two would reveal a contract's value), or never, as configured.
 */
export function revenueVisibility(
  repositoryPrivate: boolean,
  publicRevenue: PublicRevenue,
  customers: number,
): "shown" | "fewer-than-minimum" | "hidden" {
  if (repositoryPrivate) return "shown";
  if (publicRevenue === "never") return "hidden";
  return customers >= MIN_PUBLIC_CUSTOMERS ? "shown" : "fewer-than-minimum";
}
