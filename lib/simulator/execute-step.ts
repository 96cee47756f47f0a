import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { expireDueOrders } from "@/lib/orders/expire-due-orders";
import { retryDueMatches } from "@/lib/matching/retry-due-matches";
import { merchantActor } from "@/lib/testing/actors";
import type { Op, Step } from "./ops";
import { opLabel } from "./ops";
import { partyView, type OrderView } from "./parties";
import { runMove } from "./moves";
import { withTransactionFault } from "./fault";
import { settle, type Outcome } from "./outcome";
import { runWorldOp } from "./world-ops";
import { resolveTarget } from "./resolve-target";
import type { SimState } from "./state";

export interface Attempt {
  label: string;
  outcome: Outcome;
}

export interface StepResult {
  attempts: Attempt[];
  /** The order a move or race was aimed at, as it was just before (row_to_json). */
  target?: { id: string; before: string };
  /** Each create's merchant order id, the order it made (if any) and the store's commission it was asked under. */
  created: { merchantOrderId: string; id: string | null; commission: string }[];
}

const PAYOUT_DESTINATION = { type: "card", number: "2200000000000004", holder: "SIM RECIPIENT" };

/** Runs the step's op against the domain functions; outcomes are recorded, never thrown. */
export async function executeOp(step: Step, state: SimState): Promise<StepResult> {
  const { op } = step;
  const label = opLabel(op);
  if (op.kind === "create_payin" || op.kind === "create_payout") return create(op, step.fault, state);
  if (op.kind === "burst") return burst(op, state);
  if (op.kind === "move" || op.kind === "race") {
    const id = await resolveTarget(op.target, state.slots);
    const target = id ? await readOrder(id) : null;
    if (!id || !target) return { attempts: [{ label, outcome: { kind: "no_order", label: "no_order" } }], created: [] };
    const attempt = (spec: typeof op.a) => runMove(spec.move, target.view, partyView(spec.as, target.view, state.world, op.stranger), state.now);
    if (op.kind === "move") {
      const outcome = await settle(withTransactionFault(step.fault, () => attempt(op.a)));
      return { attempts: [{ label, outcome }], target: { id, before: target.snapshot }, created: [] };
    }
    const [a, b] = await Promise.all([settle(attempt(op.a)), settle(attempt(op.b))]);
    return { attempts: [{ label, outcome: a }, { label, outcome: b }], target: { id, before: target.snapshot }, created: [] };
  }
  if (op.kind === "sweep") return { attempts: await sweep(op.parallel, state.now), created: [] };
  if (op.kind === "advance") {
    state.now = new Date(state.now.getTime() + op.seconds * 1000);
    return { attempts: [{ label, outcome: { kind: "ok", label: "ok" } }], created: [] };
  }
  return { attempts: [{ label, outcome: await settle(runWorldOp(op, state)) }], created: [] };
}

async function create(op: Extract<Op, { kind: "create_payin" | "create_payout" }>, fault: boolean, state: SimState): Promise<StepResult> {
  const type = op.kind === "create_payin" ? "payin" : "payout";
  const [made] = await withTransactionFault(fault, () => createOrders(type, op.store, [op.amount], op.customer, state));
  return { attempts: [{ label: op.kind, outcome: made.outcome }], created: [made.created] };
}

async function burst(op: Extract<Op, { kind: "burst" }>, state: SimState): Promise<StepResult> {
  const made = await createOrders("payin", op.store, op.amounts, op.customer, state);
  return { attempts: made.map((m) => ({ label: "burst", outcome: m.outcome })), created: made.map((m) => m.created) };
}

/** Creates one order per amount, all at once; each fills its slot (null when refused), in order. */
async function createOrders(type: "payin" | "payout", storeIndex: number, amounts: number[], customer: number, state: SimState) {
  const store = state.world.stores[storeIndex];
  const storeForOrders = { id: store.id, limits: store.limits, allowAmountAdjustment: store.allowAmountAdjustment };
  const commission = store.commission[type];
  const made = await Promise.all(
    amounts.map(async (amount, i) => {
      const merchantOrderId = amounts.length > 1 ? `sim-${state.step}-${i}` : `sim-${state.step}`;
      const input = { amount: BigInt(amount), currency: "RUB", customerId: `cust-${customer + i}`, merchantOrderId };
      let id: string | null = null;
      const outcome = await settle(
        (type === "payin"
          ? createPayin(storeForOrders, input, merchantActor, state.now)
          : createPayout(storeForOrders, { ...input, destination: PAYOUT_DESTINATION }, merchantActor, state.now)
        ).then((order) => (id = order.id)),
      );
      return { outcome, created: { merchantOrderId, id: id as string | null, commission } };
    }),
  );
  state.slots.push(...made.map((m) => m.created.id));
  return made;
}

async function readOrder(id: string): Promise<{ view: OrderView; snapshot: string } | null> {
  const [row] = await prisma.$queryRawUnsafe<(OrderView & { snapshot: string })[]>(
    `SELECT id, type::text, status::text, store_id, trader_id, offered_trader_id, row_to_json(o)::text AS snapshot FROM incoming_orders o WHERE id = $1`,
    id,
  );
  return row ? { view: row, snapshot: row.snapshot } : null;
}

/** The deadline and matching sweeps with the virtual clock; in parallel they must still not collide. */
async function sweep(parallel: boolean, now: Date): Promise<Attempt[]> {
  const expire = () => settle(expireDueOrders({ now, limit: 1000 }));
  const retry = () => settle(retryDueMatches({ now, limit: 1000 }));
  const [a, b] = parallel ? await Promise.all([expire(), retry()]) : [await expire(), await retry()];
  return [{ label: "sweep_deadlines", outcome: a }, { label: "sweep_matching", outcome: b }];
}
