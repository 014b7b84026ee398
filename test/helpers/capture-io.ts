import type { CliIo } from "../../src/cli/context.js";

/** A CliIo that keeps what a command printed. */
export function captureIo(env: NodeJS.ProcessEnv, cwd = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    env,
    cwd,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
