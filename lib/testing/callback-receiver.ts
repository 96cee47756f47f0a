// A merchant's webhook endpoint for tests: a real HTTP server on 127.0.0.1 that records every
// request and answers what the test tells it to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { prisma } from "@/lib/db/client";
import { setupCallbackWorld } from "./callback-orders";

export interface ReceivedCallback {
  headers: http.IncomingHttpHeaders;
  body: string;
  webhookId: string;
  eventType: string;
  orderId: string;
}

/** The HTTP status to answer with; may wait first (to make the sender time out). */
export type Respond = (request: ReceivedCallback, timesSeen: number) => number | Promise<number>;

export interface Receiver {
  url: string;
  received: ReceivedCallback[];
  respond: Respond;
  /** How often each webhook-id arrived. */
  countsById(): Map<string, number>;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startReceiver(respond: Respond = () => 200): Promise<Receiver> {
  const receiver = newReceiver(respond);
  await listen(receiver);
  return receiver;
}

/**
 * A whole test file's callback world: setupCallbackWorld and a receiver for its stores'
 * callback URLs before the file, the receiver closed after it. After each test the receiver
 * forgets what it received and answers 200 again, and callbacks the test left pending or
 * delivering are failed, so that no later test's (global) sweep delivers them. Returns the
 * receiver at once; its url is set once the file starts.
 */
export function useCallbackReceiver(): Receiver {
  const receiver = newReceiver(() => 200);
  beforeAll(async () => {
    await setupCallbackWorld();
    await listen(receiver);
  });
  afterAll(() => receiver.close());
  afterEach(async () => {
    receiver.received.length = 0;
    receiver.respond = () => 200;
    await prisma.callbackDelivery.updateMany({ where: { status: { in: ["pending", "delivering"] } }, data: { status: "failed" } });
  });
  return receiver;
}

function newReceiver(respond: Respond): Receiver {
  const received: ReceivedCallback[] = [];
  return {
    url: "",
    received,
    respond,
    countsById: () => received.reduce((counts, r) => counts.set(r.webhookId, (counts.get(r.webhookId) ?? 0) + 1), new Map<string, number>()),
    close: async () => {},
  };
}

/** Serves `receiver` on a free port of 127.0.0.1: records each callback and answers as `receiver.respond` decides. */
async function listen(receiver: Receiver): Promise<void> {
  const { received } = receiver;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const parsed = JSON.parse(body) as { type: string; data: { id: string } };
    const request: ReceivedCallback = { headers: req.headers, body, webhookId: String(req.headers["webhook-id"]), eventType: parsed.type, orderId: parsed.data.id };
    received.push(request);
    const status = await receiver.respond(request, received.filter((r) => r.webhookId === request.webhookId).length);
    if (!res.destroyed) res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/webhooks/jivapay?token=abc`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
