/**
 * `npm run demo`: Steward end to end against the local GitHub sandbox, printed for a maintainer;
 * then both keep running so the dashboard can be signed in to, until Ctrl-C. `--once` stops at
 * the printout.
 */
import { startDemo } from "./run-demo.js";

const started = Date.now();
const once = process.argv.includes("--once");
startDemo()
  .then(async (demo) => {
    process.stdout.write(demo.text);
    process.stderr.write(`\n(demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    if (once) return demo.close();
    process.stdout.write(
      `\nThe dashboard: ${demo.dashboardUrl}\nSign in with GitHub, and at the sandbox's sign-in page enter the username ${demo.signInAs} (no password).\nPress Ctrl-C to stop.\n`,
    );
    const stop = () => {
      demo.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  })
  .catch((error: unknown) => {
    console.error("demo failed:", error);
    process.exit(1);
  });
