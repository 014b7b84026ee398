import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "../../http/webhook-guard.js";
import { badgeRepository, repositoryBadges, type BadgeDataDeps, type RenderedBadge, type RepositoryBadges } from "./badge-data.js";
import type { BadgeKind } from "./badge-values.js";
import { ttlCache } from "./ttl-cache.js";

export type BadgeRouteDeps = BadgeDataDeps;

/** How long a computed badge is served from memory, and how long clients and proxies may keep it. */
const CACHE_SECONDS = 300;
const MAX_CACHED_REPOSITORIES = 1_000;

const BADGE_PATH = /^\/badges\/([^/]+)\/([^/]+)\/(first-response|response-goal)\.svg$/;
/** What GitHub allows in an owner's or a repository's name; anything else cannot be served. */
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

const SVG_HEADERS = {
  "cache-control": `public, max-age=${CACHE_SECONDS}, s-maxage=${CACHE_SECONDS}`,
  "x-content-type-options": "nosniff",
  // An SVG opened on its own is a document: it may run nothing and load nothing.
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
};

/**
 * `GET|HEAD /badges/<owner>/<repo>/first-response.svg` and `.../response-goal.svg`: public README
 * badges of a served public repository's last 30 days (median first response; share answered
 * within the goal). Everything else about the repository is 404 alike. The badges of a repository
 * are computed together, once per 5 minutes (by `now`), and kept for at most 1,000 repositories;
 * `configFor` gives the goal and is called only when the figures are computed.
 */
export function badgeRoutes(deps: BadgeRouteDeps): RequestHandler {
  // A pending computation is cached too, so a burst of views of a cold badge queries the store once.
  const cache = ttlCache<Promise<RepositoryBadges | null>>({ ttlMs: CACHE_SECONDS * 1000, maxEntries: MAX_CACHED_REPOSITORIES });

  async function badgesOf(fullName: string): Promise<RepositoryBadges | null> {
    const key = fullName.toLowerCase();
    const nowMs = deps.now().getTime();
    const cached = cache.get(key, nowMs);
    if (cached) return cached;
    const computing = (async () => {
      const repository = await badgeRepository(deps.db, key);
      return repository ? repositoryBadges(deps, repository) : null;
    })();
    cache.set(key, computing, nowMs);
    // A failure is not remembered: the next view tries again (and this one answers 500).
    computing.catch(() => cache.delete(key));
    return computing;
  }

  return async (req, res) => {
    const target = badgeTarget(req.url ?? "");
    if (!target) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("method not allowed\n");
      return true;
    }
    const badges = target.fullName === null ? null : await badgesOf(target.fullName);
    if (!badges) notFound(res);
    else sendBadge(req, res, badges[target.kind]);
    return true;
  };
}

/** The badge a path asks for; `fullName` null when the names cannot be a repository's. */
function badgeTarget(url: string): { fullName: string | null; kind: BadgeKind } | null {
  const match = BADGE_PATH.exec(url.split("?")[0] ?? "");
  if (!match) return null;
  const kind = match[3] as BadgeKind;
  const owner = decoded(match[1]!);
  const repo = decoded(match[2]!);
  const valid = owner !== null && repo !== null && NAME.test(owner) && NAME.test(repo);
  return { fullName: valid ? `${owner}/${repo}` : null, kind };
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The server's own 404, word for word: a badge path says no more than any unknown path. */
function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: "not found" }));
}

function sendBadge(req: IncomingMessage, res: ServerResponse, badge: RenderedBadge): void {
  if (matchesEtag(req.headers["if-none-match"], badge.etag)) {
    res.writeHead(304, { etag: badge.etag, ...SVG_HEADERS });
    res.end();
    return;
  }
  res.writeHead(200, {
    "content-type": "image/svg+xml; charset=utf-8",
    "content-length": Buffer.byteLength(badge.body, "utf8"),
    etag: badge.etag,
    ...SVG_HEADERS,
  });
  res.end(req.method === "HEAD" ? undefined : badge.body);
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): `W/"x"` matches `"x"`, and `*` matches any. */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(",") : header).split(",").map((tag) => tag.trim());
  return tags.some((tag) => tag === "*" || tag.replace(/^W\//, "") === etag);
}
