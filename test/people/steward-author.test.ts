import { describe, expect, it } from "vitest";
import { isWrittenBySteward } from "../../src/people/steward-author.js";

const steward = { appId: 4242, botLogin: "steward[bot]" };

describe("isWrittenBySteward", () => {
  it("believes what GitHub says Steward's own app wrote", () => {
    expect(isWrittenBySteward({ appId: 4242, login: "steward[bot]" }, steward)).toBe(true);
  });

  it("refuses what another app wrote, whatever its login or Steward's bot login", () => {
    expect(isWrittenBySteward({ appId: 15368, login: "github-actions[bot]" }, steward)).toBe(false);
    // The app id decides: a login that looks like Steward's does not make another app's body Steward's.
    expect(isWrittenBySteward({ appId: 15368, login: "steward[bot]" }, steward)).toBe(false);
    expect(isWrittenBySteward({ appId: 15368, login: "steward[bot]" }, { appId: 4242, botLogin: null })).toBe(false);
  });

  it("falls back to Steward's bot login, any case, where GitHub names no app", () => {
    expect(isWrittenBySteward({ appId: null, login: "steward[bot]" }, steward)).toBe(true);
    expect(isWrittenBySteward({ appId: null, login: "Steward[bot]" }, steward)).toBe(true);
    expect(isWrittenBySteward({ appId: null, login: "github-actions[bot]" }, steward)).toBe(false);
    expect(isWrittenBySteward({ appId: null, login: "steward" }, steward)).toBe(false);
    expect(isWrittenBySteward({ appId: null, login: null }, steward)).toBe(false);
  });

  it("believes nothing without an app id when Steward's bot login is unknown", () => {
    expect(isWrittenBySteward({ appId: null, login: "steward[bot]" }, { appId: 4242, botLogin: null })).toBe(false);
    expect(isWrittenBySteward({ appId: 4242, login: "steward[bot]" }, { appId: 4242, botLogin: null })).toBe(true);
  });
});
