import type { RepositoryRecord } from "../domain/repository.js";
import type { VisibleInstallation } from "./access.js";
import type { DashboardDeps, SignedInRequest } from "./dashboard-deps.js";
import { collectOverviewRows } from "./data/collect-overview.js";
import { collectRepositoryView, toLeadRows } from "./data/collect-repository-view.js";
import { listLeads } from "../store/leads.js";
import { sendCsv, sendHtml } from "./http-answers.js";
import { leadsCsv } from "./leads-csv.js";
import { renderHomePage } from "./pages/home-page.js";
import { renderOverviewPage } from "./pages/overview-page.js";
import { renderRepositoryPage } from "./pages/repository-page.js";

const HOME = { label: "Dashboard", href: "/dashboard" };

export function installationHref(installation: { id: number }): string {
  return `/dashboard/installations/${installation.id}`;
}

export function repositoryHref(repository: { fullName: string }): string {
  const [owner = "", name = ""] = repository.fullName.split("/");
  return `/dashboard/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

/**
 * The signed-in pages: the user's installations, an installation's overview, a repository's page
 * and its leads as CSV. Each looks its subject up among what the user may see, so a guessed id or
 * name of anything else finds nothing.
 */
export function repositoryPages(deps: DashboardDeps) {
  const configOf = (repository: RepositoryRecord) => deps.configFor(repository);

  async function home(request: SignedInRequest): Promise<void> {
    const view = {
      installations: request.visible.map((i) => ({ id: i.id, account: i.account, repositories: i.repositories.length, href: installationHref(i) })),
    };
    sendHtml(request.res, 200, renderHomePage(request.chrome("Your projects", [{ label: "Dashboard", href: null }]), view));
  }

  async function overview(request: SignedInRequest, installation: VisibleInstallation): Promise<void> {
    const now = deps.now();
    const rows = await collectOverviewRows(deps.db, installation.repositories, { now, configFor: configOf, hrefOf: repositoryHref });
    const chrome = request.chrome(installation.account, [HOME, { label: installation.account, href: null }]);
    sendHtml(
      request.res,
      200,
      renderOverviewPage(chrome, { installation: { id: installation.id, account: installation.account }, rows, generatedAt: now }),
    );
  }

  async function repositoryPage(request: SignedInRequest, installation: VisibleInstallation, repository: RepositoryRecord): Promise<void> {
    const view = await collectRepositoryView(deps.db, {
      repository,
      config: await configOf(repository),
      now: deps.now(),
      githubWeb: deps.github.web,
      leadsCsvHref: `${repositoryHref(repository)}/leads.csv`,
    });
    const trail = [HOME, { label: installation.account, href: installationHref(installation) }, { label: repository.name, href: null }];
    sendHtml(request.res, 200, renderRepositoryPage(request.chrome(repository.fullName, trail), view));
  }

  async function leads(request: SignedInRequest, repository: RepositoryRecord): Promise<void> {
    const rows = toLeadRows(await listLeads(deps.db, repository.id), `${deps.github.web}/${repository.fullName}`);
    sendCsv(request.res, `${repository.owner}-${repository.name}-leads.csv`, leadsCsv(rows));
  }

  return {
    /** False when the path names nothing this user may see. */
    async handle(request: SignedInRequest): Promise<boolean> {
      const path = request.url.pathname.replace(/\/+$/u, "") || "/";
      if (path === "/dashboard") {
        await home(request);
        return true;
      }
      const installationMatch = /^\/dashboard\/installations\/(\d+)$/u.exec(path);
      if (installationMatch) {
        const installation = request.visible.find((i) => i.id === Number(installationMatch[1]));
        if (!installation) return false;
        await overview(request, installation);
        return true;
      }
      const repositoryMatch = /^\/dashboard\/repos\/([^/]+)\/([^/]+?)(\/leads\.csv)?$/u.exec(path);
      if (!repositoryMatch) return false;
      const fullName = `${decode(repositoryMatch[1])}/${decode(repositoryMatch[2])}`.toLowerCase();
      for (const installation of request.visible) {
        const repository = installation.repositories.find((r) => r.fullName.toLowerCase() === fullName);
        if (!repository) continue;
        if (repositoryMatch[3]) await leads(request, repository);
        else await repositoryPage(request, installation, repository);
        return true;
      }
      return false;
    },
  };
}

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? "");
  } catch {
    return "";
  }
}
