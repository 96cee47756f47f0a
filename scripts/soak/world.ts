// The soak's database, as an operator would have it: reference data, the shortened lifecycle
// settings (config.ts), stores whose callback URL is the local receiver, traders with
// requisites and API tokens, and support users. Limits are set so that the run reaches them:
// some requisites have tight daily amount and count limits and some traders a small deposit,
// so "no limit or deposit exceeded" is checked where it binds, not where it never could.
// Loaded after DATABASE_URL is set (lib/db/client reads it on import).
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import * as f from "@/lib/testing";
import { postMovements } from "@/lib/ledger/post-movements";
import { SOAK, SOAK_SETTINGS } from "./config";

export interface SoakStore {
  index: number;
  id: number;
  apiKey: string;
  webhookSecret: string;
}

export interface SoakTrader {
  id: number;
  token: string;
}

export interface SoakWorld {
  stores: SoakStore[];
  traders: SoakTrader[];
  support: { email: string; password: string }[];
}

const SUPPORT_PASSWORD = "soak-support-password";
const USDT = (units: number) => BigInt(units) * 1_000_000n;
const RUB = (units: number) => BigInt(units) * 100n;

export async function seedWorld(receiverUrl: string, supportUsers: number): Promise<SoakWorld> {
  const currencies = await f.ensureCurrencies(prisma);
  await f.ensurePaymentMethods(prisma);
  await f.ensureBanks(prisma);
  await f.ensureDefaultSettings(prisma);
  await f.createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  for (const [key, value] of Object.entries(SOAK_SETTINGS)) {
    await prisma.configurationSetting.update({ where: { key }, data: { value: value as Prisma.InputJsonValue } });
  }
  const credit = (account: Parameters<typeof postMovements>[1][number]["account"], amount: bigint) =>
    prisma.$transaction((tx) => postMovements(tx, [{ account, delta: amount, reason: "deposit_credit" }]));

  const stores: SoakStore[] = [];
  for (let index = 0; index < SOAK.stores; index++) {
    const webhookSecret = f.newWebhookSecret();
    const store = await f.createStore(prisma, { name: `Soak store ${index}`, callbackUrl: `${receiverUrl}/webhooks/${index}`, webhookSecret });
    const { key } = await f.createMerchantApiKey(prisma, { storeId: store.id });
    // Enough USDT for every payout the run makes.
    await credit({ kind: "store", storeId: store.id, currencyId: currencies.USDT.id }, USDT(1_000_000));
    stores.push({ index, id: store.id, apiKey: key, webhookSecret });
  }

  const traders: SoakTrader[] = [];
  for (let i = 0; i < SOAK.traders; i++) {
    // Online (payout offers go to online traders only); the trader clients' polling keeps them so.
    const trader = await f.createTrader(prisma, { lastSeenAt: new Date() });
    // Every fourth trader has a small deposit: ~100 USDT covers about three pay-ins at once.
    const smallDeposit = i % 4 === 3;
    await credit({ kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, smallDeposit ? USDT(100) : USDT(20_000));
    for (let r = 0; r < 3; r++) {
      // Each trader's second requisite has tight daily limits: 20 000 RUB and 6 orders.
      const tight = r === 1;
      await f.createRequisite(prisma, {
        traderId: trader.id,
        currencyId: currencies.RUB.id,
        minAmount: RUB(100),
        maxAmount: RUB(10_000),
        dailyLimit: tight ? RUB(20_000) : RUB(5_000_000),
        dailyCountLimit: tight ? 6 : null,
      });
    }
    traders.push({ id: trader.id, token: (await f.createTraderApiToken(prisma, { traderId: trader.id })).token });
  }

  const support = [];
  for (let i = 0; i < supportUsers; i++) {
    const { user } = await f.createSupport(prisma, { password: SUPPORT_PASSWORD });
    support.push({ email: user.email, password: SUPPORT_PASSWORD });
  }
  await prisma.$executeRawUnsafe("ANALYZE");
  return { stores, traders, support };
}
