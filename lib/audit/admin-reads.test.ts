import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { expectDomainError } from "@/lib/testing/assertions";
import { createSupport, createStore, createTeamlead, createTrader, createUser } from "@/lib/testing";
import { adjustTraderDeposit } from "@/lib/traders/adjust-trader-deposit";
import { inviteUser } from "@/lib/auth/invite-user";
import { updateSetting } from "@/lib/settings/update-setting";
import { createAdminActor, setupAdminCabinet, type AdminActor, type Currencies } from "@/lib/testing/fixtures";
import { listAuditLogs, listAuditVocabulary } from "./list-audit-logs";
import { listConfigurationSettings } from "@/lib/settings/list-configuration-settings";
import { listCurrencies } from "@/lib/currencies/list-currencies";
import { listStores } from "@/lib/stores/list-stores";
import { listTeamleads, listTraders } from "@/lib/traders/list-traders";
import { listUsers } from "@/lib/users/list-users";

let admin: AdminActor;
let currencies: Currencies;

const refused = (promise: Promise<unknown>) => expectDomainError(promise, "admin_only");

beforeAll(async () => {
  ({ admin, currencies } = await setupAdminCabinet());
});

describe("admin lists refuse everyone but an active admin", () => {
  it("refuses support, merchants and deactivated admins", async () => {
    const support = (await createSupport(prisma)).user.id;
    const merchant = (await createUser(prisma, { role: "merchant" })).id;
    const former = await createAdminActor();
    await prisma.user.update({ where: { id: former.userId }, data: { isActive: false } });
    for (const userId of [support, merchant, former.userId]) {
      await refused(listConfigurationSettings(userId));
      await refused(listUsers(userId));
      await refused(listStores(userId));
      await refused(listTraders(userId));
      await refused(listTeamleads(userId));
      await refused(listCurrencies(userId));
      await refused(listAuditLogs(userId, {}));
    }
  });
});

describe("listConfigurationSettings", () => {
  it("lists every declared key with the value in force, its default and who changed it", async () => {
    await updateSetting({ key: "order.payment_ttl_seconds", value: 1200 }, admin);
    // A stored value that no longer parses: the platform runs on the default, the editor says so.
    await prisma.configurationSetting.update({ where: { key: "order.match_attempts" }, data: { value: "ten" } });
    const rows = await listConfigurationSettings(admin.userId);
    const ttl = rows.find((r) => r.key === "order.payment_ttl_seconds")!;
    expect(ttl).toMatchObject({ kind: "number", value: 1200, defaultValue: 900, isDefault: false, updatedByEmail: expect.stringContaining("@") });
    expect(rows.find((r) => r.key === "order.match_attempts")).toMatchObject({ value: 10, isDefault: true, invalidStoredValue: "ten" });
    expect(rows.find((r) => r.key === "rates.manual")).toMatchObject({ kind: "json", value: { RUB: "92.50" } });
    expect(rows.length).toBe(Object.keys((await import("@/lib/settings/definitions")).SETTINGS).length);
  });
});

