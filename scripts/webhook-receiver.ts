// npm run webhooks:listen — a merchant's webhook endpoint for local development: listens on
// http://127.0.0.1:4000 (the demo store's callback URL), verifies every callback with the
// `standardwebhooks` library and the demo store's secret, and prints what arrived.
//   PORT (4000), WEBHOOK_SECRET (the demo store's), RESPOND_STATUS (200; e.g. 500 to watch retries).
import http from "node:http";
import { Webhook } from "standardwebhooks";
import { DEMO_LOGINS } from "../prisma/demo-logins";

const port = Number(process.env.PORT ?? 4000);
const status = Number(process.env.RESPOND_STATUS ?? 200);
const webhook = new Webhook(process.env.WEBHOOK_SECRET ?? DEMO_LOGINS.webhookSecret);
const seen = new Set<string>();

http
  .createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const id = headers["webhook-id"] ?? "?";
      try {
        const event = webhook.verify(body, headers) as { type: string; data: { id: string; status: string } };
        const duplicate = seen.has(id) ? " (duplicate webhook-id, already processed)" : "";
        seen.add(id);
        console.log(`✔ verified ${event.type} ${event.data.id} status=${event.data.status} webhook-id=${id}${duplicate} → ${status}`);
        response.writeHead(status).end();
      } catch (error) {
        console.log(`✘ rejected webhook-id=${id}: ${(error as Error).message}`);
        response.writeHead(400).end();
      }
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`Listening for callbacks on http://127.0.0.1:${port}/ (answering ${status})`));
