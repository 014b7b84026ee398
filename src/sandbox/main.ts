/**
 * Starts an empty sandbox for manual use: `tsx src/sandbox/main.ts` (PORT defaults to 3100).
 * App JWTs are checked against the public half of PRIVATE_KEY / PRIVATE_KEY_PATH, so a Probot
 * app started with the same key and APP_ID can authenticate against it.
 */
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSandbox } from "./index.js";

function publicKeyPem(): string {
  const pem = process.env["PRIVATE_KEY"] ?? (process.env["PRIVATE_KEY_PATH"] ? readFileSync(process.env["PRIVATE_KEY_PATH"], "utf8") : undefined);
  if (pem) return createPublicKey(pem.replace(/\\n/g, "\n")).export({ type: "spki", format: "pem" }).toString();
  // Without a key nothing can authenticate as the app; make one up and say so.
  console.error("[sandbox] no PRIVATE_KEY or PRIVATE_KEY_PATH: app JWTs will be refused");
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
}

const sandbox = createSandbox({ appId: process.env["APP_ID"] ?? "1", publicKeyPem: publicKeyPem() });
const address = await sandbox.listen(Number(process.env["PORT"] ?? 3100), process.env["HOST"] ?? "127.0.0.1");
console.log(`[sandbox] listening on ${address.url}`);
console.log(`GHE_HOST=${address.host} GHE_PROTOCOL=http`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
