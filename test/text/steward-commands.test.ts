import { describe, expect, it } from "vitest";
import { MAX_SNOOZE_MS, parseCommentCommands, parseDuration } from "../../src/text/steward-commands.js";

const H = 3_600_000;
const command = (body: string) => parseCommentCommands(body).command;

describe("parsing Steward commands in a comment", () => {
  it("reads each command, in any case, with leading spaces and on any line", () => {
    expect(command("/steward exempt")).toEqual({ name: "exempt", text: "/steward exempt" });
    expect(command("Thanks!\n\n  /STEWARD Include")).toMatchObject({ name: "include" });
    expect(command("/Steward waiting")).toMatchObject({ name: "waiting" });
    expect(command("/steward lead")).toMatchObject({ name: "lead" });
    expect(command("/steward not-lead")).toMatchObject({ name: "not-lead" });
    expect(command("/steward help")).toMatchObject({ name: "help" });
  });

  it("reads a snooze's length in hours, days or weeks, capped at 90 days", () => {
    expect(command("/steward snooze 12h")).toMatchObject({ name: "snooze", durationMs: 12 * H });
    expect(command("/steward snooze 3d")).toMatchObject({ name: "snooze", durationMs: 72 * H });
    expect(command("/steward snooze 2W")).toMatchObject({ name: "snooze", durationMs: 14 * 24 * H });
    expect(command("/steward snooze 200d")).toMatchObject({ name: "snooze", durationMs: MAX_SNOOZE_MS });
    expect(MAX_SNOOZE_MS).toBe(90 * 24 * H);
    expect(parseDuration("0d")).toBeNull();
    expect(parseDuration("3")).toBeNull();
    expect(parseDuration("3m")).toBeNull();
  });

  it("takes a bad snooze, extra words, a bare /steward or an unknown word as unknown (answered with the help)", () => {
    for (const body of ["/steward snooze", "/steward snooze soon", "/steward exempt please", "/steward", "/steward frobnicate"]) {
      expect(command(body)).toMatchObject({ name: "unknown", text: body });
    }
  });

  it("ignores commands in fenced code blocks, block quotes, indented code and the middle of a line", () => {
    expect(command("```\n/steward exempt\n```")).toBeNull();
    expect(command("~~~~md\n/steward exempt\n~~~\n/steward snooze\n~~~~")).toBeNull();
    expect(command("> /steward exempt")).toBeNull();
    expect(command("   > /steward exempt")).toBeNull();
    expect(command("    /steward exempt")).toBeNull();
    expect(command("please run /steward exempt")).toBeNull();
    expect(command("/stewardship exempt")).toBeNull();
    // After the fence closes, a command counts again.
    expect(command("```\n/steward exempt\n```\n/steward waiting")).toMatchObject({ name: "waiting" });
  });

  it("applies the first command line of a comment only", () => {
    expect(command("/steward snooze 2d\n/steward exempt")).toMatchObject({ name: "snooze" });
    expect(command("/steward nonsense\n/steward exempt")).toMatchObject({ name: "unknown" });
  });

  it("tells a comment made only of commands from one with other words", () => {
    expect(parseCommentCommands("/steward snooze 2d\n\n/steward exempt\n").onlyCommands).toBe(true);
    expect(parseCommentCommands("Looking into it.\n/steward snooze 2d").onlyCommands).toBe(false);
    expect(parseCommentCommands("/steward exempt\n```\ncode\n```").onlyCommands).toBe(false);
    expect(parseCommentCommands("No command here").onlyCommands).toBe(false);
    expect(parseCommentCommands("").onlyCommands).toBe(false);
  });
});
