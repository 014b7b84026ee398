import type { ItemSnapshot } from "../domain/ledger.js";
import { names, num, obj, str, time, user } from "../domain/payload-fields.js";

/**
 * Reads an issue or pull request object (as found in `issues`, `issue_comment`, `pull_request` and
 * review payloads) into the row the `items` table keeps. Null when the object lacks what every
 * item has (a number and a creation time).
 */
export function itemSnapshot(raw: unknown, isPull: boolean): ItemSnapshot | null {
  const item = obj(raw);
  const number = num(item?.number);
  const createdAt = time(item?.created_at);
  if (!item || number === null || createdAt === null) return null;
  const author = user(item.user);
  return {
    number,
    isPull,
    title: str(item.title) ?? "",
    authorLogin: author.login,
    authorId: author.id,
    authorType: author.type,
    authorAssociation: str(item.author_association) ?? "NONE",
    state: item.state === "closed" ? "closed" : "open",
    draft: item.draft === true,
    locked: item.locked === true,
    labels: names(item.labels, "name"),
    assignees: names(item.assignees, "login"),
    createdAt,
    updatedAt: time(item.updated_at) ?? createdAt,
    closedAt: time(item.closed_at),
    mergedAt: time(item.merged_at),
  };
}
