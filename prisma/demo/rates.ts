// The demo's exchange rates.
import type { Tx } from "@/lib/db/client";
import { createExchangeRate } from "@/lib/testing";
import { rubPerUsdt, type DemoReference } from "./reference";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Two weeks of daily manual rates ending at the current 92.50 RUB per USDT, set by the admin; only into a database without RUB/USDT rates. */
export async function seedDemoRates(tx: Tx, reference: DemoReference, adminId: number, now: Date) {
  const rateFilter = rubPerUsdt(reference);
  if ((await tx.exchangeRate.count({ where: rateFilter })) > 0) return;
  for (let day = 15; day >= 1; day--) {
    const rate = (92.5 + (((day * 37) % 17) - 8) * 0.11).toFixed(2);
    await createExchangeRate(tx, { ...rateFilter, rate, createdAt: new Date(now.getTime() - day * DAY), createdById: adminId });
  }
  await createExchangeRate(tx, { ...rateFilter, rate: "92.50", createdAt: new Date(now.getTime() - 30 * MINUTE), createdById: adminId });
}

/** The RUB/USDT rate history, oldest first, as the order history generator reads it. */
export async function demoRateHistory(tx: Tx, reference: DemoReference) {
  const rows = await tx.exchangeRate.findMany({ where: rubPerUsdt(reference), orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ at: r.createdAt, rate: r.rate.toFixed() }));
}
