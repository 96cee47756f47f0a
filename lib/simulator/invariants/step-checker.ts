import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SIM_SETTINGS, type SimWorld } from "../world";
import { changesNothing } from "../outcome";
import type { StepResult } from "../execute-step";
import type { MoveName, Step } from "../ops";
import { checkOrder } from "./check-order";
import { checkRequisites } from "./check-requisites";
import type { OrderFacts, Violation } from "./facts";
import { loadTouchedOrders, readWatermarks, sameWatermarks, type Watermarks } from "./load-facts";

/**
 * Pairs where both sides may succeed: a dispute joins the one the deadline sweep opened; a
 * retry matches an order that the merchant then cancels; a sweep succeeds whatever it found.
 */
const bothMayWin = (a: MoveName, b: MoveName) => [a, b].some((move) => move === "dispute" || move === "retry_event" || move === "sweep_now");

/**
 * Checks the invariants after every step, incrementally: only the orders the step wrote
 * something for (rows above the watermarks of the append-only tables) and their requisites.
 * It also remembers what the simulator saw at creation and at matching — the store's
 * commission, the trader's reward — to check the snapshots on the order against them.
 */
export class StepChecker {
  private commissionAtCreate = new Map<string, string>();
  private rewardAtMatch = new Map<string, string | null>();

  private constructor(private readonly prisma: PrismaClient, private readonly world: SimWorld, private last: Watermarks) {}

  static async start(prisma: PrismaClient, world: SimWorld) {
    return new StepChecker(prisma, world, (await readWatermarks(prisma)).marks);
  }

  /** Right after the op, before any event is delivered: refusals changed nothing, races had one winner. */
  async afterOp(step: Step, result: StepResult): Promise<Violation[]> {
    const found: Violation[] = [];
    const single = (step.op.kind === "move" && step.op.a.move !== "sweep_now") || step.op.kind === "create_payin" || step.op.kind === "create_payout";
    if (single && changesNothing(result.attempts[0].outcome)) {
      const { marks, order } = await readWatermarks(this.prisma, result.target?.id ?? null);
      if (!sameWatermarks(marks, this.last)) {
        found.push({ invariant: "a refused move changes nothing", detail: `${result.attempts[0].outcome.label}, but rows were written: ${JSON.stringify({ before: this.last, after: marks })}` });
      }
      if (result.target && order !== result.target.before) {
        found.push({ invariant: "a refused move changes nothing", detail: `${result.attempts[0].outcome.label}, but the order changed: before ${result.target.before} after ${order}` });
      }
      for (const { merchantOrderId } of result.created) {
        if (await this.prisma.incomingOrder.count({ where: { merchantOrderId } })) {
          found.push({ invariant: "a refused move changes nothing", detail: `refused create ${merchantOrderId} left an order behind` });
        }
      }
    }
    if (step.op.kind === "race" && !bothMayWin(step.op.a.move, step.op.b.move)) {
      const winners = result.attempts.filter((a) => a.outcome.kind === "ok").length;
      if (winners > 1) found.push({ invariant: "contending moves: at most one wins", detail: `both won on ${result.target?.id} (${step.op.a.move} / ${step.op.b.move})` });
    }
    return found;
  }

  /** After the step and its events: every invariant over what it touched. */
  async afterStep(now: Date, result: StepResult): Promise<Violation[]> {
    const created = new Map(result.created.flatMap((c) => (c.id ? [[c.id, c.commission] as const] : [])));
    const { orders, marks } = await loadTouchedOrders(this.prisma, this.last, [...created.keys()]);
    this.followMatches(orders);
    const found: Violation[] = [];
    for (const order of orders) {
      // The store's commission as the simulator knew it when it asked for the order.
      if (created.has(order.id)) this.commissionAtCreate.set(order.id, created.get(order.id)!);
      found.push(
        ...checkOrder(order, {
          usdtId: this.world.usdtId,
          roleOf: this.world.roleOf,
          commissionAtCreate: this.commissionAtCreate.get(order.id),
          rewardAtMatch: this.rewardAtMatch.get(order.id),
        }),
      );
    }
    const requisites = [...new Set(orders.map((o) => o.requisiteId).filter((id): id is number => id !== null))];
    found.push(...(await checkRequisites(this.prisma, requisites, SIM_SETTINGS["matching.max_open_orders_per_requisite"], now)));
    this.last = marks;
    return found;
  }

  /**
   * The trader's reward as the simulator knows it when a transition of this step matched the
   * order (pay-in) or a trader accepted it (payout); a released payout has none. Rewards change
   * only in steps of their own, so the reward now is the reward at the match.
   */
  private followMatches(orders: OrderFacts[]): void {
    const fresh = orders.flatMap((order) => order.history.filter((row) => row.id > this.last.history).map((row) => ({ order, row })));
    for (const { order, row } of fresh.sort((a, b) => a.row.id - b.row.id)) {
      if (row.to === "awaiting_payment" || row.to === "assigned") {
        const trader = this.world.traders.find((t) => t.id === row.traderId);
        this.rewardAtMatch.set(order.id, trader ? trader.reward[order.type] : null);
      } else if (row.to === "created") {
        this.rewardAtMatch.set(order.id, null);
      }
    }
  }
}
