import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { readCookies, serializeCookie } from "../../../src/web/session/cookies.js";
import { sealedBox } from "../../../src/web/session/sealed-box.js";
import { SESSION_COOKIE, SIGN_IN_COOKIE, sessionCookies, type Session } from "../../../src/web/session/session.js";

const SECRET = "a-session-secret-of-at-least-32-characters";

function requestWith(cookies: Record<string, string>): IncomingMessage {
  const header = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return { headers: { cookie: header } } as IncomingMessage;
}

/** The value part of a Set-Cookie line. */
function cookieValue(setCookie: string): string {
  return setCookie.slice(setCookie.indexOf("=") + 1, setCookie.indexOf(";"));
}

const session: Session = { userId: 7, login: "maya", token: "ghu_secret", expiresAt: Date.parse("2026-12-03T18:00:00Z"), id: "sid-1" };

describe("sealedBox", () => {
  it("opens what it sealed and nothing else", () => {
    const box = sealedBox(SECRET, "session");
    const value = { token: "ghu_plaintext_marker_of_this_test" };
    const sealed = box.seal(value);
    expect(box.open(sealed)).toEqual(value);
    // Encrypted, not merely encoded: neither the text nor its base64 is in the cookie.
    expect(sealed).not.toContain("plaintext_marker");
    expect(sealed).not.toContain(Buffer.from(JSON.stringify(value)).toString("base64url").slice(4, 24));
    expect(sealedBox("another-secret-of-at-least-32-characters", "session").open(sealed)).toBeNull();
    expect(sealedBox(SECRET, "sign-in").open(sealed)).toBeNull();
    const bytes = Buffer.from(sealed, "base64url");
    bytes[15] = (bytes[15] ?? 0) ^ 1;
    expect(box.open(bytes.toString("base64url"))).toBeNull();
    expect(box.open("short")).toBeNull();
  });

  it("compares MACs", () => {
    const box = sealedBox(SECRET, "session");
    expect(box.macMatches("x", box.mac("x"))).toBe(true);
    expect(box.macMatches("x", box.mac("y"))).toBe(false);
    expect(box.macMatches("x", "")).toBe(false);
  });
});

describe("cookies", () => {
  it("are HttpOnly and SameSite=Lax, Secure only when asked", () => {
    expect(serializeCookie("n", "v", { path: "/dashboard", maxAge: 60, secure: false })).toBe(
      "n=v; Path=/dashboard; Max-Age=60; HttpOnly; SameSite=Lax",
    );
    expect(serializeCookie("n", "", { path: "/", maxAge: 0, secure: true })).toContain("; Secure");
  });

  it("are read by name, the first of a repeated name winning", () => {
    const cookies = readCookies({ headers: { cookie: "a=1; b=2=3; a=4; junk" } } as IncomingMessage);
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("b")).toBe("2=3");
    expect(cookies.has("junk")).toBe(false);
  });
});

describe("sessionCookies", () => {
  let now = new Date("2026-12-03T12:00:00Z");
  const cookies = sessionCookies({ secret: SECRET, secure: true, now: () => now });

  it("keeps a session until it expires, sealed so the token is unreadable", () => {
    now = new Date("2026-12-03T12:00:00Z");
    const line = cookies.write(session);
    expect(line).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/dashboard; Max-Age=21600; HttpOnly; SameSite=Lax; Secure$`));
    expect(line).not.toContain("ghu_secret");
    const req = requestWith({ [SESSION_COOKIE]: cookieValue(line) });
    expect(cookies.read(req)).toEqual(session);
    now = new Date("2026-12-03T18:00:00Z");
    expect(cookies.read(req)).toBeNull();
  });

  it("refuses a forged or missing session", () => {
    now = new Date("2026-12-03T12:00:00Z");
    expect(cookies.read(requestWith({}))).toBeNull();
    const forged = Buffer.from(JSON.stringify(session)).toString("base64url");
    expect(cookies.read(requestWith({ [SESSION_COOKIE]: forged }))).toBeNull();
    const other = sessionCookies({ secret: "x".repeat(40), secure: false, now: () => now });
    expect(cookies.read(requestWith({ [SESSION_COOKIE]: cookieValue(other.write(session)) }))).toBeNull();
  });

  it("finishes a sign-in only with the state it started, before it expires", () => {
    now = new Date("2026-12-03T12:00:00Z");
    const { pending, cookie } = cookies.startSignIn("/dashboard/repos/acme/widget");
    const req = requestWith({ [SIGN_IN_COOKIE]: cookieValue(cookie) });
    expect(cookies.finishSignIn(req, "not-the-state")).toBeNull();
    expect(cookies.finishSignIn(req, "")).toBeNull();
    expect(cookies.finishSignIn(req, pending.state)).toEqual(pending);
    expect(cookies.finishSignIn(requestWith({}), pending.state)).toBeNull();
    now = new Date("2026-12-03T12:10:01Z");
    expect(cookies.finishSignIn(req, pending.state)).toBeNull();
  });

  it("binds the CSRF token to the session", () => {
    const token = cookies.csrfToken(session);
    expect(cookies.csrfMatches(session, token)).toBe(true);
    expect(cookies.csrfMatches({ ...session, id: "sid-2" }, token)).toBe(false);
    expect(cookies.csrfMatches(session, "")).toBe(false);
  });
});
