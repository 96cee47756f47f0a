import { describe, expect, it } from "vitest";
import { grantedPermissionsSchema } from "@/lib/validation/schemas";
import { visibleNav } from "@/components/cabinet/navigation";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import { effectivePermissions, permissionOverrides, permissionsOf, STAFF_ROLES } from "@/lib/auth/permissions";

describe("effectivePermissions", () => {
  it("is the role's defaults without overrides: most granted, a few only when widened", () => {
    expect(effectivePermissions("admin", {})).toEqual({
      "settings.write": true,
      "users.manage": true,
      "users.manage_admins": false,
      "stores.manage": true,
      "traders.manage": true,
      "deposits.adjust": true,
      "rates.manage": true,
      "withdrawals.approve": true,
      "audit.read": true,
      "mail.read": true,
    });
    expect(effectivePermissions("support", {})).toEqual({ "disputes.resolve": true, "receipts.read": true, "requisites.block": true, "payment_details.read": false });
    expect(effectivePermissions("teamlead", {})).toEqual({ "team.traffic": true, "team.deposits": false });
  });

  it("narrows and widens with the JSON's true/false", () => {
    expect(effectivePermissions("support", { "disputes.resolve": false, "payment_details.read": true })).toEqual({
      "disputes.resolve": false,
      "receipts.read": true,
      "requisites.block": true,
      "payment_details.read": true,
    });
    expect(effectivePermissions("admin", { "users.manage_admins": true, "mail.read": false })).toMatchObject({ "users.manage_admins": true, "mail.read": false, "audit.read": true });
  });

  it("ignores what older data holds: unknown keys, {all: true}, non-booleans, non-objects", () => {
    const defaults = effectivePermissions("admin", {});
    expect(effectivePermissions("admin", { all: true })).toEqual(defaults);
    expect(effectivePermissions("admin", { "users.manage_admins": "yes", "mail.read": 0 })).toEqual(defaults);
    for (const json of [null, undefined, "all", ["users.manage"], 42]) expect(effectivePermissions("admin", json)).toEqual(defaults);
    // The seed's and factories' old keys: only a known key counts.
    expect(effectivePermissions("support", { "orders.read": true, "orders.search": true, "disputes.resolve": false })).toEqual({
      "disputes.resolve": false,
      "receipts.read": true,
      "requisites.block": true,
      "payment_details.read": false,
    });
    expect(effectivePermissions("teamlead", { "team.read": true, "traders.traffic": false })).toEqual(effectivePermissions("teamlead", {}));
    // A key of another role's catalog is unknown here.
    expect(effectivePermissions("teamlead", { "disputes.resolve": true })).not.toHaveProperty("disputes.resolve");
  });
});

describe("permissionOverrides", () => {
  it("keeps only what differs from the defaults, in catalog order", () => {
    expect(permissionOverrides("support", { "payment_details.read": true, "receipts.read": true, "disputes.resolve": false })).toEqual({
      "disputes.resolve": false,
      "payment_details.read": true,
    });
    expect(Object.keys(permissionOverrides("admin", { "mail.read": false, "settings.write": false }))).toEqual(["settings.write", "mail.read"]);
    expect(permissionOverrides("teamlead", effectivePermissions("teamlead", {}))).toEqual({});
  });

  it("round-trips: the overrides of an effective map give that map back", () => {
    const wanted = { "team.traffic": false, "team.deposits": true };
    expect(effectivePermissions("teamlead", permissionOverrides("teamlead", wanted))).toEqual(wanted);
  });
});

describe("grantedPermissionsSchema", () => {
  it("accepts the role's permissions and outputs the overrides to store", () => {
    const support = grantedPermissionsSchema("support");
    expect(support.parse({ "disputes.resolve": false, "receipts.read": true, "payment_details.read": false })).toEqual({ "disputes.resolve": false });
    expect(support.parse({})).toEqual({});
  });

  it("refuses unknown keys (older ones and another role's too) and non-booleans, naming the key", () => {
    const teamlead = grantedPermissionsSchema("teamlead");
    for (const [input, key] of [
      [{ "team.read": true }, "team.read"],
      [{ "disputes.resolve": true }, "disputes.resolve"],
      [{ all: true }, "all"],
    ] as const) {
      const issue = teamlead.safeParse(input).error?.issues[0];
      expect(issue).toMatchObject({ message: "admin.validation.unknownPermission", path: [key] });
    }
    expect(teamlead.safeParse({ "team.traffic": "yes" }).success).toBe(false);
    expect(teamlead.safeParse(["team.traffic"]).success).toBe(false);
  });
});

describe("the catalog", () => {
  it("has a label and a description in every language for every permission", () => {
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      const t = createTranslator(locale as "en" | "ru", messages);
      for (const role of STAFF_ROLES) {
        for (const [name, { text }] of permissionsOf(role)) {
          for (const part of ["label", "description"] as const) {
            const key = `admin.permissions.items.${text}.${part}` as const;
            expect(t(key), `${locale} ${role} ${name} ${part}`).not.toBe(key);
          }
        }
      }
    }
  });

  it("each role has at least one permission that is off by default, so granting widens", () => {
    for (const role of STAFF_ROLES) expect(permissionsOf(role).some(([, definition]) => !definition.granted), role).toBe(true);
  });
});

describe("visibleNav", () => {
  it("leaves out the pages the permissions do not open", () => {
    const hrefs = (permissions: Record<string, boolean>) => visibleNav("admin", permissions).map((item) => item.href);
    const all = hrefs(effectivePermissions("admin", {}));
    expect(all).toEqual(["/admin", "/admin/dashboard", "/admin/users", "/admin/stores", "/admin/traders", "/admin/orders", "/admin/rates", "/admin/withdrawals", "/admin/audit", "/admin/mail"]);
    const narrowed = hrefs(effectivePermissions("admin", { "audit.read": false, "mail.read": false, "stores.manage": false, "traders.manage": false }));
    // Traders stays: the page also serves deposits.adjust.
    expect(narrowed).toEqual(["/admin", "/admin/dashboard", "/admin/users", "/admin/traders", "/admin/rates", "/admin/withdrawals"]);
    expect(hrefs(effectivePermissions("admin", { "traders.manage": false, "deposits.adjust": false }))).not.toContain("/admin/traders");
    expect(visibleNav("merchant", {}).map((item) => item.href)).toContain("/merchant/orders");
  });
});
