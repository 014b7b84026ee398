import { randomBytes } from "node:crypto";

/** GitHub's lifetimes for expiring user access tokens, in seconds: 8 hours and about 6 months. */
export const ACCESS_TOKEN_SECONDS = 28_800;
export const REFRESH_TOKEN_SECONDS = 15_897_600;
/** An unused authorization code expires after ten minutes, as on GitHub. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** A user access token (`ghu_`); it names the user by id, so it survives a rename. */
export interface UserTokenRecord {
  token: string;
  userId: number;
  expiresAt: number;
}

/** What a successful code exchange or refresh hands out. */
export interface IssuedUserTokens {
  accessToken: string;
  refreshToken: string;
}

interface CodeGrant {
  userId: number;
  redirectUri: string;
  expiresAt: number;
}

interface RefreshGrant {
  userId: number;
  /** The access token issued with it: refreshing revokes both, as GitHub does. */
  accessToken: string;
  expiresAt: number;
}

/** Why an exchange was refused, named as GitHub names it in the error body. */
export type GrantRefusal = "bad_verification_code" | "redirect_uri_mismatch" | "bad_refresh_token";

/**
 * Authorization codes, user access tokens and refresh tokens of the web flow, all timed by the
 * wall clock. Everything here is one-time or expiring: a code works once, a refresh token works
 * once and takes its access token with it.
 */
export class UserTokenStore {
  readonly #codes = new Map<string, CodeGrant>();
  readonly #access = new Map<string, UserTokenRecord>();
  readonly #refresh = new Map<string, RefreshGrant>();

  constructor(private readonly wallClock: () => number) {}

  /** A code for `userId`, to be exchanged by the app within ten minutes. */
  issueCode(userId: number, redirectUri: string): string {
    const code = randomBytes(10).toString("hex");
    this.#codes.set(code, { userId, redirectUri, expiresAt: this.wallClock() + CODE_LIFETIME_MS });
    return code;
  }

  /**
   * Exchanges a code for tokens. The code is spent by any attempt that names it, so a replay
   * after a mismatched redirect_uri fails too; a redirect_uri is checked only when given.
   */
  redeemCode(code: string, redirectUri: string | undefined): IssuedUserTokens | GrantRefusal {
    const grant = this.#codes.get(code);
    this.#codes.delete(code);
    if (!grant || grant.expiresAt <= this.wallClock()) return "bad_verification_code";
    if (redirectUri !== undefined && redirectUri !== grant.redirectUri) return "redirect_uri_mismatch";
    return this.#issue(grant.userId);
  }

  /** A new pair for a live refresh token; the old refresh token and its access token stop working. */
  refresh(refreshToken: string): IssuedUserTokens | GrantRefusal {
    const grant = this.#refresh.get(refreshToken);
    if (!grant || grant.expiresAt <= this.wallClock()) return "bad_refresh_token";
    this.#refresh.delete(refreshToken);
    this.#access.delete(grant.accessToken);
    return this.#issue(grant.userId);
  }

  /** The live record of a user access token, or null when unknown, revoked or expired. */
  resolve(token: string): UserTokenRecord | null {
    const record = this.#access.get(token);
    return record && record.expiresAt > this.wallClock() ? record : null;
  }

  #issue(userId: number): IssuedUserTokens {
    const now = this.wallClock();
    const accessToken = `ghu_${randomToken(36)}`;
    const refreshToken = `ghr_${randomToken(76)}`;
    this.#access.set(accessToken, { token: accessToken, userId, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
    this.#refresh.set(refreshToken, { userId, accessToken, expiresAt: now + REFRESH_TOKEN_SECONDS * 1000 });
    return { accessToken, refreshToken };
  }
}

/** Alphanumeric, as GitHub's tokens are after their prefix. */
function randomToken(length: number): string {
  let text = "";
  while (text.length < length) text += randomBytes(length).toString("base64url").replace(/[-_]/g, "");
  return text.slice(0, length);
}
