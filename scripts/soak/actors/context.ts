// What every soak actor shares: the HTTP client, the world (keys and tokens), the stop flag,
// and the helpers that turn a 2xx answer into an effect the checks compare with the database.
import type { Answer, Client, RequestSpec } from "../client";
import type { SoakStore, SoakWorld } from "../world";
import { between, random } from "../random";
import { sleep } from "../processes";

export interface ActorContext {
  client: Client;
  world: SoakWorld;
  /** Set when traffic should stop: each actor finishes the step it is in and returns. */
  stopping: () => boolean;
}

export const ok = (answer: Answer | null): answer is Answer => !!answer && answer.status >= 200 && answer.status < 300;

/** A pause of `min`–`max` ms that ends early when the run stops. */
export async function pause(ctx: ActorContext, min: number, max: number): Promise<void> {
  const until = Date.now() + between(min, max);
  while (Date.now() < until && !ctx.stopping()) await sleep(Math.min(250, until - Date.now()));
}

export const merchantHeaders = (store: SoakStore, idempotencyKey?: string): Record<string, string> => ({
  authorization: `Bearer ${store.apiKey}`,
  ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
});

let sequence = 0;
/** A run-unique id for merchant_order_id and Idempotency-Key. */
export const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(++sequence).toString(36)}-${Math.floor(random() * 1e6).toString(36)}`;

/**
 * Sends a merchant POST that moves an order (confirm, cancel, dispute…) with its own
 * Idempotency-Key, and records a 2xx as an effect: the order must show that status in its history.
 */
export async function merchantMove(ctx: ActorContext, store: SoakStore, kind: string, path: string, orderId: string, body: unknown = {}): Promise<Answer | null> {
  const spec: RequestSpec = { kind, method: "POST", path, headers: merchantHeaders(store, nextId("move")), body };
  const answer = await ctx.client.send(spec);
  if (ok(answer) && typeof answer.body.status === "string") ctx.client.log.effects.push({ kind, orderId, status: answer.body.status, instance: answer.instance });
  return answer;
}
