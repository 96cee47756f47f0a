import "server-only";
import { getMerchantToday, type TodayNumbers } from "./get-merchant-dashboard";
import type { DataWorld } from "@/lib/sandbox/data-world";
import { listStoresWithBalances, type StoreWithBalances } from "@/lib/stores/list-stores-with-balances";

/**
 * What the dashboard refreshes live (polled as JSON): today's numbers and every store's
 * balances. Amounts travel as strings of minor units (JSON has no BigInt; never a float).
 */
export interface DashboardSnapshot {
  today: { createdCount: number; completedCount: number; openCount: number; turnover: string; completionSecondsSum: string };
  stores: { id: number; name: string; isActive: boolean; isSandbox: boolean; balances: { currencyCode: string; exponent: number; available: string; held: string }[] }[];
  at: string;
}

function toSnapshot(today: TodayNumbers, stores: StoreWithBalances[], at: Date): DashboardSnapshot {
  return {
    today: { ...today, turnover: today.turnover.toString(), completionSecondsSum: today.completionSecondsSum.toString() },
    stores: stores.map((store) => ({
      id: store.id,
      name: store.name,
      isActive: store.isActive,
      isSandbox: store.isSandbox,
      balances: store.balances.map((b) => ({ currencyCode: b.currencyCode, exponent: b.exponent, available: b.available.toString(), held: b.held.toString() })),
    })),
    at: at.toISOString(),
  };
}

/** The merchant's live dashboard numbers (today, balances), serialisable. */
export async function getDashboardSnapshot(merchantUserId: number, world: DataWorld = "live"): Promise<DashboardSnapshot> {
  const now = new Date();
  const [today, stores] = await Promise.all([getMerchantToday(merchantUserId, now, world), listStoresWithBalances(merchantUserId, world)]);
  return toSnapshot(today, stores, now);
}
