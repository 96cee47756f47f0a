import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { SETTINGS } from "@/lib/settings/definitions";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { splitPayin } from "@/lib/testing";
import { DEMO_LOGINS } from "@/prisma/demo-logins";
import { DEMO_SEED_MARKER, seedDemoData } from "@/prisma/seed";
import { runSeedCli } from "./seed-cli";
import { databaseFingerprint } from "./snapshot";

const sha256Hex = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

describe("demo seed on an empty database", () => {
  let firstRun: Awaited<ReturnType<typeof runSeedCli>>;
  beforeAll(async () => {
    firstRun = await runSeedCli(process.env.DATABASE_URL!);
  }, 120_000);

  it("npm run db:seed succeeds and prints a summary", () => {
    expect(firstRun.stderr).not.toMatch(/error/i);
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toContain("Seeded demo data");
    expect(firstRun.stdout).toMatch(/orders by status: .*completed \d+/);
  });

  it("creates one user per role with the demo password", async () => {
    for (const login of DEMO_LOGINS.users) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: login.email }, include: { role: true } });
      expect(user.role.name).toBe(login.role);
      expect(user.isActive).toBe(true);
      expect(await verifyPassword(DEMO_LOGINS.password, user.passwordHash)).toBe(true);
    }
    const admin = await prisma.admin.findFirstOrThrow({ where: { user: { email: "admin@jivapay.dev" } } });
    const support = await prisma.support.findFirstOrThrow({ where: { user: { email: "support@jivapay.dev" } } });
    expect(admin.username).toBe("admin");
    expect(admin.grantedPermissions).toEqual(expect.any(Object));
    expect(support.grantedPermissions).toEqual(expect.any(Object));
  });

  it("creates a team of at least three traders with requisites and USDT deposits", async () => {
    const teamlead = await prisma.teamlead.findFirstOrThrow({
      where: { user: { email: "teamlead@jivapay.dev" } },
      include: { traders: { include: { user: true, requisites: { include: { settings: true, bank: true, paymentMethod: true } }, cryptoHistory: true } } },
    });
    expect(teamlead.traders.length).toBeGreaterThanOrEqual(3);
    expect(teamlead.traders.map((t) => t.user.email)).toContain("trader@jivapay.dev");
    const usdt = await prisma.currency.findUniqueOrThrow({ where: { code: "USDT" } });
    for (const trader of teamlead.traders) {
      expect(trader.requisites.length).toBeGreaterThanOrEqual(1);
      expect(trader.requisites.length).toBeLessThanOrEqual(3);
      for (const requisite of trader.requisites) {
        expect(requisite.details).toEqual({ number: expect.any(String), holder: expect.any(String) });
        expect(requisite.bank).not.toBeNull();
        expect(requisite.paymentMethod).not.toBeNull();
        expect(requisite.settings!.minAmount).toBeLessThan(requisite.settings!.maxAmount);
        expect(requisite.settings!.dailyLimit).toBeGreaterThanOrEqual(requisite.settings!.maxAmount);
      }
      const deposits = trader.cryptoHistory.filter((h) => h.reason === "deposit_credit");
      expect(deposits).toHaveLength(1);
      expect(deposits[0].currencyId).toBe(usdt.id);
      expect(deposits[0].delta).toBeGreaterThan(0n);
    }
    expect(await verifyPassword(DEMO_LOGINS.password, teamlead.traders.find((t) => t.user.email === "trader2@jivapay.dev")!.user.passwordHash)).toBe(true);
  });

  it("creates reference data, a current manual rate and every default setting", async () => {
    const currencies = await prisma.currency.findMany({ orderBy: { code: "asc" } });
    expect(currencies.map((c) => [c.code, c.kind, c.exponent])).toEqual([
      ["RUB", "fiat", 2],
      ["USDT", "crypto", 6],
    ]);
    const latest = await prisma.exchangeRate.findFirstOrThrow({ orderBy: { createdAt: "desc" }, include: { baseCurrency: true, quoteCurrency: true } });
    expect([latest.baseCurrency.code, latest.quoteCurrency.code, latest.rate.toFixed(2), latest.source]).toEqual(["RUB", "USDT", "92.50", "manual"]);
    expect((await prisma.paymentMethod.findMany()).map((m) => m.code).sort()).toEqual(["card", "sbp"]);
    expect((await prisma.bank.findMany()).map((b) => b.code)).toEqual(expect.arrayContaining(["sber", "tinkoff", "alfa", "vtb"]));

    const settings = new Map((await prisma.configurationSetting.findMany()).map((s) => [s.key, s]));
    for (const [key, definition] of Object.entries(SETTINGS)) {
      if (key === "callbacks.allowed_private_hosts" || key === "security.require_2fa_roles") continue;
      expect(settings.get(key)?.value, key).toEqual(definition.default);
      expect(settings.get(key)?.description, key).toBe(definition.description);
    }
    expect(settings.get("callbacks.allowed_private_hosts")?.value).toEqual(["127.0.0.1", "localhost", "::1"]);
    // The shared demo logins sign in with a password only (prisma/demo/reference.ts).
    expect(settings.get("security.require_2fa_roles")?.value).toEqual([]);
    expect(settings.get(DEMO_SEED_MARKER)?.value).toBe(true);
  });

  it("creates the demo store, API key and trader token, stored hashed", async () => {
    const store = await prisma.merchantStore.findFirstOrThrow({ where: { user: { email: "merchant@jivapay.dev" }, isSandbox: false }, include: { apiKeys: true } });
    expect(store.name).toBe("Demo Store");
    expect(store.webhookSecret).toBe(DEMO_LOGINS.webhookSecret);
    expect(store.apiKeys).toHaveLength(1);
    expect(store.apiKeys[0]).toMatchObject({ keyHash: sha256Hex(DEMO_LOGINS.merchantApiKey), keyPrefix: DEMO_LOGINS.merchantApiKey.slice(0, 12), revokedAt: null });
    expect(store.apiKeys[0].keyHash).toMatch(/^[0-9a-f]{64}$/);
    const token = await prisma.traderApiToken.findUniqueOrThrow({ where: { tokenHash: sha256Hex(DEMO_LOGINS.traderApiToken) }, include: { trader: { include: { user: true } } } });
    expect(token.trader.user.email).toBe("trader@jivapay.dev");
    expect(token.tokenPrefix).toBe(DEMO_LOGINS.traderApiToken.slice(0, 12));
  });

  it("creates the demo sandbox store with its jp_sandbox_ key and the simulated sandbox trader", async () => {
    const store = await prisma.merchantStore.findFirstOrThrow({ where: { user: { email: "merchant@jivapay.dev" }, isSandbox: true }, include: { apiKeys: true } });
    expect(store).toMatchObject({ name: "Demo Sandbox Store", isActive: true });
    expect([store.payinCommission.toFixed(), store.payoutCommission.toFixed()]).toEqual(["0", "0"]);
    expect(store.apiKeys.map((k) => k.keyHash)).toEqual([sha256Hex(DEMO_LOGINS.merchantSandboxApiKey)]);
    const trader = await prisma.trader.findFirstOrThrow({ where: { isSandbox: true }, include: { requisites: true, cryptoBalance: true, user: true } });
    expect(trader.payinReward.toFixed()).toBe("0");
    expect(trader.requisites.length).toBeGreaterThanOrEqual(2);
    expect(trader.cryptoBalance[0].amount).toBeGreaterThan(0n);
    expect(await verifyPassword(DEMO_LOGINS.password, trader.user.passwordHash)).toBe(false);
  });

  it("creates two weeks of orders in a realistic mix of statuses", async () => {
    const orders = await prisma.incomingOrder.findMany({ include: { history: { orderBy: { id: "asc" } } } });
    expect(orders.length).toBeGreaterThanOrEqual(60);
    expect(orders.length).toBeLessThanOrEqual(150);
    const count = (status: string) => orders.filter((o) => o.status === status).length;
    expect(count("completed")).toBeGreaterThan(orders.length / 2);
    for (const status of ["expired", "cancelled", "failed", "awaiting_payment"]) expect(count(status), status).toBeGreaterThan(0);
    expect(orders.some((o) => o.type === "payout" && o.status === "completed")).toBe(true);

    const now = Date.now();
    const oldest = Math.min(...orders.map((o) => o.createdAt.getTime()));
    expect(now - oldest).toBeGreaterThan(10 * 24 * 3600_000);
    expect(now - oldest).toBeLessThanOrEqual(15 * 24 * 3600_000);
    for (const order of orders) {
      expect(order.id).toMatch(order.type === "payin" ? /^pi_[0-9A-HJKMNP-TV-Z]{26}$/ : /^po_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(order.createdAt.getTime()).toBeLessThanOrEqual(now);
      // One history row per transition, chained from null to the current status.
      expect(order.history[0].fromStatus).toBeNull();
      for (let i = 1; i < order.history.length; i++) expect(order.history[i].fromStatus).toBe(order.history[i - 1].status);
      expect(order.history.at(-1)!.status).toBe(order.status);
    }
    // Ids sort by creation time.
    const byId = [...orders].sort((a, b) => (a.id.slice(3) < b.id.slice(3) ? -1 : 1)).map((o) => o.createdAt.getTime());
    expect(byId).toEqual([...byId].sort((a, b) => a - b));
  });

  it("records rate and commissions on order_history and posts the exact pay-in split", async () => {
    const completed = await prisma.incomingOrder.findMany({
      where: { type: "payin", status: "completed" },
      include: { history: { where: { status: "completed" } }, storeHistory: true, cryptoHistory: true, platformHistory: true, fiatHistory: true },
    });
    expect(completed.length).toBeGreaterThan(30);
    for (const order of completed) {
      const [done] = order.history;
      expect(done.rate?.toFixed()).toBe(order.rate?.toFixed());
      const split = splitPayin(order.cryptoAmount!, done.storeCommission!.toFixed(), done.traderCommission!.toFixed());
      expect(done.storeCommissionAmount).toBe(split.storeCommissionAmount);
      expect(done.traderCommissionAmount).toBe(split.traderReward);
      expect(done.platformProfit).toBe(split.platformProfit);
      expect(order.storeHistory.map((h) => h.delta)).toEqual([split.storeCredit]);
      expect(order.platformHistory.map((h) => h.delta)).toEqual([split.platformProfit]);
      expect(order.fiatHistory.map((h) => [h.delta, h.reason])).toEqual([[order.amount, "fiat_turnover"]]);
      const hold = order.cryptoHistory.find((h) => h.reason === "payin_hold")!;
      expect([hold.delta, hold.heldDelta]).toEqual([-order.cryptoAmount!, order.cryptoAmount!]);
      // u = A / R, half up, in micro-USDT.
      const exact = (Number(order.amount) / 100 / Number(order.rate)) * 1e6;
      expect(Math.abs(Number(order.cryptoAmount) - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it("leaves a consistent ledger", async () => {
    expect(await checkLedger(prisma)).toEqual([]);
    expect(await checkLedger(prisma)).toEqual([]);
    // Released orders hold nothing: the trader's held USDT is exactly the open pay-ins' value.
    const released = await prisma.incomingOrder.findMany({ where: { type: "payin", status: { in: ["expired", "cancelled"] }, cryptoAmount: { not: null } }, include: { cryptoHistory: true } });
    expect(released.length).toBeGreaterThan(0);
    for (const order of released) expect(order.cryptoHistory.reduce((sum, h) => sum + h.heldDelta, 0n)).toBe(0n);
  });

  it("running it again changes nothing", async () => {
    const before = await databaseFingerprint(prisma);
    const summary = await seedDemoData(prisma);
    expect(summary.mode).toBe("reseed");
    expect(summary.created).toEqual({ users: 0, requisites: 0, settings: 0, orders: 0, apiKeys: 0 });
    const again = await runSeedCli(process.env.DATABASE_URL!);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing to do");
    expect(await databaseFingerprint(prisma)).toEqual(before);
  }, 120_000);
});
