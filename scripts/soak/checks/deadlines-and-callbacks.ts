// Checks of what happened after the traffic: deadlines fired (sweeps of both instances), and
// every status change reached the merchant's receiver exactly once per webhook-id, in order.
import { SWEEP_GRACE_MS } from "../config";
import { query, result, type CheckResult, type SoakRun } from "./common";

/**
 * After the last sweeps, no open order is past its deadline by more than a sweep's grace; and
 * how late the sweeps were all along: expired orders' end against their deadline (the figure
 * shows the crashes and the load, the check only the final state).
 */
export async function noOverdueOrders(): Promise<CheckResult> {
  const overdue = await query<{ id: string; status: string; due: Date }>(
    `SELECT id, status::text, coalesce(expires_at, next_match_at) AS due FROM incoming_orders
     WHERE (status IN ('awaiting_payment', 'assigned', 'paid') AND expires_at < now() - make_interval(secs => $1))
        OR (status = 'created' AND next_match_at < now() - make_interval(secs => $1))`,
    SWEEP_GRACE_MS / 1000,
  );
  const [late] = await query<{ n: number; p50: number | null; p99: number | null; max: number | null }>(
    `SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - expires_at))::float8 AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - expires_at))::float8 AS p99,
            max(extract(epoch FROM ended_at - expires_at))::float8 AS max
     FROM incoming_orders WHERE status = 'expired' AND expires_at IS NOT NULL`,
  );
  const s = (seconds: number | null) => (seconds === null ? "–" : `${seconds.toFixed(1)} s`);
  return result(
    "no open order past its deadline",
    overdue.map((o) => `${o.id} ${o.status} due ${o.due.toISOString()}`),
    `none overdue by more than ${SWEEP_GRACE_MS / 1000} s; ${late.n} expiries came p50 ${s(late.p50)}, p99 ${s(late.p99)}, max ${s(late.max)} after the deadline`,
  );
}

/** Each status change (order_history row) has exactly one callback, in the same order. */
export async function everyChangeHasOneCallback(): Promise<CheckResult> {
  const rows = await query<{ id: string; history: string[] | null; callbacks: string[] | null }>(
    `SELECT o.id,
            (SELECT array_agg(o.type || '.' || h.status ORDER BY h.id) FROM order_history h WHERE h.incoming_order_id = o.id) AS history,
            (SELECT array_agg(c.event_type ORDER BY c.sequence) FROM callback_deliveries c WHERE c.order_id = o.id) AS callbacks
     FROM incoming_orders o`,
  );
  const problems = rows
    .filter((r) => (r.history ?? []).join(",") !== (r.callbacks ?? []).join(","))
    .map((r) => `${r.id}: changes [${(r.history ?? []).join(",")}] callbacks [${(r.callbacks ?? []).join(",")}]`);
  const changes = rows.reduce((n, r) => n + (r.history?.length ?? 0), 0);
  return result("one callback per status change", problems, `${changes} changes, each with its callback`);
}

/**
 * Every callback was delivered (none pending or failed after the drain), the receiver accepted
 * exactly the webhook-ids the database records as delivered, each order's in sequence, and
 * every signature verified. Repeats of a webhook-id (at-least-once) are counted, not refused.
 */
export async function callbacksDeliveredOnce(run: SoakRun): Promise<CheckResult> {
  const rows = await query<{ webhook_id: string; order_id: string; status: string }>("SELECT webhook_id, order_id, status::text FROM callback_deliveries ORDER BY order_id, sequence");
  const problems: string[] = [];
  const byStatus = new Map<string, number>();
  const expectedOrder = new Map<string, string[]>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    if (row.status !== "succeeded") problems.push(`${row.webhook_id} (${row.order_id}) is ${row.status}`);
    else if (!run.receiver.accepted.has(row.webhook_id)) problems.push(`${row.webhook_id} (${row.order_id}) delivered per the database, never accepted by the receiver`);
    if (row.status === "succeeded") expectedOrder.set(row.order_id, [...(expectedOrder.get(row.order_id) ?? []), row.webhook_id]);
  }
  const known = new Set(rows.map((r) => r.webhook_id));
  for (const [id, { orderId }] of run.receiver.accepted) if (!known.has(id)) problems.push(`receiver accepted unknown ${id} (${orderId})`);
  for (const [orderId, ids] of run.receiver.acceptedOrder) {
    const expected = expectedOrder.get(orderId) ?? [];
    if (ids.join(",") !== expected.slice(0, ids.length).join(",")) problems.push(`${orderId}: callbacks accepted out of sequence`);
  }
  if (run.receiver.stats.badSignature) problems.push(`${run.receiver.stats.badSignature} callbacks failed signature verification`);
  const unique = run.receiver.accepted.size;
  return result(
    "every change delivered, once per webhook-id",
    problems,
    `${byStatus.get("succeeded") ?? 0} delivered = ${unique} unique at the receiver; duplicates received ${run.receiver.stats.duplicates} (at-least-once)`,
  );
}
