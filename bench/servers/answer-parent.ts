/** What a server process answers when the bench asks: its memory, plus anything it adds. */
export type Answers = Record<string, () => unknown>;

/**
 * Tells the bench process the server listens at `url`, then answers its questions over IPC until
 * asked to stop, when `stop` runs and the process exits 0 (writing its CPU profile if enabled).
 */
export function answerParent(url: string, answers: Answers, stop: () => Promise<void>): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const all: Answers = {
    memory: () => {
      gc?.();
      return process.memoryUsage();
    },
    cpu: () => process.cpuUsage(),
    ...answers,
  };
  process.on("message", (message: { id: number; type: string }) => {
    if (message.type === "stop") {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
      return;
    }
    const answer = all[message.type];
    try {
      if (!answer) throw new Error(`no answer for "${message.type}"`);
      process.send!({ id: message.id, result: answer() });
    } catch (error) {
      process.send!({ id: message.id, error: (error as Error).message });
    }
  });
  process.send!({ type: "ready", url });
}
