import { existsSync } from "node:fs";
import { runCli } from "./run-cli.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
