/**
 * Paces content-creating requests (comments, issues), which GitHub's secondary rate limit caps at
 * 80 a minute and 500 an hour. Jobs that write many things at once (a sweep with hundreds of due
 * reminders) acquire a slot before each write.
 */
export interface WritePacer {
  /** Resolves when one more content-creating request may be sent for this installation. */
  acquire(installationId: number): Promise<void>;
}

/** No pacing: for tests of single writes and for the dry run, which writes nothing. */
export const unpaced: WritePacer = { acquire: async () => {} };
