import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import { SandboxHttpError } from "./errors.js";
import type { Permission } from "./model/types.js";

/** Clock skew tolerated on `iat`/`exp`, in seconds (Octokit already backdates `iat` by 30 s). */
const SKEW_SECONDS = 60;
/** GitHub refuses app JWTs that live longer than ten minutes. */
const MAX_JWT_LIFETIME_SECONDS = 600;
/** Installation tokens expire after one hour, as on GitHub. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Parses the public key once, so every request does not re-read the PEM. */
export function parsePublicKey(pem: string): KeyObject {
  return createPublicKey(pem.replace(/\\n/g, "\n"));
}

/** Splits `Authorization: <scheme> <credential>`; the scheme is lower-cased. */
export function parseAuthorization(header: string | undefined): { scheme: string; credential: string } | null {
  const match = /^(\w+)\s+(\S+)\s*$/.exec(header ?? "");
  if (!match?.[1] || !match[2]) return null;
  return { scheme: match[1].toLowerCase(), credential: match[2] };
}

/** True when the credential has the three dot-separated parts of a JWT. */
export function looksLikeJwt(credential: string): boolean {
  return credential.split(".").length === 3;
}

/**
 * Verifies a GitHub App JWT: RS256 signature against the app's public key, `iss` equal to the
 * app id (GitHub accepts it as a number or a string), `exp` in the future but at most ten
 * minutes away, `iat` not in the future. Throws a 401 with GitHub's wording otherwise.
 */
export function verifyAppJwt(jwt: string, publicKey: KeyObject, appId: number, nowMs: number): void {
  const [headerPart, payloadPart, signaturePart] = jwt.split(".");
  if (!headerPart || !payloadPart || signaturePart === undefined) throw unauthorized("A JSON web token could not be decoded");
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) throw unauthorized("A JSON web token could not be decoded");
  if (header["alg"] !== "RS256") throw unauthorized("A JSON web token could not be decoded (alg must be RS256)");
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, "base64url");
  if (!verify("RSA-SHA256", signed, publicKey, signature)) {
    throw unauthorized("A JSON web token could not be decoded (signature does not match the app's public key)");
  }
  if (String(payload["iss"]) !== String(appId)) throw unauthorized(`'Issuer' claim ('iss') must be the app id ${appId}`);
  const now = Math.floor(nowMs / 1000);
  const exp = payload["exp"];
  const iat = payload["iat"];
  if (typeof exp !== "number" || exp + SKEW_SECONDS <= now) {
    throw unauthorized("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
  }
  if (exp > now + MAX_JWT_LIFETIME_SECONDS + SKEW_SECONDS) throw unauthorized("'Expiration time' claim ('exp') is too far in the future");
  if (typeof iat !== "number" || iat > now + SKEW_SECONDS) {
    throw unauthorized("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  }
}

/** An installation access token issued by the sandbox. */
export interface TokenRecord {
  token: string;
  installationId: number;
  expiresAt: number;
  permissions: Record<string, Permission>;
  /** Narrowed repository ids when the token was requested for some repositories only. */
  repositoryIds: Set<number> | null;
}

/** Issues and resolves installation tokens (`ghs_...`), valid for one hour of wall-clock time. */
export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();
  constructor(private readonly wallClock: () => number) {}

  issue(installationId: number, permissions: Record<string, Permission>, repositoryIds: Set<number> | null): TokenRecord {
    const record: TokenRecord = {
      token: `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`,
      installationId,
      expiresAt: this.wallClock() + TOKEN_LIFETIME_MS,
      permissions,
      repositoryIds,
    };
    this.#tokens.set(record.token, record);
    return record;
  }

  /** The live record for a token; a 401 "Bad credentials" when unknown or expired. */
  resolve(token: string): TokenRecord {
    const record = this.#tokens.get(token);
    if (!record || record.expiresAt <= this.wallClock()) throw unauthorized("Bad credentials");
    return record;
  }

  /** Drops every token of an installation (after it is uninstalled). */
  revokeInstallation(installationId: number): void {
    for (const [token, record] of this.#tokens) if (record.installationId === installationId) this.#tokens.delete(token);
  }
}

function unauthorized(message: string): SandboxHttpError {
  return new SandboxHttpError(401, message, { status: "401" });
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
