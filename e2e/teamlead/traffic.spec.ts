// The teamlead's traffic switch decides where the very next pay-in goes. To be deterministic and
// leave every other spec alone, this spec builds a team of its own: a teamlead (it also switches
// the cabinet to Russian, which is remembered per user) and two traders whose only requisites
// accept pay-ins of 151 515.00–151 515.99 RUB. Every seeded requisite stops at 100 000 RUB and
// other specs route their own ranges elsewhere, so a pay-in in this range can only reach trader
// A (higher priority) or trader B. Switched off, A is skipped and B gets it; switched back on, A
// gets the next one again. Pay-ins are cancelled and the switch restored in `finally`.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { DEMO_PASSWORD, expectFitsWidth, saveScreenshot, submitLogin, waitForHydration } from "../helpers/cabinets";
import { createUserLike, uniqueId, withDb } from "../helpers/db";
import { createPayin, DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { createCabinetUser } from "../support/db";

const RANGE = { min: 15_151_500, max: 15_151_599 };
const DEPOSIT_MICRO_USDT = 5_000_000_000n; // 5 000 USDT, about three such pay-ins

test.use({ viewport: { width: 375, height: 812 } });

/** A trader in the team with a USDT deposit (credited like the ledger does: balance and history row) and one card in RANGE. */
async function teamTrader(db: pg.Client, teamLeadId: number, name: string, priority: number) {
  const { userId } = await createUserLike(db, "trader", name);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO trader (user_id, team_lead_id, traffic_priority, last_seen_at, updated_at) VALUES ($1, $2, $3, now(), now()) RETURNING id`,
    [userId, teamLeadId, priority],
  );
  const traderId = rows[0].id;
  await db.query(
    `WITH r AS (
       INSERT INTO req_trader (trader_id, type, details, status, updated_at)
       VALUES ($1::int, 'card', jsonb_build_object('number', '2200' || lpad($1::int::text, 12, '0'), 'holder', $2::text), 'active', now())
       RETURNING id
     )
     INSERT INTO full_requisites_settings (req_id, currency_id, min_amount, max_amount, daily_limit)
     SELECT r.id, (SELECT id FROM currencies WHERE code = 'RUB'), $3, $4, $4::bigint * 100 FROM r`,
    [traderId, name.toUpperCase(), RANGE.min, RANGE.max],
  );
  await db.query(
    `WITH b AS (
       INSERT INTO balance_trader_crypto (trader_id, currency_id, amount, held, updated_at)
       VALUES ($1, (SELECT id FROM currencies WHERE code = 'USDT'), $2, 0, now())
       RETURNING id, trader_id, currency_id, amount
     )
     INSERT INTO balance_trader_crypto_history (balance_id, trader_id, currency_id, delta, held_delta, balance_after, held_after, reason)
     SELECT id, trader_id, currency_id, amount, 0, amount, 0, 'deposit_credit' FROM b`,
    [traderId, DEPOSIT_MICRO_USDT.toString()],
  );
  return traderId;
}

/** A pay-in of `amount` kopecks, matched at once (its id). */
async function matchedPayin(request: APIRequestContext, amount: number): Promise<string> {
  const order = await createPayin(request, { amount, merchantOrderId: uniqueId("e2e-team") });
  expect(order.status).toBe("awaiting_payment");
  return order.id;
}

const traderOf = (orderId: string) => withDb(async (db) => (await db.query(`SELECT trader_id FROM incoming_orders WHERE id = $1`, [orderId])).rows[0].trader_id as number);
const trafficOf = (traderId: number) =>
  withDb(async (db) => (await db.query(`SELECT is_traffic_enabled_by_teamlead AS on FROM trader WHERE id = $1`, [traderId])).rows[0].on as boolean);

test("the teamlead switches a trader off and the next pay-in goes to another trader, then back on (Russian, 375 px)", async ({ page, request }, testInfo) => {
  const suffix = uniqueId("team").slice(-8);
  const names = { a: `E2E Trader A ${suffix}`, b: `E2E Trader B ${suffix}` };
  const { lead, a, b } = await withDb(async (db) => {
    const lead = await createCabinetUser(db, "teamlead", "E2E Teamlead");
    return { lead, a: await teamTrader(db, lead.profileId, names.a, 2), b: await teamTrader(db, lead.profileId, names.b, 1) };
  });
  const payins: string[] = [];
  let amount = RANGE.min + Math.floor(Math.random() * 50);
  const nextPayin = async () => {
    const id = await matchedPayin(request, ++amount);
    payins.push(id);
    return id;
  };

  try {
    // With both on, A (higher priority) takes the pay-in.
    expect(await traderOf(await nextPayin())).toBe(a);

    await submitLogin(page, lead.email, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/teamlead");
    const switcher = page.getByTestId("locale-switcher");
    await waitForHydration(switcher);
    await switcher.selectOption("ru");
    await expect(page.getByRole("heading", { level: 1, name: "Мои трейдеры" })).toBeVisible();

    // The phone layout shows one card per trader with its switch.
    const cardA = page.locator(`li[data-trader-id="${a}"]`);
    await expect(cardA).toBeVisible();
    await expect(cardA.getByText("онлайн")).toBeVisible();
    await expect(cardA.getByText("Открытые заявки")).toBeVisible();
    const switchA = page.getByRole("switch", { name: `Трафик: ${names.a}` });
    await expect(switchA).toHaveAttribute("aria-checked", "true");
    await waitForHydration(switchA);
    await saveScreenshot(page, testInfo, "teamlead");

    await switchA.click();
    await expect(page.getByText(`Трафик выключен для ${names.a}: новые заявки уйдут другим трейдерам.`)).toBeVisible();
    await expect(switchA).toHaveAttribute("aria-checked", "false");
    expect(await trafficOf(a)).toBe(false);
    const audit = await withDb(async (db) =>
      (await db.query(`SELECT user_id, old_values, new_values FROM audit_logs WHERE action = 'trader.traffic' AND entity_id = $1 ORDER BY id`, [String(a)])).rows,
    );
    expect(audit).toEqual([{ user_id: lead.userId, old_values: { isTrafficEnabledByTeamlead: true }, new_values: { isTrafficEnabledByTeamlead: false } }]);

    // The very next pay-in skips A.
    expect(await traderOf(await nextPayin())).toBe(b);

    await switchA.click();
    await expect(page.getByText(`Трафик включён для ${names.a}: следующие заявки пойдут ему.`)).toBeVisible();
    await expect(switchA).toHaveAttribute("aria-checked", "true");
    expect(await trafficOf(a)).toBe(true);
    expect(await traderOf(await nextPayin())).toBe(a);

    // The page's content fits the phone screen.
    await expectFitsWidth(page, "/teamlead");
  } finally {
    // Whatever happened above: A's traffic back on, and no pay-in of this spec left holding deposits.
    await withDb((db) => db.query(`UPDATE trader SET is_traffic_enabled_by_teamlead = true, updated_at = now() WHERE id = $1`, [a]));
    for (const id of payins) await request.post(`/api/v1/payin/${id}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
  }
});
