import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import type { RequisiteForApi } from "@/lib/orders/serialize-order";

export interface MatchRequest {
  currencyId: number;
  settlementCurrencyId: number;
  amount: bigint;
  paymentMethodId: number | null;
  /** USDT (minor units) the trader's available deposit must cover for `amount`; 0 for payouts. */
  depositNeeded: (amount: bigint) => bigint;
  maxOpenOrders: number;
  /** Minor units the amount may be raised by to avoid an open order with the same amount. */
  maxAdjustment: number;
  now: Date;
  /** The order's direction and its store commission: a trader whose reward for it is higher is never chosen (the platform's share is never negative). */
  direction: "payin" | "payout";
  storeCommission: string;
  /** Only traders seen since then (payout offers go to online traders only). */
  onlineSince?: Date;
  /** Traders not to choose (they declined or released this payout). */
  excludeTraderIds?: number[];
  /** Only this requisite (a payout offer being accepted is checked again). */
  requisiteId?: number;
  /**
   * The order's store is a sandbox store: only the platform's simulated sandbox traders
   * (trader.is_sandbox) are candidates; otherwise never one of them. Required, so that no
   * path can build a match without saying which world the order belongs to.
   */
  sandbox: boolean;
}

export interface MatchResult {
  requisiteId: number;
  traderId: number;
  amount: bigint;
  depositHeld: bigint;
  /** The trader's reward for the order's direction now: fixed on the order as its snapshot. */
  traderReward: string;
  /** The requisite as the API shows it to the customer. */
  requisite: RequisiteForApi;
}

interface Candidate {
  id: number;
  trader_id: number;
  min_amount: bigint;
  max_amount: bigint;
  daily_limit: bigint;
  monthly_limit: bigint | null;
  daily_count_limit: number | null;
  trader_reward: string;
  api_view: RequisiteForApi;
}

interface Usage {
  open_count: number;
  open_amounts: bigint[] | null;
  used_today: bigint;
  count_today: number;
  used_month: bigint;
  /** The trader's available USDT, read under its row lock (pay-ins only). */
  deposit: bigint | null;
}

/** Requisites locked and re-checked per pass before giving up on the free ones. */
const CANDIDATES = 20;
/** Passes (with a short pause between) while fitting requisites are all held by others. */
const BUSY_PASSES = 20;
// Orders that count against daily/monthly limits: open ones (held) and completed ones.
const COUNTED_STATUSES = [...OPEN_STATUSES, "completed"];

/**
 * A constant list of statuses written into the statement, not passed as a parameter: prepared
 * statements (lib/db/client.ts) run with a generic plan, which with a parameter there would
 * not know the list and reads every order a requisite ever had through the (requisite_id,
 * matched_at) index instead of its open ones through (requisite_id, status). With 1,000,000
 * orders in history (`npm run bench`): 84 → 101 pay-ins/s, p50 368 → 300 ms.
 */
const statusList = (statuses: readonly string[]) => `ARRAY[${statuses.map((status) => `'${status}'`).join(", ")}]::order_status[]`;
const OPEN = statusList(OPEN_STATUSES);
const COUNTED = statusList(COUNTED_STATUSES);

/**
 * Sandbox orders relax two rules that protect a real trader telling payments apart: the
 * simulated trader reads no bank statement, and a developer sends the same test amount
 * (10000) again and again. So on sandbox requisites an open order with the same amount does not
 * block a match (and the amount is never nudged, which would change the scenario its last two
 * digits pick), and the open-orders cap is this instead of matching.max_open_orders_per_requisite.
 * Limits, deposit and locking are checked as for any order.
 */
const SANDBOX_MAX_OPEN_ORDERS = 1_000_000;

