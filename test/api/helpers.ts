// Shared set-up for the gateway API tests: route handlers are called directly with real
// Request objects, so the whole stack (auth by hashed key, DB rate limiter, idempotency, zod,
// domain, error mapping) runs against the file's own PostgreSQL database.
import { expect } from "vitest";
import { prisma } from "@/lib/db/client";
import { postMovements } from "@/lib/ledger/post-movements";
import { invalidateSettings } from "@/lib/settings/read-settings";
import {
  createExchangeRate,
  createMerchantApiKey,
  createRequisite,
  createStore,
  createTrader,
  createTraderApiToken,
  ensureBanks,
  ensureCurrencies,
  ensureDefaultSettings,
  ensurePaymentMethods,
  type CreateRequisiteInput,
  type CreateStoreInput,
  type CreateTraderInput,
} from "@/lib/testing";

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  /** Bearer key; `null` sends no Authorization header. */
  key?: string | null;
  /** A JSON value, serialised with JSON.stringify. */
  body?: unknown;
  /** The body exactly as sent (wins over `body`). */
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /** Query string appended to the path, e.g. `?limit=2`. */
  query?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Calls a route handler the way Next.js would, with a real Request. */
export async function call(handler: Handler, method: "GET" | "POST", path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null && options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://test${path}${options.query ?? ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The one error shape: {error:{type,code,message,param?}}, no stack trace, no file paths. */
export function expectErrorShape(response: ApiResponse, status: number, code?: string, param?: string) {
  const context = `${response.status} ${response.text.slice(0, 500)}`;
  expect(response.status, context).toBe(status);
  expect(response.headers.get("content-type") ?? "", context).toContain("application/json");
  expect(response.json, context).toBeTypeOf("object");
  expect(Object.keys(response.json), context).toEqual(["error"]);
  const error = response.json.error;
  expect(Object.keys(error).sort().filter((k) => k !== "param"), context).toEqual(["code", "message", "type"]);
  expect(error.type, context).toMatch(/^[a-z_]+$/);
  expect(error.code, context).toMatch(/^[a-z_]+$/);
  expect(typeof error.message, context).toBe("string");
  expect(error.message.length, context).toBeGreaterThan(0);
  if ("param" in error) expect(typeof error.param, context).toBe("string");
  expect(response.text, context).not.toContain("stack");
  expect(response.text, context).not.toContain("at /");
  if (code !== undefined) expect(error.code, context).toBe(code);
  if (param !== undefined) expect(error.param, context).toBe(param);
  return error as { type: string; code: string; message: string; param?: string };
}

export type Currencies = Awaited<ReturnType<typeof ensureCurrencies>>;

/** Reference data, default settings and a 92.50 RUB/USDT rate, as a fresh install has them. */
export async function setupReference(options: { relaxFraudCaps?: boolean } = {}) {
  const currencies = await ensureCurrencies(prisma);
  const methods = await ensurePaymentMethods(prisma);
  const banks = await ensureBanks(prisma);
  await ensureDefaultSettings(prisma);
  await createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  if (options.relaxFraudCaps) {
    await setSetting("fraud.max_open_orders_per_customer", 0);
    await setSetting("fraud.max_orders_per_customer_per_hour", 0);
  }
  invalidateSettings();
  return { currencies, methods, banks };
}

export async function setSetting(key: string, value: unknown) {
  await prisma.configurationSetting.update({ where: { key }, data: { value: value as never } });
  invalidateSettings();
}

/** A store with one API key. */
export async function createMerchant(input: CreateStoreInput = {}) {
  const store = await createStore(prisma, input);
  const { key, row } = await createMerchantApiKey(prisma, { storeId: store.id });
  return { store, key, keyRow: row };
}

/** A trader with a USDT deposit, one RUB requisite and a personal API token. */
export async function createTraderWithRequisite(
  currencies: Currencies,
  options: { depositMicroUsdt?: bigint; requisite?: Partial<CreateRequisiteInput>; trader?: CreateTraderInput } = {},
) {
  const trader = await createTrader(prisma, options.trader ?? {});
  const deposit = options.depositMicroUsdt ?? 1_000_000_000n; // 1000 USDT
  if (deposit > 0n) {
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: deposit, reason: "deposit_credit" }]),
    );
  }
  const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, ...options.requisite });
  const { token } = await createTraderApiToken(prisma, { traderId: trader.id });
  return { trader, requisite, token };
}

/** Credits a store's available USDT through the ledger (reason deposit_credit). */
export async function creditStoreUsdt(currencies: Currencies, storeId: number, microUsdt: bigint) {
  await prisma.$transaction((tx) =>
    postMovements(tx, [{ account: { kind: "store", storeId, currencyId: currencies.USDT.id }, delta: microUsdt, reason: "deposit_credit" }]),
  );
}

export async function storeUsdt(currencies: Currencies, storeId: number) {
  const row = await prisma.balanceStore.findUnique({ where: { storeId_currencyId: { storeId, currencyId: currencies.USDT.id } } });
  return { available: row?.amount ?? 0n, held: row?.held ?? 0n };
}

export async function traderUsdt(currencies: Currencies, traderId: number) {
  const row = await prisma.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId, currencyId: currencies.USDT.id } } });
  return { available: row?.amount ?? 0n, held: row?.held ?? 0n };
}

let sequence = 0;
/** A unique suffix for merchant_order_id / customer_id within this process. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${sequence}`;
}

export function payinBody(overrides: Record<string, unknown> = {}) {
  return { amount: 150_000, currency: "RUB", customer_id: unique("cust"), merchant_order_id: unique("mo"), ...overrides };
}

export function payoutBody(overrides: Record<string, unknown> = {}) {
  return {
    amount: 100_000,
    currency: "RUB",
    customer_id: unique("cust"),
    merchant_order_id: unique("mo"),
    destination: { type: "card", number: "2200 1234 5678 9010", holder: "IVAN PETROV", bank: "Sberbank" },
    ...overrides,
  };
}

/** A 1×1 transparent PNG. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** A well-formed order id that does not exist. */
export function unknownOrderId(prefix: "pi_" | "po_") {
  return `${prefix}01ARZ3NDEKTSV4RRFFQ69G5FAV`;
}
