// The demo team: three traders of the demo teamlead, each with requisites and a USDT deposit,
// and the demo trader's API token.
import type { Tx } from "@/lib/db/client";
import { createRequisite, createTrader, createTraderApiToken, createUser, creditTraderDeposit, sha256Hex, testCardNumber } from "@/lib/testing";
import { DEMO_LOGINS } from "../demo-logins";
import type { HistoryTrader } from "./history";
import type { DemoReference } from "./reference";
import type { SeedCounts } from "./seed-demo-data";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const DEMO_TRADERS = [
  {
    email: "trader@jivapay.dev",
    name: "Timur Kuznetsov",
    holder: "TIMUR K.",
    trafficPriority: 10,
    payinReward: "0.02",
    payoutReward: "0.015",
    depositUsdt: 20_000n,
    lastSeenMinutesAgo: 1,
    requisites: [
      { type: "card", method: "card", bank: "sber" },
      { type: "card", method: "card", bank: "tinkoff" },
      { type: "sbp", method: "sbp", bank: "alfa", phone: "+79161234501" },
    ],
  },
  {
    email: "trader2@jivapay.dev",
    name: "Olga Smirnova",
    holder: "OLGA S.",
    trafficPriority: 5,
    payinReward: "0.018",
    payoutReward: "0.015",
    depositUsdt: 15_000n,
    lastSeenMinutesAgo: 3,
    requisites: [
      { type: "card", method: "card", bank: "vtb" },
      { type: "sbp", method: "sbp", bank: "tinkoff", phone: "+79261234502" },
    ],
  },
  {
    email: "trader3@jivapay.dev",
    name: "Pavel Morozov",
    holder: "PAVEL M.",
    trafficPriority: 0,
    payinReward: "0.025",
    payoutReward: "0.01",
    depositUsdt: 10_000n,
    lastSeenMinutesAgo: 180,
    requisites: [
      { type: "card", method: "card", bank: "alfa" },
      { type: "card", method: "card", bank: "sber" },
    ],
  },
] as const;

type DemoTraderSpec = (typeof DEMO_TRADERS)[number];

/** Limits of every demo requisite, in kopecks: 100 – 100 000 RUB per order, 500 000 RUB a day. */
const REQUISITE_LIMITS = { minAmount: 10_000n, maxAmount: 10_000_000n, dailyLimit: 50_000_000n, monthlyLimit: 1_000_000_000n };

interface TeamContext extends DemoReference {
  teamleadId: number | null;
  now: Date;
}

/** Each demo trader missing so far, in the demo teamlead's team; card numbers continue from one trader to the next. */
export async function seedDemoTeam(tx: Tx, team: TeamContext, created: SeedCounts) {
  const cards = { next: 41 };
  for (const spec of DEMO_TRADERS) {
    if (await tx.user.findUnique({ where: { email: spec.email } })) continue;
    await seedDemoTrader(tx, spec, team, cards, created);
  }
}

/** One trader: the user, the trader profile, its requisites and its USDT deposit credited through the ledger two weeks ago. */
async function seedDemoTrader(tx: Tx, spec: DemoTraderSpec, team: TeamContext, cards: { next: number }, created: SeedCounts) {
  const { currencies, methods, banks, now } = team;
  const user = await createUser(tx, { role: "trader", email: spec.email, password: DEMO_LOGINS.password, name: spec.name });
  created.users += 1;
  const trader = await createTrader(tx, {
    userId: user.id,
    teamLeadId: team.teamleadId,
    trafficPriority: spec.trafficPriority,
    payinReward: spec.payinReward,
    payoutReward: spec.payoutReward,
    lastSeenAt: new Date(now.getTime() - spec.lastSeenMinutesAgo * MINUTE),
  });
  for (const requisite of spec.requisites) {
    await createRequisite(tx, {
      traderId: trader.id,
      currencyId: currencies.RUB.id,
      type: requisite.type,
      paymentMethodId: methods[requisite.method].id,
      bankId: banks[requisite.bank].id,
      details: { number: "phone" in requisite ? requisite.phone : testCardNumber(cards.next++), holder: spec.holder },
      ...REQUISITE_LIMITS,
    });
    created.requisites += 1;
  }
  await creditTraderDeposit(tx, {
    traderId: trader.id,
    currencyId: currencies.USDT.id,
    amount: spec.depositUsdt * 10n ** BigInt(currencies.USDT.exponent),
    at: new Date(now.getTime() - 15 * DAY),
  });
}

/** The demo trader's API token (DEMO_LOGINS.traderApiToken), when the trader exists and the token does not. */
export async function seedDemoTraderToken(tx: Tx, created: SeedCounts) {
  const demoTrader = await tx.trader.findFirst({ where: { user: { email: "trader@jivapay.dev" } } });
  if (!demoTrader || (await tx.traderApiToken.findUnique({ where: { tokenHash: sha256Hex(DEMO_LOGINS.traderApiToken) } }))) return;
  await createTraderApiToken(tx, { traderId: demoTrader.id, token: DEMO_LOGINS.traderApiToken, name: "Demo token" });
  created.apiKeys += 1;
}

/** The demo traders as the history generator needs them: requisites with limits and the deposit available now. */
export async function historyTraders(tx: Tx, usdtId: number): Promise<HistoryTrader[]> {
  const traders = await tx.trader.findMany({
    where: { user: { email: { in: DEMO_TRADERS.map((t) => t.email) } } },
    include: { requisites: { where: { status: "active" }, include: { settings: true }, orderBy: { id: "asc" } }, cryptoBalance: { where: { currencyId: usdtId } } },
    orderBy: { id: "asc" },
  });
  return traders.map((trader) => ({
    id: trader.id,
    userId: trader.userId,
    payinReward: trader.payinReward,
    payoutReward: trader.payoutReward,
    available: trader.cryptoBalance[0]?.amount ?? 0n,
    requisites: trader.requisites
      .filter((r) => r.settings)
      .map((r) => ({ id: r.id, traderId: trader.id, paymentMethodId: r.paymentMethodId, ...pickLimits(r.settings!) })),
  }));
}

function pickLimits(settings: { minAmount: bigint; maxAmount: bigint; dailyLimit: bigint }) {
  return { minAmount: settings.minAmount, maxAmount: settings.maxAmount, dailyLimit: settings.dailyLimit };
}
