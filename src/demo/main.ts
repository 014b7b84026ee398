/** `npm run demo`: Steward end to end against the local GitHub sandbox, printed for a maintainer. */
import { runDemo } from "./run-demo.js";

const started = Date.now();
runDemo()
  .then((text) => {
    process.stdout.write(text);
    process.stderr.write(`\n(demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  })
  .catch((error: unknown) => {
    console.error("demo failed:", error);
    process.exit(1);
  });
