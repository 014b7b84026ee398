import { createServer, type ServerResponse } from "node:http";

/**
 * A webhook proxy channel like smee.io's, on loopback: a POST to /channel is passed on to every
 * listener of GET /channel as a server-sent event carrying the request's headers and JSON body.
 */
export async function startProxyChannel() {
  const listeners = new Set<ServerResponse>();
  let posted = 0;
  const server = createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write("event: ready\ndata: {}\n\n");
      listeners.add(res);
      req.once("close", () => listeners.delete(res));
      return;
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      posted++;
      const event = { ...req.headers, body: JSON.parse(body) as unknown, timestamp: Date.now() };
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/channel`,
    listeners: () => listeners.size,
    posted: () => posted,
    async close() {
      for (const listener of listeners) listener.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
