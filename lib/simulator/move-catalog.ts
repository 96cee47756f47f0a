import type { Random } from "@/lib/testing/random";
import { PARTIES, type MoveName, type MoveSpec, type Queue, type SimParty } from "./ops";

/** The catalogue the step generator draws moves from: weights, rightful parties, queues, races. */

export type OrderType = "payin" | "payout";

/** Where each move's party finds its orders (none: the move is only aimed by slot). */
export const MOVE_QUEUES: Record<MoveName, Queue[]> = {
  mark_paid: ["open_payins"],
  complete: ["open_payins"],
  cancel: ["open_payins", "offers", "assigned", "paid_payouts"],
  dispute: ["open_payins", "paid_payouts"],
  resolve_completed: ["disputes"],
  resolve_cancelled: ["disputes"],
  force_completed: ["disputes", "assigned", "open_payins"],
  force_cancelled: ["disputes", "paid_payouts", "open_payins"],
  accept: ["offers"],
  decline: ["offers"],
  release: ["assigned"],
  pay: ["assigned"],
  confirm: ["paid_payouts"],
  expire_by: ["open_payins", "assigned"],
  expire_event: ["open_payins", "assigned", "paid_payouts"],
  retry_event: ["offers"],
  sweep_now: [],
};

/** The order type a move belongs to; undefined for moves of both. */
export const MOVE_TYPE: Partial<Record<MoveName, OrderType>> = {
  mark_paid: "payin",
  complete: "payin",
  accept: "payout",
  decline: "payout",
  release: "payout",
  pay: "payout",
  confirm: "payout",
};

/** Weights of moves: progress moves are common, odd ones present. */
const MOVE_WEIGHTS: [MoveName, number][] = [
  ["mark_paid", 10], ["complete", 12], ["cancel", 7], ["dispute", 7], ["resolve_completed", 4], ["resolve_cancelled", 4],
  ["force_completed", 2], ["force_cancelled", 2], ["accept", 10], ["decline", 3], ["release", 2], ["pay", 9],
  ["confirm", 7], ["expire_by", 2], ["expire_event", 2], ["retry_event", 2], ["sweep_now", 1],
];
const TOTAL_WEIGHT = MOVE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/** The party that may make each move (most attempts); the rest go to anyone, forbidden or not. */
const RIGHT_PARTIES: Record<MoveName, SimParty[]> = {
  mark_paid: ["customer", "merchant", "merchant_cabinet"],
  complete: ["own_trader", "trader_cabinet"],
  cancel: ["merchant", "merchant_cabinet"],
  dispute: ["merchant", "merchant", "own_trader"],
  resolve_completed: ["support", "support2"],
  resolve_cancelled: ["support", "support2"],
  force_completed: ["support", "admin"],
  force_cancelled: ["support", "admin"],
  accept: ["own_trader", "trader_cabinet"],
  decline: ["own_trader"],
  release: ["own_trader", "trader_cabinet"],
  pay: ["own_trader", "trader_cabinet"],
  confirm: ["merchant", "merchant_cabinet"],
  expire_by: ["system"],
  expire_event: ["system"],
  retry_event: ["system"],
  sweep_now: ["system"],
};

/** A move and who attempts it: mostly a party allowed to make it, otherwise anyone. */
export function drawMove(random: Random): MoveSpec {
  let pick = random.next() * TOTAL_WEIGHT;
  const [move] = MOVE_WEIGHTS.find(([, weight]) => (pick -= weight) < 0) ?? MOVE_WEIGHTS[0];
  const as = random.chance(0.7) ? random.pick(RIGHT_PARTIES[move]) : random.pick(PARTIES);
  return { move, as };
}

/**
 * Pairs that really contend for one order: each side is legal alone, and at most one may win
 * (except where a dispute joins the platform's own or a retry matches before a cancel).
 */
export const RACES: { a: MoveSpec; b: MoveSpec }[] = [
  { a: { move: "complete", as: "own_trader" }, b: { move: "cancel", as: "merchant" } },
  { a: { move: "mark_paid", as: "customer" }, b: { move: "cancel", as: "merchant" } },
  { a: { move: "complete", as: "own_trader" }, b: { move: "complete", as: "trader_cabinet" } },
  { a: { move: "mark_paid", as: "customer" }, b: { move: "mark_paid", as: "merchant" } },
  { a: { move: "resolve_completed", as: "support" }, b: { move: "resolve_cancelled", as: "support2" } },
  { a: { move: "resolve_completed", as: "support" }, b: { move: "complete", as: "own_trader" } },
  { a: { move: "force_cancelled", as: "admin" }, b: { move: "resolve_completed", as: "support" } },
  { a: { move: "accept", as: "own_trader" }, b: { move: "decline", as: "own_trader" } },
  { a: { move: "accept", as: "own_trader" }, b: { move: "cancel", as: "merchant" } },
  { a: { move: "pay", as: "own_trader" }, b: { move: "release", as: "own_trader" } },
  { a: { move: "confirm", as: "merchant" }, b: { move: "dispute", as: "merchant" } },
  { a: { move: "complete", as: "own_trader" }, b: { move: "expire_event", as: "system" } },
  { a: { move: "dispute", as: "merchant" }, b: { move: "expire_event", as: "system" } },
  { a: { move: "dispute", as: "merchant" }, b: { move: "complete", as: "own_trader" } },
  { a: { move: "dispute", as: "own_trader" }, b: { move: "dispute", as: "merchant" } },
  { a: { move: "confirm", as: "merchant" }, b: { move: "expire_event", as: "system" } },
  { a: { move: "cancel", as: "merchant" }, b: { move: "retry_event", as: "system" } },
  { a: { move: "accept", as: "own_trader" }, b: { move: "retry_event", as: "system" } },
  // A party's move while the sweeps run over every due order, this one included.
  { a: { move: "complete", as: "own_trader" }, b: { move: "sweep_now", as: "system" } },
  { a: { move: "confirm", as: "merchant" }, b: { move: "sweep_now", as: "system" } },
  { a: { move: "accept", as: "own_trader" }, b: { move: "sweep_now", as: "system" } },
  { a: { move: "pay", as: "own_trader" }, b: { move: "sweep_now", as: "system" } },
];
