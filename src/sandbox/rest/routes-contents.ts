import { createHash } from "node:crypto";
import { notFound } from "../errors.js";
import type { RepoState, TrafficPoint } from "../model/types.js";
import { fullNameOf, repoFor, requirePermission, wantsMedia } from "./access.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** File contents and traffic. */
export const contentRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}/contents/{path}", (ctx) => {
    const state = repoFor(ctx);
    const path = (ctx.params["path"] ?? "").replace(/^\/+|\/+$/g, "");
    const text = state.files.get(path);
    if (text === undefined) return directory(ctx, state, path);
    // Probot's config plugin asks for the raw media type and only parses text/* answers as YAML.
    if (wantsMedia(ctx, "raw")) return { text, contentType: "text/plain; charset=utf-8" };
    return { body: fileShape(ctx, state, path, text) };
  }),

  route("GET /repos/{owner}/{repo}/traffic/views", (ctx) => traffic(ctx, "views")),
  route("GET /repos/{owner}/{repo}/traffic/clones", (ctx) => traffic(ctx, "clones")),
];

function fileShape(ctx: RestContext, state: RepoState, path: string, text: string): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${fullNameOf(state)}/contents/${path}`;
  const html = `${ctx.urls.web}/${fullNameOf(state)}/blob/${state.repo.default_branch}/${path}`;
  const sha = gitBlobSha(text);
  // GitHub wraps base64 content at 60 characters per line.
  const content = (
    Buffer.from(text, "utf8")
      .toString("base64")
      .match(/.{1,60}/g) ?? []
  ).join("\n");
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text, "utf8"),
    name: path.split("/").pop(),
    path,
    content: content.length > 0 ? `${content}\n` : "",
    sha,
    url: `${url}?ref=${state.repo.default_branch}`,
    git_url: `${ctx.urls.api}/repos/${fullNameOf(state)}/git/blobs/${sha}`,
    html_url: html,
    download_url: `${ctx.urls.web}/raw/${fullNameOf(state)}/${state.repo.default_branch}/${path}`,
    _links: { self: url, git: `${ctx.urls.api}/repos/${fullNameOf(state)}/git/blobs/${sha}`, html },
  };
}

/** A directory listing when files live under `path`; 404 otherwise (also for raw requests, like GitHub). */
function directory(ctx: RestContext, state: RepoState, path: string) {
  const prefix = path === "" ? "" : `${path}/`;
  const children = new Map<string, "file" | "dir">();
  for (const file of state.files.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const [head, ...tail] = rest.split("/");
    if (head) children.set(head, tail.length > 0 ? "dir" : "file");
  }
  if (children.size === 0 || wantsMedia(ctx, "raw")) throw notFound();
  const body = [...children].map(([name, type]) => {
    const childPath = `${prefix}${name}`;
    const text = state.files.get(childPath);
    return {
      type,
      name,
      path: childPath,
      size: text === undefined ? 0 : Buffer.byteLength(text, "utf8"),
      sha: gitBlobSha(text ?? childPath),
      url: `${ctx.urls.api}/repos/${fullNameOf(state)}/contents/${childPath}`,
      html_url: `${ctx.urls.web}/${fullNameOf(state)}/${type === "dir" ? "tree" : "blob"}/${state.repo.default_branch}/${childPath}`,
    };
  });
  return { body };
}

/** The traffic API needs the Administration (read) permission, which apps rarely have. */
function traffic(ctx: RestContext, kind: "views" | "clones") {
  const state = repoFor(ctx);
  requirePermission(ctx, "administration", "read");
  const points: TrafficPoint[] = state.traffic[kind];
  return {
    body: {
      count: points.reduce((sum, p) => sum + p.count, 0),
      uniques: points.reduce((sum, p) => sum + p.uniques, 0),
      [kind]: points,
    },
  };
}

function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
