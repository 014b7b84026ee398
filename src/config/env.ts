import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type DatabaseTarget, databaseTargetFrom } from "./database-url.js";
import { parseSchedules } from "./schedules-env.js";

/** The environment Steward runs with, on top of what Probot reads itself. */
export interface StewardEnv {
  appId: number | null;
  webhookSecret: string;
  webhookPath: string;
  port: number;
  host: string;
  /** The metrics database (DATABASE_URL): a SQLite file, or PostgreSQL with this process's pool size (DATABASE_POOL_SIZE). */
  database: DatabaseTarget;
  logLevel: string;
  /** `pretty` for people at a terminal, `json` for one object per line (log collectors). */
  logFormat: "pretty" | "json";
  /** Content-creating requests (comments, issues) Steward sends per installation and minute. */
  writePacePerMinute: number;
  /** A webhook proxy channel (e.g. smee.io) that forwards GitHub's deliveries to this server. */
  webhookProxyUrl: string | null;
  /** Cron patterns that replace jobs' default schedules, by job id (STEWARD_SCHEDULES). */
  schedules: Record<string, string>;
  /** The bearer token GET /metrics requires (METRICS_TOKEN); null serves it to anyone. */
  metricsToken: string | null;
  /** The app's client id and secret (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET) that sign users in to the dashboard; null turns sign-in off. */
  userAuth: { clientId: string; clientSecret: string } | null;
  /** What seals the dashboard's cookies (SESSION_SECRET); null derives it from the client secret. */
  sessionSecret: string | null;
  /** Where users reach this server (PUBLIC_URL), for sign-in's return address and Secure cookies; null: the request's Host. */
  publicUrl: string | null;
}

export class EnvError extends Error {}

const DEFAULT_DATABASE = "./data/steward.db";
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/**
 * Reads and checks the environment. Every problem is reported at once, naming the variable, so a
 * deployment is fixed in one round instead of one crash per mistake.
 */
export function parseEnv(env: Record<string, string | undefined>, cwd = process.cwd()): StewardEnv {
  const problems: string[] = [];
  const appId = env.APP_ID ? Number(env.APP_ID) : null;
  if (appId !== null && (!Number.isInteger(appId) || appId <= 0)) problems.push(`APP_ID must be a positive whole number, got "${env.APP_ID}"`);
  if (appId === null && env.NODE_ENV === "production") {
    problems.push("APP_ID is required when NODE_ENV=production (the setup flow that registers the app is for development)");
  }
  if (appId !== null && !env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    problems.push("APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is: Steward cannot authenticate as the app");
  }
  if (env.PRIVATE_KEY_PATH && !existsSync(resolve(cwd, env.PRIVATE_KEY_PATH))) {
    problems.push(`PRIVATE_KEY_PATH names a file that does not exist: "${env.PRIVATE_KEY_PATH}"`);
  }
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  const webhookPath = env.WEBHOOK_PATH || "/api/github/webhooks";
  if (!webhookPath.startsWith("/")) problems.push(`WEBHOOK_PATH must start with "/", got "${webhookPath}"`);
  const logLevel = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  const logFormat = env.LOG_FORMAT || "pretty";
  if (logFormat !== "pretty" && logFormat !== "json") problems.push(`LOG_FORMAT must be "pretty" or "json", got "${logFormat}"`);
  if (env.NODE_ENV === "production" && !env.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET is required when NODE_ENV=production: without it anyone could forge webhooks");
  }
  const webhookProxyUrl = env.WEBHOOK_PROXY_URL || null;
  if (webhookProxyUrl !== null && !URL.canParse(webhookProxyUrl)) problems.push(`WEBHOOK_PROXY_URL must be a URL, got "${webhookProxyUrl}"`);
  const schedules = parseSchedules(env.STEWARD_SCHEDULES ?? "", problems);
  // GitHub's secondary rate limit allows 80 content-creating requests a minute.
  const writePacePerMinute = env.WRITE_PACE_PER_MINUTE ? Number(env.WRITE_PACE_PER_MINUTE) : 60;
  if (!Number.isInteger(writePacePerMinute) || writePacePerMinute < 1 || writePacePerMinute > 80) {
    problems.push(`WRITE_PACE_PER_MINUTE must be a whole number from 1 to 80, got "${env.WRITE_PACE_PER_MINUTE}"`);
  }
  // Each replica opens its own pool: the default leaves PostgreSQL's usual 100 connections to several.
  const databasePoolSize = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : 10;
  if (!Number.isInteger(databasePoolSize) || databasePoolSize < 1 || databasePoolSize > 100) {
    problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 100, got "${env.DATABASE_POOL_SIZE}"`);
  }
  const metricsToken = env.METRICS_TOKEN || null;
  // What an Authorization header can carry after "Bearer ": no spaces, no control characters.
  if (metricsToken !== null && !/^[\x21-\x7e]+$/u.test(metricsToken)) {
    problems.push("METRICS_TOKEN must be printable ASCII without spaces (e.g. from `openssl rand -hex 32`)");
  }
  const clientId = env.GITHUB_CLIENT_ID || null;
  const clientSecret = env.GITHUB_CLIENT_SECRET || null;
  if ((clientId === null) !== (clientSecret === null)) {
    problems.push(
      `${clientId === null ? "GITHUB_CLIENT_SECRET" : "GITHUB_CLIENT_ID"} is set without ${clientId === null ? "GITHUB_CLIENT_ID" : "GITHUB_CLIENT_SECRET"}: dashboard sign-in needs both (the app's settings page shows them)`,
    );
  }
  const sessionSecret = env.SESSION_SECRET || null;
  if (sessionSecret !== null && sessionSecret.length < 32)
    problems.push("SESSION_SECRET must be at least 32 characters (e.g. from `openssl rand -hex 32`)");
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/u, "") : null;
  if (publicUrl !== null && !/^https?:\/\/[^/]+$/u.test(publicUrl)) {
    problems.push(`PUBLIC_URL must be the server's origin, e.g. https://steward.example.com (no path), got "${env.PUBLIC_URL}"`);
  }
  let database: DatabaseTarget = { engine: "sqlite", path: "" };
  try {
    database = databaseTargetFrom(env.DATABASE_URL || DEFAULT_DATABASE, cwd, databasePoolSize);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new EnvError(`invalid environment:\n- ${problems.join("\n- ")}`);
  return {
    appId,
    webhookSecret: env.WEBHOOK_SECRET || "development",
    webhookPath,
    port,
    host: env.HOST || "localhost",
    database,
    logLevel,
    logFormat: logFormat as StewardEnv["logFormat"],
    writePacePerMinute,
    webhookProxyUrl,
    schedules,
    metricsToken,
    userAuth: clientId !== null && clientSecret !== null ? { clientId, clientSecret } : null,
    sessionSecret,
    publicUrl,
  };
}
