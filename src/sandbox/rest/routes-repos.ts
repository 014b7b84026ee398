import { notFound } from "../errors.js";
import { canReach, fullNameOf, repoFor, wantsMedia } from "./access.js";
import { paginate, pagedList } from "./pagination.js";
import { fullUser, simpleUser } from "./shapes-account.js";
import { repoShape } from "./shapes-repo.js";
import { route, type RouteDef } from "./types.js";

/** Repository, user and installation reads. */
export const repoRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}", (ctx) => ({ body: repoShape(ctx, repoFor(ctx)) })),

  route("GET /repos/{owner}/{repo}/forks", (ctx) => {
    const state = repoFor(ctx);
    const forks = state.forks.flatMap((name) => {
      const fork = ctx.model.getRepository(name);
      return fork ? [ctx.model.repoState(name)] : [];
    });
    // GitHub's default sort is "newest".
    const sort = ctx.query.get("sort") ?? "newest";
    const ordered = sort === "oldest" ? forks : [...forks].reverse();
    return pagedList(ctx, ordered, (fork) => repoShape(ctx, fork));
  }),

  route("GET /repos/{owner}/{repo}/stargazers", (ctx) => {
    const state = repoFor(ctx);
    // With the star media type each entry carries starred_at; otherwise it is the bare user.
    const withDates = wantsMedia(ctx, "star+json");
    return pagedList(ctx, state.stars, (star) =>
      withDates ? { starred_at: star.starred_at, user: simpleUser(ctx, star.user) } : simpleUser(ctx, star.user),
    );
  }),

  route("GET /users/{username}", (ctx) => {
    const user = ctx.model.getUser(ctx.params["username"] ?? "");
    if (!user) throw notFound();
    return { body: fullUser(ctx, user) };
  }),

  route("GET /installation/repositories", (ctx) => {
    const token = ctx.token;
    if (!token) throw notFound();
    const repos = ctx.model.installationRepositories(token.installationId).filter((r) => canReach(ctx, r.id));
    const { page, headers } = paginate(ctx, repos);
    const installation = ctx.model.getInstallation(token.installationId);
    return {
      body: {
        total_count: repos.length,
        repositories: page.map((r) => repoShape(ctx, ctx.model.repoState(`${r.owner}/${r.name}`))),
        repository_selection: token.repositoryIds ? "selected" : installation?.repository_selection,
      },
      headers,
    };
  }),

  route("GET /repos/{owner}/{repo}/community/profile", (ctx) => {
    const state = repoFor(ctx);
    // GitHub's community profile does not exist for forks.
    if (state.repo.fork) throw notFound();
    const find = (...paths: string[]) => paths.find((p) => state.files.has(p));
    const fileLink = (path: string | undefined) =>
      path === undefined
        ? null
        : {
            url: `${ctx.urls.api}/repos/${fullNameOf(state)}/contents/${path}`,
            html_url: `${ctx.urls.web}/${fullNameOf(state)}/blob/${state.repo.default_branch}/${path}`,
          };
    const files = {
      code_of_conduct: fileLink(find("CODE_OF_CONDUCT.md", ".github/CODE_OF_CONDUCT.md", "docs/CODE_OF_CONDUCT.md")),
      code_of_conduct_file: fileLink(find("CODE_OF_CONDUCT.md", ".github/CODE_OF_CONDUCT.md", "docs/CODE_OF_CONDUCT.md")),
      contributing: fileLink(find("CONTRIBUTING.md", ".github/CONTRIBUTING.md", "docs/CONTRIBUTING.md")),
      issue_template: fileLink(find(".github/ISSUE_TEMPLATE.md", ".github/ISSUE_TEMPLATE/bug_report.md", ".github/ISSUE_TEMPLATE/config.yml")),
      pull_request_template: fileLink(find(".github/PULL_REQUEST_TEMPLATE.md", ".github/pull_request_template.md", "PULL_REQUEST_TEMPLATE.md")),
      license: state.repo.license ? { key: state.repo.license.toLowerCase(), name: state.repo.license, spdx_id: state.repo.license } : null,
      readme: fileLink(find("README.md", "README", "docs/README.md", ".github/README.md")),
    };
    const checks = [
      state.repo.description !== null,
      files.readme,
      files.code_of_conduct,
      files.contributing,
      files.license,
      files.issue_template,
      files.pull_request_template,
    ];
    return {
      body: {
        health_percentage: Math.round((100 * checks.filter(Boolean).length) / checks.length),
        description: state.repo.description,
        documentation: state.repo.homepage,
        files,
        updated_at: state.repo.updated_at,
        content_reports_enabled: false,
      },
    };
  }),
];
