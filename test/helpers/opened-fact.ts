/**
 * A builder of `events` rows for an item opened by a person (each with a natural key of its own),
 * dated `at(itemNumber)`: for store tests that ask who opened what first.
 */
export function openedFacts(at: (day: number) => Date) {
  let n = 0;
  return (kind: string, login: string, actorId: number | null, itemNumber: number, isPull: boolean | null) => ({
    repositoryId: 1,
    naturalKey: `k${n++}`,
    kind,
    actorLogin: login,
    actorId,
    actorType: "User",
    itemNumber,
    isPull,
    occurredAt: at(itemNumber),
  });
}
