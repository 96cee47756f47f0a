// How every soak client talks to the app: real HTTP to either instance, recording each answer
// (kind, status, latency) for the figures and each 2xx for the checks. A request that gets no
// answer — the instance was SIGKILLed, or is still starting — is sent again, to the other
// instance, as a merchant behind a load balancer would retry: with the same Idempotency-Key,
// so a create that did commit before the crash is answered from the stored response, never
// made twice. 409 idempotency_in_progress (the first attempt still running) is retried too.
import type { AppInstance } from "./processes";
import { pick, random } from "./random";
import { sleep } from "./processes";

export interface Answer {
  status: number;
  body: Record<string, unknown> & { id?: string; status?: string; error?: { code?: string } };
  replayed: boolean;
  instance: string;
}

/** Every answered request, for the figures. */
export interface Recorded {
  kind: string;
  status: number;
  ms: number;
  /** The error's code on a 4xx/5xx (invalid_state, offer_expired, …). */
  code?: string;
}

/** A 2xx that changed (or created) an order: checked against the database at the end. */
export interface OrderEffect {
  kind: string;
  orderId: string;
  status: string;
  /** For creates: the key and merchant_order_id sent, and the store. */
  idempotencyKey?: string;
  merchantOrderId?: string;
  storeIndex?: number;
  instance: string;
}

export class TrafficLog {
  readonly answers: Recorded[] = [];
  readonly effects: OrderEffect[] = [];
  /** Requests that got no answer (connection refused or reset), by kind: each was retried. */
  readonly connectionErrors = new Map<string, number>();
  /** Requests abandoned with no answer after every retry (the run ended, or both instances were down too long). */
  readonly unanswered = new Map<string, number>();
  /** Keys of creates that got no answer at all: the order may or may not exist. */
  readonly unansweredCreates: { idempotencyKey: string; merchantOrderId: string; storeIndex: number }[] = [];

  count(map: Map<string, number>, kind: string) {
    map.set(kind, (map.get(kind) ?? 0) + 1);
  }
}

export interface RequestSpec {
  kind: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body and content type (server actions); `body` is sent as JSON otherwise. */
  rawBody?: string;
  /** Give up retrying after this long (ms) without an answer. */
  retryForMs?: number;
  /** Send Origin: the instance's own URL (server actions refuse a cross-origin POST). */
  originHeader?: boolean;
}

const TIMEOUT_MS = 30_000;

export class Client {
  constructor(
    readonly instances: readonly AppInstance[],
    readonly log: TrafficLog,
    /** Once traffic stops, a request without an answer is not sent again (the run is over, not the instances). */
    private readonly stopping: () => boolean = () => false,
  ) {}

  /**
   * Sends `spec` to a random instance; on no answer, again to the other one, and so on with a
   * growing pause, for up to spec.retryForMs (90 s: a key whose first request died with its
   * instance is free again after 60 s, lib/api/idempotency.ts). Returns null if it never got
   * an answer.
   */
  async send(spec: RequestSpec): Promise<Answer | null> {
    if (this.stopping()) return null; // traffic has stopped: no new requests
    const deadline = Date.now() + (spec.retryForMs ?? 90_000);
    let instance = pick(this.instances);
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        const response = await fetch(`${instance.url}${spec.path}`, {
          method: spec.method,
          headers: {
            ...(spec.body !== undefined ? { "content-type": "application/json" } : {}),
            ...spec.headers,
            ...(spec.originHeader ? { origin: instance.url } : {}),
          },
          body: spec.rawBody ?? (spec.body !== undefined ? JSON.stringify(spec.body) : undefined),
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = await response.text();
        const ms = performance.now() - started;
        if (response.status === 409 && text.includes('"idempotency_in_progress"') && Date.now() < deadline && !this.stopping()) {
          this.log.answers.push({ kind: spec.kind, status: 409, ms, code: "idempotency_in_progress (retried)" });
          await sleep(100 + random() * 300);
          continue;
        }
        let body: Answer["body"] = {};
        try {
          body = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : { text };
        } catch {
          body = { text };
        }
        this.log.answers.push({ kind: spec.kind, status: response.status, ms, code: body.error?.code });
        return { status: response.status, body, replayed: response.headers.get("idempotent-replayed") === "true", instance: instance.name };
      } catch {
        this.log.count(this.log.connectionErrors, spec.kind);
        if (Date.now() >= deadline || this.stopping()) {
          this.log.count(this.log.unanswered, spec.kind);
          return null;
        }
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 4)) * (0.5 + random()));
        instance = this.instances[(this.instances.indexOf(instance) + 1) % this.instances.length];
      }
    }
  }

  /** Sends to one given instance (a deliberate re-send of the same Idempotency-Key to the other instance). */
  async sendTo(instance: AppInstance, spec: RequestSpec): Promise<Answer | null> {
    const only = new Client([instance], this.log, this.stopping);
    return only.send({ ...spec, retryForMs: spec.retryForMs ?? 20_000 });
  }
}
