import { createHash } from "node:crypto";
import type { TimeInput } from "./types.js";

/**
 * GitHub's legacy global node id: base64 of "0<len(type)>:<Type><id>" (e.g. MDQ6VXNlcjE= for
 * user 1). Real code treats node ids as opaque, so the legacy form is as good as the new one.
 */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

/** GitHub renders timestamps without milliseconds ("2024-01-02T03:04:05Z"). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Normalizes a seeding timestamp, falling back to the model clock. */
export function toIso(input: TimeInput | undefined, now: () => Date): string {
  if (input === undefined) return isoSeconds(now());
  const date = typeof input === "string" ? new Date(input) : input;
  if (Number.isNaN(date.getTime())) throw new Error(`sandbox: invalid timestamp ${String(input)}`);
  return isoSeconds(date);
}

/** A stable fake commit sha, so PR heads look like GitHub's without a git store. */
export function fakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

/** Monotonic id source shared by every record kind, like GitHub's database ids. */
export class IdSequence {
  #next: number;
  constructor(start = 1000) {
    this.#next = start;
  }
  next(): number {
    return this.#next++;
  }
  /** Keeps the sequence ahead of ids chosen explicitly by a seed. */
  reserve(id: number): number {
    if (id >= this.#next) this.#next = id + 1;
    return id;
  }
}
