import type { BackfillReport } from "../metrics/run-backfill.js";
import type { SandboxModel } from "../sandbox/index.js";
import { parseMarkers } from "../text/index.js";
import { monthName } from "../time/zoned-time.js";

/** What the demo did and what the sandbox GitHub holds afterwards. */
export interface DemoTranscript {
  repository: string;
  start: Date;
  end: Date;
  deliveries: number;
  failedDeliveries: number;
  backfill: { report: BackfillReport; requests: number };
  model: SandboxModel;
  /** The app's bot account, author of everything Steward wrote. */
  botLogin: string;
  /** Where the organization's roll-up digests go. */
  rollupRepository: string;
  /** The repository's discussions the demo opened (the model lists them by number only). */
  discussions: number[];
}

function when(iso: string): string {
  const at = new Date(iso);
  return `${monthName(at.getUTCMonth() + 1)} ${String(at.getUTCDate()).padStart(2)} ${iso.slice(11, 16)}`;
}

function firstLine(body: string): string {
  const line = body.split("\n").find((l) => l.trim() !== "" && !l.startsWith("<!--")) ?? "";
  return line.length > 110 ? `${line.slice(0, 107)}...` : line;
}

/**
 * The maintainer's view of the demo as plain text: every comment Steward wrote (welcomes and
 * reminders, in time order, with the item they are on), the maintainers' commands, the digest
 * issues and the organization's roll-ups, then the latest of each.
 */
export function printDemo(t: DemoTranscript): string {
  const out: string[] = [];
  out.push(`Steward demo: ${t.repository}, ${when(t.start.toISOString())} to ${when(t.end.toISOString())} UTC (simulated clock)`);
  const kinds = t.backfill.report.kinds.map((k) => `${k.done} ${k.kind}`).join(", ");
  out.push(
    `History backfill at installation: ${kinds}, in ${t.backfill.requests} API requests (${t.backfill.report.requests} of them GraphQL pages)`,
  );
  out.push(`Replayed ${t.deliveries} signed webhook deliveries (${t.failedDeliveries} refused)`, "");
  const items = t.model.listIssues(t.repository);
  const written = items.flatMap((item) =>
    t.model
      .listComments(t.repository, item.number)
      .filter((c) => c.user === t.botLogin)
      .map((c) => ({ item, comment: c, kind: parseMarkers(c.body)[0]?.kind ?? "?" })),
  );
  written.sort((a, b) => a.comment.created_at.localeCompare(b.comment.created_at));
  for (const [title, test] of [
    ["Welcomes and celebrations", (kind: string) => kind.startsWith("welcome")],
    ["Response reminders", (kind: string) => kind.startsWith("response")],
    ["Other comments", (kind: string) => !kind.startsWith("welcome") && !kind.startsWith("response")],
  ] as const) {
    const rows = written.filter((w) => test(w.kind));
    if (rows.length === 0) continue;
    out.push(`${title} (${rows.length})`);
    for (const w of rows) {
      out.push(`  ${when(w.comment.created_at)}  #${w.item.number} by ${w.item.user}  [${w.kind}]  ${firstLine(w.comment.body)}`);
    }
    out.push("");
  }
  const onDiscussions = t.discussions.flatMap((number) => {
    const discussion = t.model.discussions.get(t.repository, number);
    if (!discussion) return [];
    return t.model.discussions
      .comments(t.repository, number)
      .filter((c) => c.user === t.botLogin)
      .map((c) => ({ discussion, comment: c, kind: parseMarkers(c.body)[0]?.kind ?? "?" }));
  });
  if (onDiscussions.length > 0) {
    // Discussion comments, not issue comments: GitHub keeps them apart, and so does this list.
    out.push(`Discussions: welcomes and reminders (${onDiscussions.length})`);
    for (const w of onDiscussions) {
      out.push(
        `  ${when(w.comment.created_at)}  discussion #${w.discussion.number} by ${w.discussion.user}  [${w.kind}]  ${firstLine(w.comment.body)}`,
      );
    }
    const answered = t.discussions.flatMap((number) => {
      const discussion = t.model.discussions.get(t.repository, number);
      return discussion?.answer_chosen_at ? [`  ${when(discussion.answer_chosen_at)}  discussion #${number}: answer accepted`] : [];
    });
    out.push(...answered, "");
  }
  const commands = items.flatMap((item) =>
    t.model
      .listComments(t.repository, item.number)
      .filter((c) => /^\/steward\b/i.test(c.body.trim()))
      .map((c) => ({ item, comment: c, acknowledged: t.model.listReactions(t.repository, c.id).some((r) => r.user === t.botLogin) })),
  );
  if (commands.length > 0) {
    out.push(`Maintainer commands (${commands.length})`);
    for (const c of commands) {
      const answer = c.acknowledged ? "acknowledged with a reaction" : "not acknowledged";
      out.push(`  ${when(c.comment.created_at)}  #${c.item.number} by ${c.item.user}  ${c.comment.user}: ${firstLine(c.comment.body)}  (${answer})`);
    }
    out.push("");
  }
  const digests = items.filter((i) => i.user === t.botLogin && i.pull === null);
  out.push(`Digest issues (${digests.length})`);
  for (const d of digests) out.push(`  ${when(d.created_at)}  #${d.number} ${d.title} (${d.state})`);
  const rollups = t.model.listIssues(t.rollupRepository).filter((i) => i.user === t.botLogin && i.pull === null);
  out.push("", `Organization digests in ${t.rollupRepository} (${rollups.length})`);
  for (const d of rollups) out.push(`  ${when(d.created_at)}  #${d.number} ${d.title} (${d.state})`);
  const latest = digests.at(-1);
  if (latest) out.push("", `──── #${latest.number}, as GitHub shows it ────`, "", `# ${latest.title}`, "", latest.body ?? "");
  const latestRollup = rollups.at(-1);
  if (latestRollup) {
    out.push(
      "",
      `──── ${t.rollupRepository}#${latestRollup.number}, as GitHub shows it ────`,
      "",
      `# ${latestRollup.title}`,
      "",
      latestRollup.body ?? "",
    );
  }
  return out.join("\n") + "\n";
}
