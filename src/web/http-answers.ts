import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { DASHBOARD_CSS } from "./pages/styles.js";

/** The one stylesheet every page carries inline, allowed by its hash: nothing else may style a page. */
const STYLE_HASH = `'sha256-${createHash("sha256").update(DASHBOARD_CSS, "utf8").digest("base64")}'`;

/** The dashboard's pages run no script and load nothing from elsewhere; forms post only here. */
const PAGE_SECURITY_HEADERS = {
  "content-security-policy": `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

/** Pages show private figures of one user's repositories: never cached by a browser or a proxy. */
const PRIVATE = { "cache-control": "no-store" };

export function sendHtml(res: ServerResponse, status: number, html: string, cookies: string[] = []): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    ...PAGE_SECURITY_HEADERS,
    ...PRIVATE,
    ...(cookies.length > 0 ? { "set-cookie": cookies } : {}),
  });
  res.end(html);
}

export function sendCsv(res: ServerResponse, filename: string, csv: string): void {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/gu, "_")}"`,
    "x-content-type-options": "nosniff",
    ...PRIVATE,
  });
  res.end(csv);
}

/** 303 after a form post, 302 otherwise; `location` is a path on this server or GitHub's sign-in page. */
export function redirect(res: ServerResponse, location: string, cookies: string[] = [], status: 302 | 303 = 302): void {
  res.writeHead(status, { location, ...PRIVATE, ...(cookies.length > 0 ? { "set-cookie": cookies } : {}) });
  res.end();
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { allow, "content-type": "text/plain; charset=utf-8", ...PRIVATE });
  res.end("method not allowed\n");
}
