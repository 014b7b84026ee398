import { getTransformStream } from "@probot/pino";
import { pino } from "pino";
import type { Logger } from "probot";
import type { StewardEnv } from "../config/env.js";

/**
 * Steward's one logger, made before anything that logs is built and handed to Probot, the jobs and
 * the config loader alike. Probot's own logger only exists once its asynchronous start-up ends;
 * anything that copied it earlier kept a null and crashed on its first log call.
 * `pretty` goes through Probot's formatter (the same lines Probot apps print); `json` writes one
 * object per line, for log collectors.
 */
export async function createLogger(env: Pick<StewardEnv, "logLevel" | "logFormat">): Promise<Logger> {
  const options = { level: env.logLevel, name: "steward" };
  if (env.logFormat === "json") return pino(options, pino.destination({ fd: 1, sync: false })) as unknown as Logger;
  const transform = await getTransformStream({ logFormat: "pretty" });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino(options, transform) as unknown as Logger;
}