describe("keyset lists", () => {
  it("pages users by id with role and search filters", async () => {
    for (let i = 0; i < 5; i++) await createUser(prisma, { role: "merchant", email: `paging-${i}@keyset.test` });
    const first = await listUsers(admin.userId, { search: "keyset.test", limit: 2 });
    expect(first.rows.map((r) => r.email)).toEqual(["paging-0@keyset.test", "paging-1@keyset.test"]);
    const second = await listUsers(admin.userId, { search: "KEYSET.TEST", limit: 2, after: first.nextCursor! });
    expect(second.rows.map((r) => r.email)).toEqual(["paging-2@keyset.test", "paging-3@keyset.test"]);
    const last = await listUsers(admin.userId, { search: "keyset.test", limit: 2, after: second.nextCursor! });
    expect(last).toMatchObject({ rows: [{ email: "paging-4@keyset.test" }], nextCursor: null });
    const admins = await listUsers(admin.userId, { role: "admin" });
    expect(admins.rows.every((r) => r.role === "admin" && r.profile !== null)).toBe(true);
  });

  it("marks users whose invitation is still open", async () => {
    await inviteUser({ email: "pending@invited.test", role: "support", invitedBy: admin.userId });
    await createUser(prisma, { email: "off@invited.test", isActive: false });
    const rows = (await listUsers(admin.userId, { search: "invited.test" })).rows;
    expect(rows.map((r) => [r.email, r.isActive, r.invited])).toEqual([
      ["pending@invited.test", false, true],
      ["off@invited.test", false, false],
    ]);
  });

  it("lists stores with commissions and balances, traders with team and deposit", async () => {
    const store = await createStore(prisma, { payinCommission: "0.035", limits: { payin: { min: 100 } } });
    const team = await createTeamlead(prisma, { username: "alpha-team" });
    const trader = await createTrader(prisma, { teamLeadId: team.profile.id, payoutReward: "0.01" });
    await adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 2_500_000n }, admin);

    const stores = await listStores(admin.userId, { limit: 200 });
    expect(stores.rows.find((s) => s.id === store.id)).toMatchObject({ payinCommission: "0.035", payoutCommission: "0.02", limits: { payin: { min: 100 } }, isActive: true });
    const traders = await listTraders(admin.userId, { teamLeadId: team.profile.id });
    expect(traders.rows).toEqual([
      expect.objectContaining({ id: trader.id, payoutReward: "0.01", team: { id: team.profile.id, username: "alpha-team" }, deposit: { code: "USDT", exponent: 6, available: 2_500_000n, held: 0n } }),
    ]);
    expect(await listTeamleads(admin.userId)).toContainEqual(expect.objectContaining({ id: team.profile.id, username: "alpha-team" }));
  });

  it("lists currencies with the rate matching would use", async () => {
    const rows = await listCurrencies(admin.userId);
    expect(rows.find((c) => c.code === "RUB")).toMatchObject({ kind: "fiat", currentRate: { rate: "92.50", source: "rates.manual" }, manualRate: "92.50", recentRates: [] });
    expect(rows.find((c) => c.code === "USDT")).toMatchObject({ kind: "crypto", currentRate: null });
    await prisma.exchangeRate.create({ data: { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "93.25" } });
    expect((await listCurrencies(admin.userId)).find((c) => c.code === "RUB")).toMatchObject({ currentRate: { rate: "93.25", source: "exchange_rates" } });
  });
});

describe("listAuditLogs", () => {
  it("pages newest first over (created_at, id) without gaps or repeats, and filters", async () => {
    const other = await createAdminActor();
    const base = Date.parse("2026-03-10T12:00:00Z");
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 7; i++) {
        const actor = i % 2 ? other : admin;
        await recordAudit(tx, actor, { action: i < 4 ? "paging_a" : "paging_b", entityType: "paging", entityId: `e${i % 3}`, newValues: { i } });
      }
    });
    // Same timestamp for several rows: the id breaks the tie.
    const rows = await prisma.auditLog.findMany({ where: { entityType: "paging" }, orderBy: { id: "asc" } });
    for (const [i, row] of rows.entries()) {
      await prisma.auditLog.update({ where: { id: row.id }, data: { createdAt: new Date(base + Math.floor(i / 2) * 86_400_000) } });
    }

    const seen: bigint[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditLogs(admin.userId, { entityType: "paging", cursor }, 3);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.id).reverse());

    const byActor = await listAuditLogs(admin.userId, { entityType: "paging", actor: (await prisma.user.findUniqueOrThrow({ where: { id: other.userId } })).email });
    expect(byActor.rows.map((r) => (r.newValues as { i: number }).i)).toEqual([5, 3, 1]);
    const byEntity = await listAuditLogs(admin.userId, { entityType: "paging", entityId: "e0", action: "paging_a" });
    expect(byEntity.rows.map((r) => (r.newValues as { i: number }).i)).toEqual([3, 0]);
    const byDate = await listAuditLogs(admin.userId, { entityType: "paging", from: "2026-03-11", to: "2026-03-12" });
    expect(byDate.rows.map((r) => (r.newValues as { i: number }).i)).toEqual([5, 4, 3, 2]);
    expect((await listAuditLogs(admin.userId, { actor: "nobody@nowhere.test" })).rows).toEqual([]);

    const vocabulary = await listAuditVocabulary(admin.userId);
    expect(vocabulary.actions).toEqual(expect.arrayContaining(["paging_a", "paging_b"]));
    expect(vocabulary.entityTypes).toContain("paging");
  });
});
