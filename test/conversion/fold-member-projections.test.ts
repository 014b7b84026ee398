import { pino } from "pino";
import type { Logger } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { foldMemberProjections } from "../../src/conversion/fold-member-projections.js";
import { registerInstallation } from "../../src/store/installations.js";
import { memberProjectionWatermark } from "../../src/store/member-projection.js";
import { communityMembers, events } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

const WIDGET = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const GADGET = { ...WIDGET, id: 11, name: "gadget", fullName: "acme/gadget" };
const log = pino({ level: "silent" }) as unknown as Logger;

describe("foldMemberProjections", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [WIDGET, GADGET], new Date());
  });
  afterEach(() => store.dispose());

  const star = (repositoryId: number, login: string) =>
    store.db
      .insert(events)
      .values({
        repositoryId,
        naturalKey: `star:${login}`,
        kind: "star.created",
        actorLogin: login,
        actorType: "User",
        occurredAt: new Date("2026-11-02T10:00:00Z"),
      })
      .run();

  it("brings every repository's projection up to date, and a second run finds nothing new", async () => {
    star(WIDGET.id, "ana");
    star(WIDGET.id, "bo");
    star(GADGET.id, "cem");
    expect(await foldMemberProjections({ db: store.db, log })).toBe(3);
    expect(
      store.db
        .select({ login: communityMembers.login })
        .from(communityMembers)
        .all()
        .map((m) => m.login)
        .sort(),
    ).toEqual(["ana", "bo", "cem"]);
    expect(await memberProjectionWatermark(store.db, WIDGET.id)).toBeGreaterThan(0);
    expect(await foldMemberProjections({ db: store.db, log })).toBe(0);
    star(GADGET.id, "dia");
    expect(await foldMemberProjections({ db: store.db, log })).toBe(1);
  });
});
