import { databaseAnswers } from "../store/health.js";
import type { DB } from "../store/db.js";
import type { RequestHandler } from "./webhook-guard.js";

/** `GET /healthz`: 200 while the database takes writes, 503 otherwise (for Docker and load balancers). */
export function healthzHandler(db: DB): RequestHandler {
  return async (req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/healthz") return false;
    const ok = await databaseAnswers(db);
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: ok ? "ok" : "database unavailable" }));
    return true;
  };
}
