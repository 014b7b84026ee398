import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError, type KeySource } from "./process-config.js";

/** The app key as the sandbox uses it: the public half checks JWTs, the path is what Steward is told. */
export interface AppKey {
  publicKeyPem: string;
  /** Where Steward finds the private key; null when it was given inline. */
  privateKeyPath: string | null;
  /** True when this run made the key (and wrote it to `privateKeyPath`). */
  generated: boolean;
}

/**
 * Resolves the app's key. Without one, makes a key pair and writes the private half (mode 600) so
 * Steward can sign JWTs the sandbox accepts; an existing file at that path is reused, so a
 * restarted sandbox still accepts a Steward that is already running with it.
 */
export function resolveAppKey(source: KeySource): AppKey {
  if (source.kind === "inline") return { publicKeyPem: publicHalf(source.pem, "PRIVATE_KEY"), privateKeyPath: null, generated: false };
  if (source.kind === "file" || existsSync(source.path)) {
    const pem = readKey(source.path);
    return { publicKeyPem: publicHalf(pem, source.path), privateKeyPath: source.path, generated: false };
  }
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  mkdirSync(dirname(source.path), { recursive: true });
  // Temp file then rename: a reader never sees half a key.
  const temp = `${source.path}.${process.pid}.tmp`;
  writeFileSync(temp, keys.privateKey, { mode: 0o600 });
  renameSync(temp, source.path);
  return { publicKeyPem: keys.publicKey, privateKeyPath: source.path, generated: true };
}

function readKey(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read the app's private key at ${path}: ${(error as Error).message}`);
  }
}

function publicHalf(pem: string, where: string): string {
  try {
    return createPublicKey(pem).export({ type: "spki", format: "pem" }).toString();
  } catch {
    throw new ConfigError(`${where} does not hold an RSA private key in PEM form`);
  }
}
