import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readCookies, serializeCookie } from "./cookies.js";
import { sealedBox, type SealedBox } from "./sealed-box.js";

/** Who is signed in, with the user access token GitHub gave the app for them. */
export interface Session {
  userId: number;
  login: string;
  /** The user-to-server token: what GitHub says this user may reach is asked with it. */
  token: string;
  /** Milliseconds since the epoch; the token's own expiry or sooner. */
  expiresAt: number;
  /** Random per sign-in: the CSRF token is derived from it. */
  id: string;
}

/** A sign-in in progress: the `state` sent to GitHub and the page to return to. */
export interface PendingSignIn {
  state: string;
  next: string;
  expiresAt: number;
}

export const SESSION_COOKIE = "steward_session";
export const SIGN_IN_COOKIE = "steward_sign_in";
/** Both cookies are the dashboard's only: badges, webhooks and /metrics never see them. */
const COOKIE_PATH = "/dashboard";
/** GitHub's user access tokens of an app expire after 8 hours. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60_000;
const SIGN_IN_LIFETIME_MS = 10 * 60_000;

/** Reads, writes and clears the dashboard's cookies; `now` is injected so expiry is testable. */
export interface SessionCookies {
  read(req: IncomingMessage): Session | null;
  write(session: Session): string;
  clear(): string;
  startSignIn(next: string): { pending: PendingSignIn; cookie: string };
  /** The sign-in whose `state` came back, or null when it does not match, expired or is absent. */
  finishSignIn(req: IncomingMessage, state: string): PendingSignIn | null;
  clearSignIn(): string;
  csrfToken(session: Session): string;
  csrfMatches(session: Session, sent: string): boolean;
  newSessionId(): string;
}

export function sessionCookies(options: { secret: string; secure: boolean; now: () => Date }): SessionCookies {
  const sessions = sealedBox(options.secret, "session");
  const signIns = sealedBox(options.secret, "sign-in");
  const cookie = (name: string, value: string, maxAgeMs: number) =>
    serializeCookie(name, value, { path: COOKIE_PATH, maxAge: maxAgeMs / 1000, secure: options.secure });
  const nowMs = () => options.now().getTime();
  return {
    read(req) {
      const session = openCookie(sessions, readCookies(req).get(SESSION_COOKIE));
      return isSession(session) && session.expiresAt > nowMs() ? session : null;
    },
    write: (session) => cookie(SESSION_COOKIE, sessions.seal(session), session.expiresAt - nowMs()),
    clear: () => cookie(SESSION_COOKIE, "", 0),
    startSignIn(next) {
      const pending: PendingSignIn = { state: randomToken(), next, expiresAt: nowMs() + SIGN_IN_LIFETIME_MS };
      return { pending, cookie: cookie(SIGN_IN_COOKIE, signIns.seal(pending), SIGN_IN_LIFETIME_MS) };
    },
    finishSignIn(req, state) {
      const pending = openCookie(signIns, readCookies(req).get(SIGN_IN_COOKIE));
      if (!isPendingSignIn(pending) || pending.expiresAt <= nowMs()) return null;
      return state.length > 0 && signIns.macMatches(pending.state, signIns.mac(state)) ? pending : null;
    },
    clearSignIn: () => cookie(SIGN_IN_COOKIE, "", 0),
    csrfToken: (session) => sessions.mac(`csrf:${session.id}`),
    csrfMatches: (session, sent) => sessions.macMatches(`csrf:${session.id}`, sent),
    newSessionId: randomToken,
  };
}

function randomToken(): string {
  return randomBytes(24).toString("base64url");
}

function openCookie(box: SealedBox, value: string | undefined): unknown {
  return value ? box.open(value) : null;
}

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.userId === "number" &&
    typeof v.login === "string" &&
    typeof v.token === "string" &&
    typeof v.expiresAt === "number" &&
    typeof v.id === "string"
  );
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  const v = value as Partial<PendingSignIn> | null;
  return typeof v === "object" && v !== null && typeof v.state === "string" && typeof v.next === "string" && typeof v.expiresAt === "number";
}
