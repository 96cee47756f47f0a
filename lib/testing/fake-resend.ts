// A stand-in for Resend's HTTP API on 127.0.0.1: the real `resend` SDK talks to it through
// RESEND_BASE_URL, so tests exercise the actual requests without reaching the internet.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { prisma } from "@/lib/db/client";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeResponse {
  status: number;
  body: unknown;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

/** Decides the answer to the n-th request (1-based); by default every email is accepted. */
export type Responder = (request: RecordedRequest, n: number) => FakeResponse;

export const accept: Responder = (_request, n) => ({ status: 200, body: { id: `re_fake_${n}` } });

export function failWith(status: number, name = "application_error"): Responder {
  return () => ({ status, body: { statusCode: status, name, message: `fake ${status}` } });
}

export interface FakeResend {
  url: string;
  requests: RecordedRequest[];
  respond: Responder;
  close(): Promise<void>;
}

export async function startFakeResend(respond: Responder = accept): Promise<FakeResend> {
  const fake: FakeResend = { url: "", requests: [], respond, close: async () => {} };
  await listen(fake);
  return fake;
}

/**
 * The fake Resend of a whole test file: started before the file (RESEND_BASE_URL points at it),
 * closed after it, and before each test an empty email outbox, no recorded requests, every
 * email accepted and RESEND_API_KEY set. Returns the fake at once; its url is set once the file
 * starts.
 */
export function useFakeResend(): FakeResend {
  const fake: FakeResend = { url: "", requests: [], respond: accept, close: async () => {} };
  beforeAll(async () => {
    await listen(fake);
    process.env.RESEND_BASE_URL = fake.url;
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    await prisma.emailOutbox.deleteMany();
    fake.requests.length = 0;
    fake.respond = accept;
    process.env.RESEND_API_KEY = "re_test_key";
  });
  return fake;
}

/** Serves `fake` on a free port of 127.0.0.1: records each request and answers as `fake.respond` decides. */
async function listen(fake: FakeResend): Promise<void> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : {} };
      fake.requests.push(request);
      const answer = fake.respond(request, fake.requests.length);
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
}
