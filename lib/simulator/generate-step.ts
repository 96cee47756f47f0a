import { seededRandom, type Random } from "@/lib/testing/random";
import type { MoveName, Op, Step, Target } from "./ops";
import { drawMove, MOVE_QUEUES, MOVE_TYPE, RACES, type OrderType } from "./move-catalog";
import type { WorldShape } from "./world-shape";

/**
 * Draws the steps from the seeded PRNG alone: it never looks at the database, so the same seed
 * always yields the same sequence of steps whatever their outcomes. It remembers only what it
 * drew itself — the type of order each create asked for — to aim pay-in moves mostly at
 * pay-ins and payout moves at payouts (and the rest at anything).
 */
export class StepGenerator {
  private readonly random: Random;
  private slotCount = 0;
  private readonly slotsOf: Record<OrderType, number[]> = { payin: [], payout: [] };

  constructor(seed: number, private readonly shape: WorldShape) {
    this.random = seededRandom(seed);
  }

  next(): Step {
    const op = this.op();
    if (op.kind === "create_payin" || op.kind === "create_payout") this.slotsOf[op.kind === "create_payin" ? "payin" : "payout"].push(this.slotCount++);
    if (op.kind === "burst") for (const _ of op.amounts) this.slotsOf.payin.push(this.slotCount++);
    const faultable = op.kind === "move" || op.kind === "create_payin" || op.kind === "create_payout";
    return { op, fault: faultable && this.random.chance(0.03), deliverEvents: this.random.chance(0.6) };
  }

  private op(): Op {
    const { random, shape } = this;
    const roll = random.next();
    const customer = random.int(1, 50);
    if (roll < 0.12 || !this.slotCount) return { kind: "create_payin", store: random.int(0, shape.stores - 1), amount: fiatAmount(random), customer };
    if (roll < 0.13) return { kind: "burst", store: random.int(0, shape.stores - 1), amounts: Array.from({ length: random.int(2, 4) }, () => fiatAmount(random)), customer };
    if (roll < 0.2) return { kind: "create_payout", store: random.int(0, shape.stores - 1), amount: fiatAmount(random), customer };
    if (roll < 0.72) {
      const a = drawMove(random);
      return { kind: "move", target: this.target(a.move), stranger: random.int(0, 99), a };
    }
    if (roll < 0.8) {
      const race = random.pick(RACES);
      return { kind: "race", target: this.target(race.a.move, race.b.move), stranger: random.int(0, 99), ...race };
    }
    if (roll < 0.86) return { kind: "advance", seconds: advanceSeconds(random) };
    if (roll < 0.9) return { kind: "sweep", parallel: random.chance(0.3) };
    if (roll < 0.96) return { kind: "heartbeat", traders: Array.from({ length: shape.traders }, (_, i) => i).filter(() => random.chance(0.6)) };
    if (roll < 0.975) return { kind: "top_up", trader: random.int(0, shape.traders - 1), amount: random.int(10, 2000) * 1_000_000 };
    if (roll < 0.99) {
      const target = random.chance(0.5) ? "store" : "trader";
      const index = random.int(0, (target === "store" ? shape.stores : shape.traders) - 1);
      return { kind: "edit_commission", target, index, direction: random.chance(0.5) ? "payin" : "payout", value: random.pick(FRACTIONS) };
    }
    return { kind: "new_rate", rate: `${random.int(85, 100)}.${String(random.int(0, 99)).padStart(2, "0")}` };
  }

  /** Often the queue where a party finds the orders this move is for, otherwise an order by slot. */
  private target(move: MoveName, other?: MoveName): Target {
    const queues = [...MOVE_QUEUES[move], ...(other ? MOVE_QUEUES[other] : [])];
    if (queues.length && this.random.chance(0.4)) return { queue: this.random.pick(queues), pick: this.random.int(0, 999) };
    return { slot: this.slot(MOVE_TYPE[move] ?? (other && MOVE_TYPE[other])) };
  }

  /**
   * Mostly one of the newest orders (where the action is), sometimes any order ever made; of
   * the move's order type most of the time, of any type otherwise (a payout move on a pay-in).
   */
  private slot(type: OrderType | undefined): number {
    const { random } = this;
    const typed = type && random.chance(0.85) && this.slotsOf[type].length ? this.slotsOf[type] : null;
    const count = typed ? typed.length : this.slotCount;
    const roll = random.next();
    const window = roll < 0.5 ? 3 : roll < 0.8 ? 12 : count;
    const back = random.int(0, Math.min(window, count) - 1);
    return typed ? typed[count - 1 - back] : count - 1 - back;
  }
}

const FRACTIONS = ["0.005", "0.01", "0.015", "0.02", "0.025", "0.03", "0.04", "0.05"];

/** RUB minor units: mostly everyday amounts, some tiny or huge ones that limits refuse. */
function fiatAmount(random: Random): number {
  const roll = random.next();
  if (roll < 0.05) return random.int(1, 9_999); // below every requisite's minimum
  if (roll < 0.08) return random.int(60_000, 200_000) * 100; // above most maximums
  return random.int(500, 20_000) * 100 + random.int(0, 99);
}

/** Seconds to hours: most steps are close together, a few cross deadlines, windows and days. */
function advanceSeconds(random: Random): number {
  const roll = random.next();
  if (roll < 0.7) return random.int(1, 60);
  if (roll < 0.92) return random.int(60, 15 * 60);
  if (roll < 0.98) return random.int(30 * 60, 3 * 3600);
  return random.int(4 * 3600, 30 * 3600);
}
