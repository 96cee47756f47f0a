/**
 * The operations of the adversarial simulator. An op names what is attempted — which party,
 * which move, which order (by creation slot, not by id: ids are random, slots are not) — so
 * the sequence of ops is a pure function of the seed and can be replayed and hashed.
 */

/** Who attempts a move. "own_*" is the order's own party, "other_*" a stranger to it. */
export const PARTIES = [
  "merchant",
  "merchant_cabinet",
  "other_merchant",
  "customer",
  "own_trader",
  "trader_cabinet",
  "other_trader",
  "system",
  "support",
  "support2",
  "support_no_perm",
  "admin",
] as const;
export type SimParty = (typeof PARTIES)[number];

/** Every move a party can try on an order, mapped to one domain function each (./moves.ts). */
export const MOVES = [
  "mark_paid",
  "complete",
  "cancel",
  "dispute",
  "resolve_completed",
  "resolve_cancelled",
  "force_completed",
  "force_cancelled",
  "accept",
  "decline",
  "release",
  "pay",
  "confirm",
  "expire_by",
  "expire_event",
  "retry_event",
  "sweep_now",
] as const;
export type MoveName = (typeof MOVES)[number];

export interface MoveSpec {
  move: MoveName;
  as: SimParty;
}

/**
 * The working lists each party sees in its cabinet: support's open disputes, a trader's
 * offered and accepted payouts, a merchant's paid payouts to confirm, the open pay-ins. An op
 * aimed at a queue takes its `pick`-th entry (modulo its length) when it runs: the op stays a
 * pure function of the seed, the order it hits is whatever the queue holds then.
 */
export const QUEUES = ["disputes", "offers", "assigned", "paid_payouts", "open_payins"] as const;
export type Queue = (typeof QUEUES)[number];

/** The order a move is aimed at: a creation slot, or an entry of a queue. */
export type Target = { slot: number } | { queue: Queue; pick: number };

export type Op =
  | { kind: "create_payin"; store: number; amount: number; customer: number }
  | { kind: "create_payout"; store: number; amount: number; customer: number }
  /** Several pay-ins created at once: their matches contend for the same requisites and deposits. */
  | { kind: "burst"; store: number; amounts: number[]; customer: number }
  | { kind: "move"; target: Target; stranger: number; a: MoveSpec }
  /** Two moves on one order at the same time (Promise.allSettled): true races. */
  | { kind: "race"; target: Target; stranger: number; a: MoveSpec; b: MoveSpec }
  | { kind: "advance"; seconds: number }
  /** The deadline and matching sweeps; `parallel` runs them at once. */
  | { kind: "sweep"; parallel: boolean }
  /** These traders open their cabinet now (payouts are offered only to online traders). */
  | { kind: "heartbeat"; traders: number[] }
  | { kind: "top_up"; trader: number; amount: number }
  | { kind: "edit_commission"; target: "store" | "trader"; index: number; direction: "payin" | "payout"; value: string }
  | { kind: "new_rate"; rate: string };

export interface Step {
  op: Op;
  /** The op's transaction fails just before commit (only single moves and creates). */
  fault: boolean;
  /** After the op, due orders' events are delivered (else lost: the sweeps must catch up). */
  deliverEvents: boolean;
}

/** A short label for counting outcomes per kind of op. */
export function opLabel(op: Op): string {
  if (op.kind === "move") return op.a.move;
  if (op.kind === "race") return `race:${op.a.move}|${op.b.move}`;
  return op.kind;
}
