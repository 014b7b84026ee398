import type { ReminderKind } from "./due-reminder.js";

/** One thing a sweep did, would do (dry run), or failed to do for an item. */
export interface SweepAction {
  action: ReminderKind | "label-added" | "label-removed" | "waiting-label-removed";
  number: number;
  title: string;
  /** The comment's URL when one was posted or found. */
  url?: string;
  /** Why it failed or was put off; it stays claimed and the next sweep finishes it. */
  error?: string;
}

export interface RepositorySweep {
  repository: string;
  /** Why the repository was not swept (response clock switched off, GitHub unreachable), else null. */
  skipped: string | null;
  /** Community items waiting for a first response now. */
  waiting: number;
  sent: SweepAction[];
  wouldSend: SweepAction[];
  failed: SweepAction[];
}

/** What one sweep did, per repository, for the CLI, the scheduler's log and the demo. */
export interface SweepReport {
  at: Date;
  dryRun: boolean;
  repositories: RepositorySweep[];
}

/** The report as plain text, one line per action. */
export function renderSweepText(report: SweepReport): string {
  const lines = [`sweep at ${report.at.toISOString()}${report.dryRun ? " (dry run: nothing written)" : ""}`];
  for (const repo of report.repositories) {
    if (repo.skipped) {
      lines.push(`${repo.repository}: skipped (${repo.skipped})`);
      continue;
    }
    lines.push(
      `${repo.repository}: ${repo.waiting} waiting, ${repo.sent.length} sent, ${repo.wouldSend.length} would send, ${repo.failed.length} failed`,
    );
    const show = (verb: string, list: SweepAction[]) => {
      for (const a of list) lines.push(`  ${verb} ${a.action} #${a.number}${a.url ? ` ${a.url}` : ""}${a.error ? ` (${a.error})` : ""}`);
    };
    show("sent", repo.sent);
    show("would send", repo.wouldSend);
    show("FAILED", repo.failed);
  }
  return lines.join("\n") + "\n";
}
