// The rows every JivaPay database starts with, demo or production: the roles, the currencies,
// the payment methods, the banks and every configuration setting at its default. Each
// `ensure*` creates what is missing and never changes what exists, so running it on every
// start is safe (scripts/start.ts does) and an admin's edits survive.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { ROLES, type Role } from "@/lib/auth/roles";
import { SETTINGS } from "@/lib/settings/definitions";

/** The Prisma client or a transaction of it. */
type Db = PrismaClient | Tx;

/** The two currencies the platform starts with; exponents fix the minor unit (kopeck, micro-USDT). */
export const CURRENCIES = {
  RUB: { code: "RUB", name: "Russian ruble", kind: "fiat", exponent: 2 },
  USDT: { code: "USDT", name: "Tether USD", kind: "crypto", exponent: 6 },
} as const;

export const PAYMENT_METHODS = [
  { code: "card", name: "Bank card" },
  { code: "sbp", name: "SBP (Faster Payments)" },
] as const;

export const BANKS = [
  { code: "sber", name: "Sberbank" },
  { code: "tinkoff", name: "T-Bank (Tinkoff)" },
  { code: "alfa", name: "Alfa-Bank" },
  { code: "vtb", name: "VTB" },
  { code: "raiffeisen", name: "Raiffeisenbank" },
  { code: "gazprombank", name: "Gazprombank" },
] as const;

export type CurrencyCode = keyof typeof CURRENCIES;
export type CurrencyRow = Awaited<ReturnType<typeof ensureCurrencies>>[CurrencyCode];

/** RUB and USDT, created when missing (existing rows are left as they are). */
export async function ensureCurrencies(db: Db) {
  await db.currency.createMany({ data: Object.values(CURRENCIES).map((c) => ({ ...c })), skipDuplicates: true });
  const rows = await db.currency.findMany({ where: { code: { in: Object.keys(CURRENCIES) } } });
  const byCode = (code: CurrencyCode) => rows.find((row) => row.code === code)!;
  return { RUB: byCode("RUB"), USDT: byCode("USDT") };
}

export async function ensurePaymentMethods(db: Db) {
  await db.paymentMethod.createMany({ data: PAYMENT_METHODS.map((m) => ({ ...m })), skipDuplicates: true });
  const rows = await db.paymentMethod.findMany({ where: { code: { in: PAYMENT_METHODS.map((m) => m.code) } } });
  return Object.fromEntries(rows.map((row) => [row.code, row])) as Record<(typeof PAYMENT_METHODS)[number]["code"], (typeof rows)[number]>;
}

export async function ensureBanks(db: Db) {
  await db.bank.createMany({ data: BANKS.map((b) => ({ ...b })), skipDuplicates: true });
  const rows = await db.bank.findMany({ where: { code: { in: BANKS.map((b) => b.code) } } });
  return Object.fromEntries(rows.map((row) => [row.code, row])) as Record<(typeof BANKS)[number]["code"], (typeof rows)[number]>;
}

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Platform administrator: settings, users, stores, traders, rates, deposits, withdrawals.",
  merchant: "Store owner: gateway API keys, orders, balances, withdrawals.",
  trader: "Owns requisites and a USDT deposit; confirms pay-ins and pays payouts.",
  teamlead: "Leads a team of traders and switches their traffic on and off.",
  support: "Searches orders and resolves disputes.",
};

/** The role row, created when missing (never modified); safe when called concurrently. */
export async function ensureRole(db: Db, name: Role) {
  const existing = await db.role.findUnique({ where: { name } });
  if (existing) return existing;
  await db.role.createMany({ data: [{ name, description: ROLE_DESCRIPTIONS[name] }], skipDuplicates: true });
  return db.role.findUniqueOrThrow({ where: { name } });
}


/**
 * Writes every key of SETTINGS with its default and description, plus `overrides`, where a
 * key is missing; existing values (an admin's edits) are never changed. Returns how many
 * rows were created.
 */
export async function ensureDefaultSettings(
  db: Db,
  overrides: Record<string, { value: Prisma.InputJsonValue; description?: string }> = {},
): Promise<number> {
  const rows = new Map<string, { key: string; value: Prisma.InputJsonValue; description: string | null }>();
  for (const [key, setting] of Object.entries(SETTINGS)) {
    rows.set(key, { key, value: setting.default as Prisma.InputJsonValue, description: setting.description });
  }
  for (const [key, { value, description }] of Object.entries(overrides)) {
    rows.set(key, { key, value, description: description ?? rows.get(key)?.description ?? null });
  }
  const { count } = await db.configurationSetting.createMany({ data: [...rows.values()], skipDuplicates: true });
  return count;
}

/** Every reference row and default setting (plus `settingOverrides` for keys still missing). */
export async function seedReferenceData(db: Db, settingOverrides: Parameters<typeof ensureDefaultSettings>[1] = {}) {
  for (const role of ROLES) await ensureRole(db, role);
  const currencies = await ensureCurrencies(db);
  const methods = await ensurePaymentMethods(db);
  const banks = await ensureBanks(db);
  const settings = await ensureDefaultSettings(db, settingOverrides);
  return { currencies, methods, banks, settings };
}
