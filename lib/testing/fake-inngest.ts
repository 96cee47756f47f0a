// A stand-in for Inngest's event API on 127.0.0.1: point INNGEST_BASE_URL at `url` and the real
// client sends its events here, where the test reads them.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SentEvent {
  name: string;
  data: Record<string, string>;
  id?: string;
}

export interface FakeInngest {
  /** The base URL, with its trailing slash (INNGEST_BASE_URL). */
  url: string;
  /** Each POST as received: its path (`/e/<event key>`) and its JSON body (an array of events). */
  requests: { path: string; body: unknown }[];
  /** Every event of every request, in arrival order. */
  events: SentEvent[];
  /** Forgets what was received. */
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeInngest(): Promise<FakeInngest> {
  const requests: FakeInngest["requests"] = [];
  const events: SentEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const sent = JSON.parse(body) as SentEvent[];
      requests.push({ path: req.url ?? "", body: sent });
      events.push(...sent);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: sent.map((_, i) => `evt_${events.length - sent.length + i + 1}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    events,
    clear: () => {
      requests.length = 0;
      events.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
