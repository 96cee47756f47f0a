// The ledger (lib/ledger/check-ledger.ts, what `npm run ledger:check` runs), and checks of what
// the clients were told: every 2xx is in the database, one order per Idempotency-Key across
// both instances, no 5xx or 429; and that the crashes did happen.
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { query, result, type CheckResult, type SoakRun } from "./common";

/** checkLedger: balances equal their histories, nothing negative, every order's movements sum to zero. */
export async function ledger(): Promise<CheckResult> {
  const violations = await checkLedger(prisma);
  return result("ledger:check clean", violations.map((v) => `${v.invariant}: ${v.detail}`), "no violations");
}

/** Every 2xx create is an order of that store with that merchant_order_id; every 2xx move is in the order's history; every resolution closed its dispute. */
export async function answersAreInDatabase(run: SoakRun): Promise<CheckResult> {
  const orders = new Map((await query<{ id: string; store_id: number; merchant_order_id: string }>("SELECT id, store_id, merchant_order_id FROM incoming_orders")).map((o) => [o.id, o]));
  const history = new Set((await query<{ k: string }>("SELECT incoming_order_id || ':' || status AS k FROM order_history")).map((r) => r.k));
  const problems: string[] = [];
  let creates = 0;
  let moves = 0;
  for (const effect of run.log.effects) {
    if (effect.idempotencyKey) {
      creates += 1;
      const order = orders.get(effect.orderId);
      const storeId = run.world.stores[effect.storeIndex!].id;
      if (!order) problems.push(`${effect.kind} ${effect.orderId} answered 2xx by ${effect.instance} but is not in incoming_orders`);
      else if (order.store_id !== storeId || order.merchant_order_id !== effect.merchantOrderId) problems.push(`${effect.orderId} has store ${order.store_id} / ${order.merchant_order_id}`);
    } else {
      moves += 1;
      if (!history.has(`${effect.orderId}:${effect.status}`)) problems.push(`${effect.kind} ${effect.orderId} → ${effect.status} answered 2xx by ${effect.instance} but not in order_history`);
    }
  }
  const ids = [...run.resolvedDisputes];
  const stillOpen = ids.length ? await query<{ id: number }>("SELECT id FROM disputes WHERE id = ANY($1::int[]) AND status = 'open'", ids) : [];
  for (const d of stillOpen) problems.push(`dispute ${d.id} resolved over HTTP but still open`);
  return result("every 2xx is in the database", problems, `${creates} creates, ${moves} moves, ${ids.length} dispute resolutions found`);
}

/**
 * One order per Idempotency-Key, whichever instance answered: every 2xx for a key names the
 * same order, idempotency_keys maps the key to it, and an order no 2xx answered exists only
 * if its create never got an answer at all (the instance died after the commit).
 */
export async function oneOrderPerIdempotencyKey(run: SoakRun): Promise<CheckResult> {
  const problems: string[] = [];
  const byKey = new Map<string, { ids: Set<string>; storeIndex: number; instances: Set<string> }>();
  for (const e of run.log.effects) {
    if (!e.idempotencyKey) continue;
    const entry = byKey.get(e.idempotencyKey) ?? { ids: new Set(), storeIndex: e.storeIndex!, instances: new Set() };
    entry.ids.add(e.orderId);
    entry.instances.add(e.instance);
    byKey.set(e.idempotencyKey, entry);
  }
  for (const [key, { ids }] of byKey) if (ids.size > 1) problems.push(`key ${key} answered with ${[...ids].join(", ")}`);
  const stored = await query<{ key: string; store_id: number; order_id: string | null }>("SELECT key, store_id, order_id FROM idempotency_keys");
  const storedByKey = new Map(stored.map((row) => [`${row.store_id}:${row.key}`, row.order_id]));
  for (const [key, { ids, storeIndex }] of byKey) {
    const orderId = storedByKey.get(`${run.world.stores[storeIndex].id}:${key}`);
    if (orderId !== [...ids][0]) problems.push(`idempotency_keys has ${orderId ?? "nothing"} for ${key}, answered ${[...ids][0]}`);
  }
  const answered = new Set(run.log.effects.map((e) => e.orderId));
  const unanswered = new Set(run.log.unansweredCreates.map((c) => c.merchantOrderId));
  const orphans = await query<{ id: string; merchant_order_id: string }>("SELECT id, merchant_order_id FROM incoming_orders");
  let lost = 0;
  for (const order of orphans) {
    if (answered.has(order.id)) continue;
    if (unanswered.has(order.merchant_order_id)) lost += 1;
    else problems.push(`order ${order.id} (${order.merchant_order_id}) exists but its create was answered with an error`);
  }
  const across = [...byKey.values()].filter((entry) => entry.instances.size > 1).length;
  return result("one order per Idempotency-Key", problems, `${byKey.size} keys, ${across} answered by both instances with one order; ${lost} created with the answer lost`);
}

/**
 * No 5xx (a 500 is a bug) and no 429: the rate limits are raised to a million a minute
 * (config.ts), far above what the run sends, so any 429 is a limiter that refuses early.
 */
export function noServerErrors(run: SoakRun): CheckResult {
  const errors = run.log.answers.filter((a) => a.status >= 500 || a.status === 429);
  const byKind = new Map<string, number>();
  for (const e of errors) byKind.set(`${e.kind} ${e.status}`, (byKind.get(`${e.kind} ${e.status}`) ?? 0) + 1);
  return result("no 5xx and no 429 answers", [...byKind].map(([k, n]) => `${n}× ${k}`), `${run.log.answers.length} answers, none 5xx or 429`);
}

export function everyInstanceCrashed(run: SoakRun): CheckResult {
  const problems = run.instances.filter((name) => !run.kills.some((k) => k.instance === name)).map((name) => `${name} was never killed`);
  return result("each instance SIGKILLed and restarted", problems, run.kills.map((k) => `${k.instance} at ${k.at.toFixed(0)} s (down ${(k.downMs / 1000).toFixed(1)} s)`).join(", "));
}
