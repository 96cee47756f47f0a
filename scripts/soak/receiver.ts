// The merchants' webhook endpoint: a real HTTP server on 127.0.0.1, the stores' callback URL
// (/webhooks/<store index>). Like a merchant's server on a bad day it answers 500 at random,
// hangs past the sender's 10 s timeout, or answers slowly; like a careful merchant it verifies
// every signature (standardwebhooks, as the README tells merchants to) and processes each
// webhook-id once, counting the repeats that at-least-once delivery may bring.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { between, random } from "./random";

export interface ReceiverStats {
  requests: number;
  answered500: number;
  hung: number;
  slow: number;
  badSignature: number;
  /** 2xx answers for a webhook-id already accepted before. */
  duplicates: number;
}

export interface Receiver {
  url: string;
  stats: ReceiverStats;
  /** Each accepted (answered 2xx) webhook-id, once, with its event and order. */
  accepted: Map<string, { orderId: string; eventType: string; at: number }>;
  /** Per order, its webhook-ids in the order they were first accepted. */
  acceptedOrder: Map<string, string[]>;
  /** Faults on (during the run) or off (draining at the end: the merchant's server recovered). */
  faults: boolean;
  /** The stores' webhook secrets, by store index (known once the stores exist, after the URL). */
  secrets: string[];
  close(): Promise<void>;
}

/** Fault mix while faults are on: 12 % answer 500, 4 % hang (no answer for 12 s), 15 % answer after 0.5–3 s. */
const FAIL = 0.12;
const HANG = 0.04;
const SLOW = 0.15;
const HANG_MS = 12_000;

export async function startReceiver(): Promise<Receiver> {
  const stats: ReceiverStats = { requests: 0, answered500: 0, hung: 0, slow: 0, badSignature: 0, duplicates: 0 };
  const receiver: Receiver = { url: "", stats, accepted: new Map(), acceptedOrder: new Map(), faults: true, secrets: [], close: async () => {} };
  const verifiers = new Map<string, Webhook>();
  const verifierFor = (index: number) => {
    const secret = receiver.secrets[index];
    if (!secret) return undefined;
    if (!verifiers.has(secret)) verifiers.set(secret, new Webhook(secret));
    return verifiers.get(secret);
  };
  const hanging = new Set<NodeJS.Timeout>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    stats.requests += 1;
    const verifier = verifierFor(Number(/^\/webhooks\/(\d+)$/.exec(req.url ?? "")?.[1] ?? -1));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    let event: { type: string; data: { id: string } };
    try {
      if (!verifier) throw new Error(`unknown path ${req.url}`);
      event = verifier.verify(body, headers) as typeof event;
    } catch {
      stats.badSignature += 1;
      res.writeHead(400).end();
      return;
    }
    if (receiver.faults) {
      const roll = random();
      if (roll < FAIL) {
        stats.answered500 += 1;
        res.writeHead(500).end();
        return;
      }
      if (roll < FAIL + HANG) {
        // Never answers: the sender times out (10 s) and retries; then the socket is dropped.
        stats.hung += 1;
        const timer = setTimeout(() => {
          hanging.delete(timer);
          res.destroy();
        }, HANG_MS);
        hanging.add(timer);
        return;
      }
      if (roll < FAIL + HANG + SLOW) {
        stats.slow += 1;
        await new Promise((resolve) => setTimeout(resolve, between(500, 3_000)));
      }
    }
    const id = headers["webhook-id"];
    if (receiver.accepted.has(id)) stats.duplicates += 1;
    else {
      receiver.accepted.set(id, { orderId: event.data.id, eventType: event.type, at: Date.now() });
      const ids = receiver.acceptedOrder.get(event.data.id) ?? [];
      ids.push(id);
      receiver.acceptedOrder.set(event.data.id, ids);
    }
    if (!res.destroyed) res.writeHead(204).end();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of hanging) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
