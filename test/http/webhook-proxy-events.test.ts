import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/app/webhook-proxy.js";

describe("parseEvent (server-sent events of a webhook proxy channel)", () => {
  it("reads the type and joins data lines; comments are skipped", () => {
    expect(parseEvent(": keep-alive\nevent: ready\ndata: {}")).toEqual({ type: "ready", data: "{}" });
    expect(parseEvent('data: {"a":\ndata: 1}')).toEqual({ type: "message", data: '{"a":\n1}' });
    expect(parseEvent("id: 4\ndata:x")).toEqual({ type: "message", data: "x" });
  });
});
