import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";

/**
 * Who may move an order (docs/design.md, "Who may move an order"): the one table of every legal
 * transition, keyed by order type, from-state, to-state and the party that acts. The engine's
 * transition function (transitionOrder) checks it on every status change, so no route, server
 * action, sweep or background function can move an order another way. The README's table is
 * generated from this one (`npm run docs:lifecycle`), and a test keeps them equal.
 *
 * Conditions beyond state and party (an offer made to this trader, the late-payment window,
 * the merchant's confirmation window, a note for support) are checked by the domain function
 * that performs the move; they are named here in `when` so the README says them too.
 */
export const PARTIES = ["system", "merchant", "customer", "trader", "support", "admin"] as const;
export type Party = (typeof PARTIES)[number];

export interface LifecycleRule {
  types: readonly OrderType[];
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly Party[];
  when: string;
}

/** Statuses an order can still leave by an ordinary move (the force actions apply to these). */
export const NON_TERMINAL_STATUSES = ["created", "awaiting_payment", "assigned", "paid", "disputed"] as const satisfies readonly OrderStatus[];

const PAYIN = ["payin"] as const;
const PAYOUT = ["payout"] as const;
const BOTH = ["payin", "payout"] as const;

export const LIFECYCLE: readonly LifecycleRule[] = [
  { types: PAYIN, from: ["created"], to: "awaiting_payment", by: ["system"], when: "matching found a requisite (the trader's USDT is held)" },
  { types: PAYIN, from: ["created"], to: "failed", by: ["system"], when: "no requisite within the matching attempts and window" },
  { types: PAYIN, from: ["created", "awaiting_payment"], to: "cancelled", by: ["merchant"], when: "before the customer reports a payment" },
  { types: PAYIN, from: ["awaiting_payment"], to: "paid", by: ["customer", "merchant"], when: "the customer reports the payment" },
  { types: PAYIN, from: ["awaiting_payment", "paid"], to: "completed", by: ["trader"], when: "the money arrived on the trader's requisite" },
  { types: PAYIN, from: ["awaiting_payment"], to: "expired", by: ["system"], when: "the payment deadline passed" },
  { types: PAYIN, from: ["paid"], to: "disputed", by: ["system"], when: "the deadline passed without the trader's confirmation" },
  { types: PAYIN, from: ["paid"], to: "disputed", by: ["merchant", "customer", "trader"], when: "a dispute (trader: the money did not arrive)" },
  { types: PAYIN, from: ["expired", "cancelled"], to: "disputed", by: ["merchant", "customer"], when: "the customer paid late: within order.late_dispute_window_hours" },
  { types: PAYOUT, from: ["created"], to: "assigned", by: ["trader"], when: "the trader the payout is offered to accepts (only online traders get offers)" },
  { types: PAYOUT, from: ["created"], to: "cancelled", by: ["merchant"], when: "no trader has accepted it yet" },
  { types: PAYOUT, from: ["created"], to: "failed", by: ["system"], when: "no trader accepted it within the matching window" },
  { types: PAYOUT, from: ["assigned"], to: "created", by: ["trader"], when: "the trader releases it before paying (offered to the next trader)" },
  { types: PAYOUT, from: ["assigned"], to: "expired", by: ["system"], when: "the trader did not pay in time (the store's hold is released)" },
  { types: PAYOUT, from: ["assigned"], to: "paid", by: ["trader"], when: "the trader sent the money and uploaded the receipt" },
  { types: PAYOUT, from: ["paid"], to: "completed", by: ["merchant"], when: "the merchant confirms the recipient got the money" },
  { types: PAYOUT, from: ["paid"], to: "completed", by: ["system"], when: "nobody disputed within order.payout_confirm_window_seconds" },
  { types: PAYOUT, from: ["paid"], to: "disputed", by: ["merchant"], when: "the recipient says no money arrived, within the confirmation window" },
  { types: BOTH, from: ["disputed"], to: "completed", by: ["support"], when: "support resolves the dispute (note required; the dispute closes with it)" },
  { types: BOTH, from: ["disputed"], to: "cancelled", by: ["support"], when: "support resolves the dispute (note required; the dispute closes with it)" },
  { types: BOTH, from: NON_TERMINAL_STATUSES, to: "completed", by: ["support", "admin"], when: "force action on a stuck order (note required, audited)" },
  { types: BOTH, from: NON_TERMINAL_STATUSES, to: "cancelled", by: ["support", "admin"], when: "force action on a stuck order (note required, audited)" },
];

const key = (type: OrderType, from: OrderStatus, to: OrderStatus, party: Party) => `${type}:${from}:${to}:${party}`;
const ALLOWED = new Set(LIFECYCLE.flatMap((rule) => rule.types.flatMap((type) => rule.from.flatMap((from) => rule.by.map((party) => key(type, from, rule.to, party))))));
/** (type, to, party) triples reachable from some state: a refusal of one of these is about state (409), not about who (403). */
const REACHABLE = new Set(LIFECYCLE.flatMap((rule) => rule.types.flatMap((type) => rule.by.map((party) => `${type}:${rule.to}:${party}`))));

export function mayTransition(type: OrderType, from: OrderStatus, to: OrderStatus, party: Party): boolean {
  return ALLOWED.has(key(type, from, to, party));
}

/**
 * Why a move is refused: `state` when the party may make this move from another state (409
 * invalid_state: the order is past it or not there yet), `party` when it may never make it (403).
 */
export function refusalOf(type: OrderType, from: OrderStatus, to: OrderStatus, party: Party): "state" | "party" | null {
  if (mayTransition(type, from, to, party)) return null;
  return REACHABLE.has(`${type}:${to}:${party}`) ? "state" : "party";
}

/** The README's table of who may do what, generated from LIFECYCLE. */
export function lifecycleMarkdown(): string {
  const rows = LIFECYCLE.map((rule) => {
    const type = rule.types.length === 2 ? "both" : rule.types[0] === "payin" ? "pay-in" : "payout";
    const from = rule.from.length === NON_TERMINAL_STATUSES.length ? "any non-terminal" : rule.from.map((s) => `\`${s}\``).join(", ");
    return `| ${type} | ${from} → \`${rule.to}\` | ${rule.by.join(", ")} | ${rule.when} |`;
  });
  return ["| order | from → to | who | when |", "|---|---|---|---|", ...rows].join("\n");
}