/** The request as selection applies it: sandbox relaxations (above) made explicit. */
function effectiveRequest(request: MatchRequest): MatchRequest {
  if (!request.sandbox) return request;
  return { ...request, maxOpenOrders: SANDBOX_MAX_OPEN_ORDERS, maxAdjustment: 0 };
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The order's amount range and the windows its requisite's limits are counted over. */
interface MatchBounds {
  amount: bigint;
  /** `amount` raised by the most it may be (request.maxAdjustment). */
  maxAmount: bigint;
  dayStart: Date;
  monthStart: Date;
  /** The deposit `amount` needs: traders with less are not candidates at all. */
  minimumDeposit: bigint;
}

/**
 * Picks the requisite for an order per docs/design.md and locks it (and, for pay-ins, the trader's
 * USDT balance) for the rest of the caller's transaction.
 *
 * One statement finds the best requisite on the static conditions and usage (trader priority,
 * then least recently used) and locks it with SKIP LOCKED — a requisite another transaction is
 * matching right now is passed over, not waited for, inside the database, as a queue consumer
 * would. For a pay-in the same statement locks the trader's USDT balance, also SKIP LOCKED: a
 * trader another transaction is matching to right now is passed over too, instead of every
 * concurrent pay-in queueing behind that commit. Its usage is then re-read in a new statement:
 * under READ COMMITTED that snapshot is taken after the locks were granted, so it sees every
 * order any earlier holder of the lock committed, and limits checked there cannot be exceeded by
 * concurrent matches; the deposit is re-read the same way. A requisite that no longer fits is
 * excluded and the next one taken; it stays locked (looking busy to others) until commit.
 */
export async function selectRequisite(tx: Tx, requested: MatchRequest): Promise<MatchResult | null> {
  const request = effectiveRequest(requested);
  const bounds = matchBounds(request);
  const tried: number[] = [];
  for (let pass = 0; pass < BUSY_PASSES; pass++) {
    for (let attempt = 0; attempt < CANDIDATES; attempt++) {
      const candidate = await lockBestCandidate(tx, request, bounds, tried);
      if (!candidate) break;
      tried.push(candidate.id);
      const result = await checkLocked(tx, request, bounds, candidate);
      if (result) return result;
    }
    // Nothing free, but fitting requisites other transactions hold? Their matches take
    // milliseconds: look again after a short pause rather than leave the order unmatched.
    if (!(await anyFittingHeldByOthers(tx, request, bounds, tried))) return null;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10 * (pass + 1)));
  }
  return null;
}

function matchBounds(request: MatchRequest): MatchBounds {
  const { amount, now } = request;
  return {
    amount,
    maxAmount: amount + BigInt(request.maxAdjustment),
    dayStart: startOfUtcDay(now),
    monthStart: startOfUtcMonth(now),
    minimumDeposit: request.depositNeeded(amount),
  };
}

/**
 * The requisites that fit the order on the static conditions (active requisite, trader and
 * teamlead, the currency, amount range, reward, payment method, deposit) and, by index lookups,
 * on usage, best first: trader priority, then least recently used; not those in `exclude`.
 * `lock`: the first one free is locked FOR UPDATE SKIP LOCKED and returned alone; otherwise
 * whether any exists at all (locked or not) — `fitting`.
 */
