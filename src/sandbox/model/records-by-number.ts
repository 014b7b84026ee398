/**
 * The records of one issue or pull request out of a repository-wide list (comments, reviews,
 * timeline events), through an index built once per list and built again when the list changes.
 * Filtering the whole list for every item made one GraphQL page of 100 threads, in a repository
 * of 120,000, scan 25 million comments. Records are only appended or spliced out, and none changes
 * its number, so a list of the same length that still ends with the same record is unchanged.
 */
interface NumberIndex {
  length: number;
  last: object | undefined;
  byNumber: Map<number, object[]>;
}

const indexes = new WeakMap<readonly object[], NumberIndex>();

/** The records of `list` whose number is `number`, in list order (a new array each call). */
export function recordsOf<T extends object>(list: readonly T[], number: number, numberOf: (record: T) => number): T[] {
  let index = indexes.get(list);
  if (!index || index.length !== list.length || index.last !== list[list.length - 1]) {
    const byNumber = new Map<number, object[]>();
    for (const record of list) {
      const key = numberOf(record);
      const records = byNumber.get(key);
      if (records) records.push(record);
      else byNumber.set(key, [record]);
    }
    index = { length: list.length, last: list[list.length - 1], byNumber };
    indexes.set(list, index);
  }
  return [...((index.byNumber.get(number) as T[] | undefined) ?? [])];
}
