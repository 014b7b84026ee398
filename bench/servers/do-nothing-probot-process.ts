import { createServer } from "node:http";
import { createNodeMiddleware, createProbot, type ApplicationFunction } from "probot";

/**
 * The reference: a Probot app that does nothing, served by Probot's own middleware with the same
 * env (secret, app id, log settings, PORT and HOST) as Steward, compiled like Steward. With
 * `REFERENCE_HANDLERS=none` it subscribes to nothing, so Probot verifies and parses each delivery
 * but builds no context; otherwise it has an empty handler for the events the bench sends, the
 * least an app that reacts to them costs. `GET /healthz` answers 200, as Steward's does, so the
 * bench waits for both the same way; SIGTERM stops it with exit code 0 (writing a CPU profile).
 */
async function main(): Promise<void> {
  const events = (process.env.REFERENCE_EVENTS ?? "").split(",").filter(Boolean);
  const subscribe = process.env.REFERENCE_HANDLERS !== "none";
  const app: ApplicationFunction = (probot) => {
    if (subscribe) probot.on(events as Parameters<typeof probot.on>[0], async () => {});
  };
  const probot = createProbot({ env: process.env });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: process.env.WEBHOOK_PATH ?? "/api/github/webhooks" });
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      if (req.method === "GET" && req.url === "/healthz") res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", resolve));
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