function candidateQuery(request: MatchRequest, bounds: MatchBounds, exclude: number[], lock: boolean) {
  const { amount, maxAmount, dayStart, minimumDeposit } = bounds;
  const reward = request.direction === "payin" ? Prisma.sql`t.payin_reward` : Prisma.sql`t.payout_reward`;
  const online = request.onlineSince ? Prisma.sql`AND t.last_seen_at >= ${request.onlineSince}` : Prisma.empty;
  const excluded = request.excludeTraderIds?.length ? Prisma.sql`AND t.id <> ALL(${request.excludeTraderIds}::int[])` : Prisma.empty;
  const only = request.requisiteId !== undefined ? Prisma.sql`AND r.id = ${request.requisiteId}::int` : Prisma.empty;
  const tried = exclude.length ? Prisma.sql`AND r.id <> ALL(${exclude}::int[])` : Prisma.empty;
  // The static conditions are checked on requisites read best first from an index
  // (req_trader_match_order_idx), each joined to its settings, trader and deposit by key. The
  // locking clause sits on that ordered list, so rows are locked one by one as the outer query
  // takes them, and the usage conditions — three index lookups per requisite — run only for
  // those taken, not for every requisite on the platform. (A sub-select with a locking clause is
  // never merged into the outer query, so the usage conditions stay outside.)
  // A pay-in needs the trader's deposit: its balance row is joined (not outer-joined, so it
  // can be locked) and locked with the requisite.
  const needsDeposit = minimumDeposit > 0n;
  const deposit = needsDeposit ? Prisma.sql`JOIN` : Prisma.sql`LEFT JOIN`;
  const locking = !lock ? Prisma.sql`OFFSET 0` : needsDeposit ? Prisma.sql`FOR UPDATE OF r, b SKIP LOCKED` : Prisma.sql`FOR UPDATE OF r SKIP LOCKED`;
  return Prisma.sql`
    SELECT c.id, c.trader_id, c.min_amount, c.max_amount, c.daily_limit, c.monthly_limit, c.daily_count_limit, c.trader_reward,
           -- Built for the row returned only, not for every requisite read below.
           json_build_object('type', c.type, 'details', c.details,
                             'bank', CASE WHEN c.bank_id IS NULL THEN NULL ELSE json_build_object('name', c.bank_name) END) AS api_view
    FROM (
      SELECT r.id, r.trader_id, r.type, r.details, bk.id AS bank_id, bk.name AS bank_name, s.min_amount, s.max_amount, s.daily_limit,
             s.monthly_limit, s.daily_count_limit, ${reward}::text AS trader_reward
      FROM req_trader r
      JOIN full_requisites_settings s ON s.req_id = r.id
      JOIN trader t ON t.id = r.trader_id
      JOIN users tu ON tu.id = t.user_id
      LEFT JOIN teamleads tl ON tl.id = t.team_lead_id
      LEFT JOIN users tlu ON tlu.id = tl.user_id
      ${deposit} balance_trader_crypto b ON b.trader_id = t.id AND b.currency_id = ${request.settlementCurrencyId}
      LEFT JOIN banks bk ON bk.id = r.bank_id
      WHERE r.status = 'active'
        AND s.currency_id = ${request.currencyId}
        AND s.min_amount <= ${maxAmount} AND s.max_amount >= ${amount}
        AND s.daily_limit >= ${amount}
        AND t.is_active AND t.is_traffic_enabled_by_teamlead AND tu.is_active
        -- Live orders never reach the simulated sandbox traders, sandbox orders never a real one.
        AND t.is_sandbox = ${request.sandbox}
        AND (t.team_lead_id IS NULL OR tlu.is_active)
        AND ${reward} <= ${request.storeCommission}::numeric
        ${online} ${excluded} ${only} ${tried}
        AND (${request.paymentMethodId}::int IS NULL OR r.payment_method_id = ${request.paymentMethodId}::int)
        AND COALESCE(b.amount, 0) >= ${minimumDeposit}
      -- The order of req_trader_match_order_idx (r.traffic_priority is the trader's, copied): the
      -- requisites are read in index order and joined one by one, no sort of them all. The outer
      -- query joins nothing, so the planner plans this for the few rows LIMIT 1 takes.
      ORDER BY r.traffic_priority DESC, r.last_used_at ASC NULLS FIRST, r.id
      ${locking}
    ) c
    -- Usage pre-filter (index lookups per requisite), so that the locked re-check below
    -- rarely rejects: a rejected candidate stays locked, and looks busy to others, until commit.
    WHERE (SELECT count(*) FROM incoming_orders o
           WHERE o.requisite_id = c.id AND o.status = ANY(${Prisma.raw(OPEN)})) < ${request.maxOpenOrders}
      AND (${request.maxAdjustment} > 0 OR ${request.sandbox} OR NOT EXISTS (
           SELECT 1 FROM incoming_orders o
           WHERE o.requisite_id = c.id AND o.status = ANY(${Prisma.raw(OPEN)}) AND o.amount = ${amount}))
      AND (SELECT COALESCE(sum(o.amount), 0) FROM incoming_orders o
           WHERE o.requisite_id = c.id AND o.matched_at >= ${dayStart} AND o.status = ANY(${Prisma.raw(COUNTED)})) + ${amount} <= c.daily_limit
    LIMIT 1`;
}

