import type { LabelRecord, RepoState } from "../model/types.js";
import { simpleUser } from "./shapes-account.js";
import type { ShapeContext } from "./types.js";

/** A repository as `GET /repos/{owner}/{repo}` returns it (the fields real code reads). */
export function repoShape(ctx: ShapeContext, state: RepoState): Record<string, unknown> {
  const repo = state.repo;
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${ctx.urls.api}/repos/${fullName}`;
  const openIssues = [...state.issues.values()].filter((i) => i.state === "open").length;
  const shape: Record<string, unknown> = {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(ctx, repo.owner),
    html_url: `${ctx.urls.web}/${fullName}`,
    description: repo.description,
    fork: repo.fork,
    url,
    forks_url: `${url}/forks`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    labels_url: `${url}/labels{/name}`,
    stargazers_url: `${url}/stargazers`,
    contents_url: `${url}/contents/{+path}`,
    created_at: repo.created_at,
    updated_at: repo.updated_at,
    pushed_at: repo.pushed_at,
    homepage: repo.homepage,
    size: 0,
    stargazers_count: state.stars.length,
    watchers_count: state.stars.length,
    language: null,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_discussions: false,
    forks_count: state.forks.length,
    archived: repo.archived,
    disabled: false,
    // GitHub counts open pull requests as open issues here.
    open_issues_count: openIssues,
    license: licenseShape(repo.license),
    allow_forking: true,
    is_template: false,
    topics: repo.topics,
    visibility: repo.private ? "private" : "public",
    forks: state.forks.length,
    open_issues: openIssues,
    watchers: state.stars.length,
    default_branch: repo.default_branch,
    subscribers_count: 0,
    network_count: state.forks.length,
  };
  if (repo.parent && ctx.model.getRepository(repo.parent)) {
    const parentShape = repoShape(ctx, ctx.model.repoState(repo.parent));
    shape["parent"] = parentShape;
    shape["source"] = parentShape["source"] ?? parentShape;
  }
  return shape;
}

/** The `license` object of a repository, from its SPDX id. */
export function licenseShape(spdx: string | null): Record<string, unknown> | null {
  if (!spdx) return null;
  const key = spdx.toLowerCase();
  return {
    key,
    name: spdx,
    spdx_id: spdx,
    url: `https://api.github.com/licenses/${key}`,
    node_id: Buffer.from(`07:License${key}`).toString("base64"),
  };
}

/** A label as the labels routes return it. */
export function labelShape(ctx: ShapeContext, state: RepoState, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${ctx.urls.api}/repos/${state.repo.owner}/${state.repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}
