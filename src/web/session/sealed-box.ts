import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Authenticated encryption of small JSON values for cookies (AES-256-GCM). The session cookie
 * carries the user's GitHub token, so it must be unreadable as well as unforgeable; keeping it in
 * the cookie (not in server memory) lets any replica serve any request.
 */
export interface SealedBox {
  seal(value: unknown): string;
  /** The value sealed by this box, or null for anything else (forged, truncated, another key). */
  open(sealed: string): unknown;
  /** A keyed digest (HMAC-SHA256, base64url), e.g. for CSRF tokens bound to a session. */
  mac(text: string): string;
  /** Compares a MAC sent back with the expected one in constant time. */
  macMatches(text: string, mac: string): boolean;
}

/** Derives separate encryption and MAC keys from one secret, each bound to `purpose`. */
export function sealedBox(secret: string, purpose: string): SealedBox {
  const encryptionKey = Buffer.from(hkdfSync("sha256", secret, "steward", `${purpose}:encrypt`, 32));
  const macKey = Buffer.from(hkdfSync("sha256", secret, "steward", `${purpose}:mac`, 32));
  const mac = (text: string) => createHmac("sha256", macKey).update(text, "utf8").digest("base64url");
  return {
    seal(value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, "base64url");
      if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", encryptionKey, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
    mac,
    macMatches(text, sent) {
      const expected = Buffer.from(mac(text));
      const given = Buffer.from(sent);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
