import type { RepositoryReport } from "./build-report.js";

/** The human-readable form of a report, for the terminal. */
export function renderReportText(report: RepositoryReport): string {
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
  return lines.join("\n") + "\n";
}

function configLine(config: RepositoryReport["config"]): string {
  if (!config) return "Config: not read yet";
  return config.valid
    ? `Config: valid (read ${config.checkedAt})`
    : `Config: INVALID, running on defaults (read ${config.checkedAt}):`;
}
