import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { SETTINGS } from "@/lib/settings/definitions";
import { readSettings } from "@/lib/settings/read-settings";
import { createUser } from "@/lib/testing";
import { resetSetting, updateSetting } from "./update-setting";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { createAdminActor, setupAdminCabinet, type AdminActor } from "@/lib/testing/fixtures";

const TTL = "order.payment_ttl_seconds";
let admin: AdminActor;

const stored = async (key: string) => (await prisma.configurationSetting.findUniqueOrThrow({ where: { key } })).value;

beforeAll(async () => {
  ({ admin } = await setupAdminCabinet());
});

describe("updateSetting", () => {
  it("saves a valid value with updated_by and an audit row, and readSettings sees it at once", async () => {
    expect((await readSettings())[TTL]).toBe(900); // cached from here on for this process
    const change = await updateSetting({ key: TTL, value: 1200 }, admin);
    expect(change).toEqual({ key: TTL, value: 1200, changed: true });

    const row = await prisma.configurationSetting.findUniqueOrThrow({ where: { key: TTL } });
    expect(row).toMatchObject({ value: 1200, updatedById: admin.userId });
    expect((await readSettings())[TTL]).toBe(1200);
    const [audit] = await auditRows("configuration_setting", TTL);
    expect(audit).toMatchObject({ action: "setting_updated", userId: admin.userId, actorType: "user", ip: "192.0.2.10", oldValues: { value: 900 }, newValues: { value: 1200 } });
  });

  it("refuses a value its schema rejects and changes nothing", async () => {
    const key = "matching.max_open_orders_per_requisite";
    const before = await stored(key);
    const audits = await prisma.auditLog.count();
    for (const value of [0, 101, 2.5, "3", null, [3]]) {
      const error = await expectDomainError(updateSetting({ key, value }, admin), "invalid_value");
      expect(error.param).toBe(key);
      expect(error.kind).toBe("invalid_request");
    }
    await expectDomainError(updateSetting({ key: "rates.manual", value: { RUB: "92,5" } }, admin), "invalid_value");
    await expectDomainError(updateSetting({ key: "fraud.blacklisted_customer_ids", value: "cust-1" }, admin), "invalid_value");
    expect(await stored(key)).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("stores arrays and maps, and records nothing when the value is unchanged", async () => {
    const key = "fraud.blacklisted_customer_ids";
    await updateSetting({ key, value: ["cust-a", "cust-b"] }, admin);
    expect(await stored(key)).toEqual(["cust-a", "cust-b"]);
    expect((await readSettings())[key]).toEqual(["cust-a", "cust-b"]);
    expect(await updateSetting({ key, value: ["cust-a", "cust-b"] }, admin)).toMatchObject({ changed: false });
    expect(await auditRows("configuration_setting", key)).toHaveLength(1);
  });

  it("creates the row of a declared key that was never stored", async () => {
    const key = "callbacks.max_age_hours";
    await prisma.configurationSetting.delete({ where: { key } });
    await updateSetting({ key, value: 72 }, admin);
    expect(await prisma.configurationSetting.findUniqueOrThrow({ where: { key } })).toMatchObject({ value: 72, description: SETTINGS[key].description });
    const [audit] = await auditRows("configuration_setting", key);
    expect(audit).toMatchObject({ oldValues: { value: 48 }, newValues: { value: 72 } });
  });

  it("refuses unknown keys and anyone who is not an active admin", async () => {
    await expectDomainError(updateSetting({ key: "no.such_key", value: 1 }, admin), "unknown_setting");
    const merchant = await createUser(prisma, { role: "merchant" });
    await expectDomainError(updateSetting({ key: TTL, value: 60 }, { type: "user", userId: merchant.id }), "admin_only");
    const inactive = await createAdminActor();
    await prisma.user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    await expectDomainError(updateSetting({ key: TTL, value: 60 }, inactive), "admin_only");
    await expectDomainError(updateSetting({ key: TTL, value: 60 }, { type: "system" }), "admin_only");
    expect(await stored(TTL)).toBe(1200);
  });
});

describe("resetSetting", () => {
  it("puts the default back, audited as a reset", async () => {
    await updateSetting({ key: "order.match_attempts", value: 25 }, admin);
    const change = await resetSetting("order.match_attempts", admin);
    expect(change).toMatchObject({ value: 10, changed: true });
    expect(await stored("order.match_attempts")).toBe(10);
    expect((await readSettings())["order.match_attempts"]).toBe(10);
    const rows = await auditRows("configuration_setting", "order.match_attempts");
    expect(rows.map((r) => [r.action, r.oldValues, r.newValues])).toEqual([
      ["setting_updated", { value: 10 }, { value: 25 }],
      ["setting_reset", { value: 25 }, { value: 10 }],
    ]);
  });
});
