import type { StewardConfig } from "../config/schema.js";
import { digestSections } from "../digest/render-digest.js";
import { healthSection } from "../digest/render/health.js";
import { fitBody } from "../text/index.js";
import type { RepositoryReport } from "./build-report.js";

/**
 * The human-readable form of a report, for the terminal: the ledger, then the figures as the
 * digest's sections would show them for the report's period.
 */
export function renderReportText(report: RepositoryReport, stewardConfig: StewardConfig): string {
  const { ledger, items, config } = report;
  const lines = [
    `Steward report for ${report.repository}`,
    "",
    `Ledger: ${ledger.events} events from ${ledger.deliveries} deliveries` +
      (ledger.firstEventAt ? ` (${ledger.firstEventAt} .. ${ledger.lastEventAt})` : ""),
    ...Object.entries(ledger.eventsByKind).map(([kind, n]) => `  ${kind.padEnd(40)} ${String(n).padStart(7)}`),
    "",
    `Issues: ${items.openIssues} open, ${items.closedIssues} closed`,
    `Pull requests: ${items.openPullRequests} open, ${items.closedPullRequests} closed`,
    "",
    configLine(config),
    ...(config?.problems ?? []).map((p) => `  - ${p.path || "(file)"}: ${p.message}`),
  ];
  const figures = fitBody(
    {
      head: `Figures for ${report.period.start} .. ${report.period.end} (configuration: ${report.configSource})`,
      sections: [
        // The health block comes last, under its own heading, whatever the digest's sections say.
        ...digestSections({
          ...report,
          repository: { fullName: report.repository, private: true },
          config: withoutDigestHealth(stewardConfig),
          problems: [],
        }),
        healthSection(report.health, { heading: "## Community health (CHAOSS)", nameCompanies: true }),
      ],
    },
    Number.MAX_SAFE_INTEGER,
  );
  return lines.join("\n") + "\n\n" + figures + "\n";
}

function configLine(config: RepositoryReport["config"]): string {
  if (!config) return "Config: not read yet";
  return config.valid ? `Config: valid (read ${config.checkedAt})` : `Config: INVALID, running on defaults (read ${config.checkedAt}):`;
}

function withoutDigestHealth(config: StewardConfig): StewardConfig {
  return { ...config, digest: { ...config.digest, sections: { ...config.digest.sections, health: false } } };
}
