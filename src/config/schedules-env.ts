import { validate } from "node-cron";

/**
 * Reads STEWARD_SCHEDULES: `job=cron` pairs separated by `;`, e.g.
 * `sweep=*\/10 * * * * *;digests=0 * * * *`, or `backfill=off`. A six-field pattern counts seconds,
 * which is how an end-to-end test or a trial install runs the jobs every few seconds without a code
 * seam. The job ids are checked by the scheduler (it knows the jobs); the patterns are checked here.
 */
export function parseSchedules(text: string, problems: string[]): Record<string, string> {
  const schedules: Record<string, string> = {};
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const equals = part.indexOf("=");
    const id = equals === -1 ? "" : part.slice(0, equals).trim();
    const pattern = equals === -1 ? "" : part.slice(equals + 1).trim();
    if (id === "" || pattern === "") {
      problems.push(`STEWARD_SCHEDULES: "${part.trim()}" is not of the form job=cron`);
    } else if (pattern !== "off" && !validate(pattern)) {
      problems.push(`STEWARD_SCHEDULES: "${pattern}" (for ${id}) is not a cron pattern`);
    } else {
      schedules[id] = pattern;
    }
  }
  return schedules;
}