/** The best fitting requisite no other transaction holds, locked for this one; null when none. */
async function lockBestCandidate(tx: Tx, request: MatchRequest, bounds: MatchBounds, exclude: number[]): Promise<Candidate | null> {
  const [candidate] = await tx.$queryRaw<Candidate[]>(candidateQuery(request, bounds, exclude, true));
  return candidate ?? null;
}

/** Whether a fitting requisite (not yet tried) exists at all, i.e. the free ones ran out because others hold the rest. */
async function anyFittingHeldByOthers(tx: Tx, request: MatchRequest, bounds: MatchBounds, exclude: number[]): Promise<boolean> {
  const rows = await tx.$queryRaw<Candidate[]>(candidateQuery(request, bounds, exclude, false));
  return rows.length > 0;
}

/**
 * Checks a locked candidate again under the lock: open orders, today's count, an amount its
 * limits still allow, and for a pay-in the trader's deposit. The match, or null when it no
 * longer fits.
 */
async function checkLocked(tx: Tx, request: MatchRequest, bounds: MatchBounds, candidate: Candidate): Promise<MatchResult | null> {
  const usage = await readLockedUsage(tx, request, bounds, candidate);
  if (usage.open_count >= request.maxOpenOrders) return null;
  if (candidate.daily_count_limit !== null && usage.count_today >= candidate.daily_count_limit) return null;

  const chosen = pickAmount(candidate, request.sandbox ? { ...usage, open_amounts: null } : usage, bounds);
  if (chosen === null) return null;

  const depositHeld = request.depositNeeded(chosen);
  if (depositHeld > 0n && (usage.deposit === null || usage.deposit < depositHeld)) return null;
  return { requisiteId: candidate.id, traderId: candidate.trader_id, amount: chosen, depositHeld, traderReward: candidate.trader_reward, requisite: candidate.api_view };
}

/**
 * Usage, and for a pay-in the trader's deposit (locked with the requisite), in one statement
 * issued after the locks were granted (so its snapshot sees every earlier holder's commit).
 */
async function readLockedUsage(tx: Tx, request: MatchRequest, bounds: MatchBounds, candidate: Candidate): Promise<Usage> {
  const [usage] = await tx.$queryRawUnsafe<Usage[]>(
    `
     SELECT count(*) FILTER (WHERE status = ANY(${OPEN}))::int AS open_count,
            array_agg(amount) FILTER (WHERE status = ANY(${OPEN})) AS open_amounts,
            COALESCE(sum(amount) FILTER (WHERE matched_at >= $2 AND status = ANY(${COUNTED})), 0)::bigint AS used_today,
            count(*) FILTER (WHERE matched_at >= $2 AND status = ANY(${COUNTED}))::int AS count_today,
            COALESCE(sum(amount) FILTER (WHERE matched_at >= $3 AND status = ANY(${COUNTED})), 0)::bigint AS used_month,
            (SELECT amount FROM balance_trader_crypto WHERE $4 AND trader_id = $5 AND currency_id = $6) AS deposit
     FROM incoming_orders
     WHERE requisite_id = $1 AND (status = ANY(${OPEN}) OR matched_at >= $3)`,
    candidate.id,
    bounds.dayStart,
    bounds.monthStart,
    bounds.minimumDeposit > 0n,
    candidate.trader_id,
    request.settlementCurrencyId,
  );
  return usage;
}

/**
 * The lowest amount from the order's up to its most raised that no open order on the
 * requisite has and the requisite's range allows; null when none does, or when the daily or
 * monthly limit stops the search first.
 */
function pickAmount(candidate: Candidate, usage: Usage, bounds: MatchBounds): bigint | null {
  const taken = new Set((usage.open_amounts ?? []).map(String));
  for (let candidateAmount = bounds.amount; candidateAmount <= bounds.maxAmount; candidateAmount++) {
    if (taken.has(String(candidateAmount))) continue;
    if (candidateAmount < candidate.min_amount || candidateAmount > candidate.max_amount) continue;
    if (usage.used_today + candidateAmount > candidate.daily_limit) return null;
    if (candidate.monthly_limit !== null && usage.used_month + candidateAmount > candidate.monthly_limit) return null;
    return candidateAmount;
  }
  return null;
}
