import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type ApplicationFunction } from "probot";
import { answerParent } from "./answer-parent.js";

/**
 * The reference: a Probot app that does nothing, served by Probot's own middleware with the same
 * env (secret, app id, log level) as Steward. With `REFERENCE_HANDLERS=none` it subscribes to
 * nothing, so Probot verifies and parses each delivery but builds no context; otherwise it has an
 * empty handler for the events the bench sends, the least an app that reacts to them costs.
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
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  answerParent(`http://127.0.0.1:${port}`, {}, async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
