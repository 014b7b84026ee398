/**
 * Loaded into every server under test with `node --import` (Steward's own dist/src/main.js and the
 * reference apps alike), so that the servers run their production code and nothing else: this
 * module only answers the bench's questions over the IPC channel `fork` opens. `memory` is taken
 * right after a full garbage collection (the process runs with --expose-gc), `cpu` is the CPU time
 * the process spent, which a busy machine disturbs less than wall time.
 */
interface Question {
  id: number;
  type: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
const answers: Record<string, () => unknown> = {
  memory: () => {
    gc?.();
    return process.memoryUsage();
  },
  cpu: () => process.cpuUsage(),
  /** How the process was started, so the bench can show that no TypeScript loader is in it. */
  runtime: () => ({ execArgv: process.execArgv, entry: process.argv[1] ?? "", nodeOptions: process.env.NODE_OPTIONS ?? "" }),
};

if (process.send) {
  process.on("message", (question: Question) => {
    const answer = answers[question.type];
    try {
      if (!answer) throw new Error(`no answer for "${question.type}"`);
      process.send!({ id: question.id, result: answer() });
    } catch (error) {
      process.send!({ id: question.id, error: (error as Error).message });
    }
  });
  // The channel must not keep a server alive that is shutting down by itself (SIGTERM).
  process.channel?.unref();
}
