import type { IncomingMessage } from "node:http";

/** The cookies a request carries, by name (the first of a repeated name wins, as browsers send the most specific first). */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  /** Only over HTTPS: set when Steward's public URL is https. */
  secure: boolean;
}

/**
 * A Set-Cookie value that scripts cannot read (HttpOnly) and that other sites' forms and
 * subresources do not carry (SameSite=Lax keeps the top-level GET of GitHub's redirect back working).
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`, "HttpOnly", "SameSite=Lax"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}
