// Property/fuzz test of the create endpoints: a few hundred random and malformed bodies for
// POST /payin and POST /payout. Every body is invalid by construction (a valid base plus at
// least one mutation that breaks the contract, or not a JSON object at all), so every answer
// must be a 4xx in the one error shape — never a 5xx — and nothing may be written: no order,
// no balance movement. Seeded: FUZZ_SEED=<n> reproduces a run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { call, type ApiResponse, type Handler } from "@/lib/testing/api";
import { creditStoreUsdt, setSetting, setupReference, storeWithApiKey, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
const CASES_PER_ENDPOINT = 300;
const CONCURRENCY = 8;

// ───────────────────────────── a small seeded generator ─────────────────────────────

/** mulberry32: tiny, fast, good enough for test data. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NESTED_MARK = "\u2063nested#";
const nestedValues: string[] = [];
/** JSON.stringify, then each nested placeholder string replaced by its deep JSON text. */
function stringify(value: unknown): string {
  return JSON.stringify(value).replace(/"\u2063nested#(\d+)"/g, (_m, id: string) => nestedValues[Number(id)]);
}

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A string from `alphabet` (code points) of `length`. */
  chars(alphabet: string, length: number) {
    const points = [...alphabet];
    let out = "";
    for (let i = 0; i < length; i++) out += points[Math.floor(this.next() * points.length)];
    return out;
  }
  /** Random printable text with some unicode: letters, CJK, emoji, RTL, combining marks. */
  text(maxLength = 40) {
    const pools = [
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
      "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
      "中文字符测试日本語한국어",
      "😀🚀💸🏦🔥👍🏽",
      "مرحباשלום",
      "e\u0301a\u0308o\u0303",
      " !#$%&'()*+,./:;<=>?@[]^`{|}~\"\\",
    ];
    let out = "";
    const length = this.int(1, maxLength);
    while ([...out].length < length) out += this.chars(this.pick(pools), 1);
    return out;
  }
  /** A string with a control character (NUL most often) somewhere in it. */
  withControl(base = "valid-text") {
    const control = this.bool(0.5) ? "\u0000" : String.fromCharCode(this.pick([1, 7, 8, 9, 10, 13, 27, 31, 127]));
    // Inside the string: ids are trimmed, so a tab or newline at either end is legitimately dropped.
    const at = this.int(1, Math.max(1, base.length - 1));
    return base.slice(0, at) + control + base.slice(at);
  }
  /** A string with an unpaired UTF-16 surrogate. */
  withLoneSurrogate(base = "valid-text") {
    const surrogate = String.fromCharCode(this.pick([0xd800, 0xdbff, 0xdc00, 0xdfff, this.int(0xd800, 0xdfff)]));
    const at = this.int(0, base.length);
    return base.slice(0, at) + surrogate + base.slice(at);
  }
  /** Any JSON value, nested up to `depth`. */
  json(depth = 3): unknown {
    const kind = this.int(0, depth > 0 ? 9 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.bool();
      case 2:
        return this.int(-1e6, 1e6);
      case 3:
        return this.pick([0, -0, 0.1, -1.5, 1e21, -1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e-7]);
      case 4:
      case 5:
        return this.text(30);
      case 6:
        return this.pick(["", " ", "true", "null", "0", "[]", "{}"]);
      case 7:
      case 8:
        return Array.from({ length: this.int(0, 4) }, () => this.json(depth - 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(0, 4) }, () => [this.text(10), this.json(depth - 1)]));
    }
  }
  /** A value of any JSON type except `except` ("string", "number", "object"). */
  jsonNot(except: "string" | "number" | "object"): unknown {
    for (;;) {
      const value = this.json(2);
      const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
      if (type !== except) return value;
    }
  }
  /**
   * JSON text of arrays/objects nested `depth` deep around `leaf`, built as text: a value that
   * deep would overflow JSON.stringify's recursion in the test process itself.
   */
  nestedText(depth: number, leaf: unknown = 1): string {
    const kinds = Array.from({ length: depth }, () => this.bool());
    return kinds.map((array) => (array ? "[" : '{"a":')).join("") + JSON.stringify(leaf) + kinds.reverse().map((array) => (array ? "]" : "}")).join("");
  }
  /** A placeholder that `stringify` replaces with nestedText after JSON.stringify. */
  nested(depth: number, leaf: unknown = 1): string {
    const id = nestedValues.push(this.nestedText(depth, leaf)) - 1;
    return `${NESTED_MARK}${id}`;
  }
}

// ───────────────────────────── bodies ─────────────────────────────

type Body = Record<string, unknown>;
type Endpoint = "payin" | "payout";

interface Case {
  label: string;
  raw: string;
  headers: Record<string, string>;
}

const TEXT_FIELDS = ["customer_id", "merchant_order_id"] as const;
const PAYIN_KEYS = ["amount", "currency", "customer_id", "merchant_order_id", "payment_method", "metadata"];
const PAYOUT_KEYS = ["amount", "currency", "customer_id", "merchant_order_id", "destination", "metadata"];

function validBody(g: Gen, endpoint: Endpoint, n: number): Body {
  const body: Body = {
    amount: g.int(10_000, 5_000_000),
    currency: g.pick(["RUB", "rub", "Rub"]),
    customer_id: `fuzz-cust-${n}-${g.chars("abcdef0123456789", 6)}`,
    merchant_order_id: `fuzz-mo-${SEED}-${endpoint}-${n}`,
  };
  if (endpoint === "payin" && g.bool(0.3)) body.payment_method = g.pick(["card", "sbp"]);
  if (endpoint === "payout") {
    body.destination = { type: g.pick(["card", "sbp", "account"]), number: g.pick(["2200 1234 5678 9010", "+79001234567", "40817810099910004312"]) };
    if (g.bool(0.5)) (body.destination as Body).holder = "IVAN PETROV";
    if (g.bool(0.3)) (body.destination as Body).bank = "Sberbank";
  }
  if (g.bool(0.3)) body.metadata = { cart: g.int(1, 999), note: "ok", vip: g.bool() };
  return body;
}

/** Changes that keep a body valid: unicode ids, key order, lowercase currency. */
function cosmetic(g: Gen, body: Body): string {
  switch (g.int(0, 3)) {
    case 0:
      body.customer_id = g.text(60).trim() || "x";
      return "unicode customer_id";
    case 1:
      const points = [...`${String(body.merchant_order_id)}-${g.text(20).trim()}`];
      while (points.join("").length > 128) points.pop(); // never split a surrogate pair
      body.merchant_order_id = points.join("");
      return "unicode merchant_order_id";
    case 2: {
      const entries = Object.entries(body);
      for (let i = entries.length - 1; i > 0; i--) {
        const j = g.int(0, i);
        [entries[i], entries[j]] = [entries[j], entries[i]];
      }
      for (const key of Object.keys(body)) delete body[key];
      Object.assign(body, Object.fromEntries(entries));
      return "shuffled keys";
    }
    default:
      body.currency = "rub";
      return "lowercase currency";
  }
}

const BAD_AMOUNTS: unknown[] = [0, -0, -1, -100_000, 0.5, 100.01, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, 10_000_000_000_001, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER];

/** A mutation that makes the body break the contract; returns its label. */
function invalidate(g: Gen, body: Body, endpoint: Endpoint): string {
  const keys = endpoint === "payin" ? PAYIN_KEYS : PAYOUT_KEYS;
  const required = ["amount", "currency", "customer_id", "merchant_order_id", ...(endpoint === "payout" ? ["destination"] : [])];
  const choice = g.int(0, endpoint === "payout" ? 13 : 11);
  switch (choice) {
    case 0: {
      const field = g.pick(required);
      delete body[field];
      return `missing ${field}`;
    }
    case 1: {
      const field = g.pick(required);
      const expected = field === "amount" ? "number" : field === "destination" ? "object" : "string";
      body[field] = g.jsonNot(expected);
      return `wrong type for ${field}`;
    }
    case 2:
      body.amount = g.pick(BAD_AMOUNTS);
      return `bad amount ${String(body.amount)}`;
    case 3: {
      const field = g.pick(TEXT_FIELDS);
      body[field] = "x".repeat(g.pick([129, 130, 500, 5_000]));
      return `${field} too long`;
    }
    case 4: {
      const field = g.pick(TEXT_FIELDS);
      body[field] = g.withControl(String(body[field] ?? "id"));
      return `control character in ${field}`;
    }
    case 5: {
      const field = g.pick(TEXT_FIELDS);
      body[field] = g.pick(["", " ", "   ", "\t", "\n"]);
      return `blank ${field}`;
    }
    case 6: {
      let key: string;
      do key = g.bool(0.7) ? g.pick(["id", "status", "store_id", "callback_url", "fee", "__proto__", "constructor", "Amount", "amount "]) : g.text(12);
      while (keys.includes(key));
      // defineProperty: a plain assignment of "__proto__" would set the prototype, not a key.
      Object.defineProperty(body, key, { value: g.json(2), enumerable: true, configurable: true, writable: true });
      return `unknown key ${JSON.stringify(key)}`;
    }
    case 7: {
      body.currency = g.pick([
        g.chars("ABCDEFGHIJKLMNOPQRSTVWXYZ", g.int(3, 10)).replace(/^RUB$/, "RUX").replace(/^USDT$/, "USDX"),
        "USDT",
        "usdt",
        "RU",
        "RUBLES12",
        "R U B",
        "€",
        g.text(12),
        "RUB\u0000",
        "RUBRUBRUBRUB",
      ]);
      return `bad currency ${JSON.stringify(body.currency)}`;
    }
    case 8: {
      const variant = g.int(0, 7);
      const metadata =
        variant === 0
          ? Object.fromEntries(Array.from({ length: g.int(31, 60) }, (_, i) => [`k${i}`, i]))
          : variant === 1
            ? { nested: g.bool() ? { a: 1 } : [1, 2] }
            : variant === 2
              ? { long: "v".repeat(501) }
              : variant === 3
                ? { ["k".repeat(65)]: 1 }
                : variant === 4
                  ? Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key${i}`, "x".repeat(300)]))
                  : variant === 5
                    ? { note: g.withControl("note") }
                    : variant === 6
                      ? { note: g.withLoneSurrogate("note") }
                      : g.pick([[], "meta", 42, true, null]);
      body.metadata = metadata;
      return `bad metadata #${variant}`;
    }
    case 9: {
      const field = g.pick(required);
      body[field] = g.nested(g.pick([10, 100, 1_000, 5_000]), field === "amount" ? 100_000 : "x");
      return `deeply nested ${field}`;
    }
    case 10:
      if (endpoint === "payin") {
        body.payment_method = g.pick(["CARD", "card!", "c", "x".repeat(33), "crypto_magic", "sbp2", 1, null, ["card"], "card\u0000"]);
        return `bad payment_method ${JSON.stringify(body.payment_method)}`;
      }
      body.payment_method = "card"; // not a payout field
      return "payment_method on a payout";
    case 11: {
      const field = g.pick(TEXT_FIELDS);
      body[field] = g.pick([100_000, true, null, [String(body[field])], { id: body[field] }]);
      return `non-string ${field}`;
    }
    default: {
      // payout destinations
      const destination = { ...((body.destination as Body) ?? { type: "card", number: "2200123456789010" }) };
      const variant = g.int(0, 10);
      if (variant === 0) delete destination.number;
      else if (variant === 1) delete destination.type;
      else if (variant === 2) destination.type = g.pick(["wire", "CARD", "", 1, null]);
      else if (variant === 3) destination.number = g.pick(["2200abcd", "12345", "9".repeat(35), "", "+7-900-123", 2200123456789010, "22001234\u000056789"]);
      else if (variant === 4) destination[g.pick(["cvv", "expiry", "pin"])] = "123";
      else if (variant === 5) destination.holder = g.pick(["H".repeat(129), g.withControl("IVAN"), "", 42]);
      else if (variant === 6) destination.bank = g.pick(["B".repeat(65), g.withControl("Sber"), " ", false]);
      else if (variant === 7) destination.holder = g.withLoneSurrogate("IVAN PETROV");
      else if (variant === 8) destination.bank = g.withLoneSurrogate("Sberbank");
      else if (variant === 9) {
        body.destination = g.pick([[destination], "2200123456789010", null, 7]);
        return "destination not an object";
      } else destination.number = g.nested(g.pick([20, 2_000]), "2200123456789010");
      body.destination = destination;
      return `bad destination #${variant}`;
    }
  }
}

/** Text that is not valid JSON, or JSON that is not an object. */
function malformed(g: Gen, endpoint: Endpoint, n: number): { label: string; raw: string } {
  const valid = JSON.stringify(validBody(g, endpoint, n));
  switch (g.int(0, 13)) {
    case 0:
      return { label: "truncated JSON", raw: valid.slice(0, g.int(1, valid.length - 1)) };
    case 1:
      return { label: "single quotes", raw: valid.replaceAll('"', "'") };
    case 2:
      return { label: "trailing comma", raw: `${valid.slice(0, -1)},}` };
    case 3:
      return { label: "unquoted keys", raw: valid.replace(/"(\w+)":/g, "$1:") };
    case 4:
      return { label: "NaN amount", raw: valid.replace(/"amount":-?[\d.e+]+/, '"amount":NaN') };
    case 5:
      return { label: "Infinity amount (1e400)", raw: valid.replace(/"amount":-?[\d.e+]+/, `"amount":${g.pick(["1e400", "-1e400", "1e999"])}`) };
    case 6:
      // (Not a BOM: Request.text() decodes UTF-8 and drops a leading BOM, as the Fetch spec says.)
      return { label: "junk before the body", raw: g.pick(["x", ")]}'\n", "\u0000", "\u0001", "//"]) + valid };
    case 7:
      return { label: "a body that is an array", raw: JSON.stringify(g.bool() ? [JSON.parse(valid)] : [g.json(2), g.json(2)]) };
    case 8:
      return { label: "a body that is a scalar", raw: JSON.stringify(g.pick([null, true, false, 0, -1, 3.14, "payin", "", g.text(50)])) };
    case 9:
      return { label: "random text", raw: g.text(200) };
    case 10:
      return { label: "deeply nested body", raw: g.nestedText(g.pick([100, 1_000, 10_000])) };
    case 11:
      return { label: "huge string (> 64 KB)", raw: JSON.stringify({ ...JSON.parse(valid), customer_id: "z".repeat(70_000) }) };
    case 12:
      return { label: "comment in JSON", raw: valid.replace("{", "{/* hi */") };
    default:
      return { label: "two JSON documents", raw: `${valid}${valid}` };
  }
}

function headersFor(g: Gen): Record<string, string> {
  const headers: Record<string, string> = {};
  if (g.bool(0.2)) headers["idempotency-key"] = g.bool(0.8) ? `fuzz-${g.chars("abcdefghijklmnopqrstuvwxyz0123456789", g.int(1, 40))}` : "k".repeat(g.int(256, 400));
  if (g.bool(0.2)) headers["content-type"] = g.pick(["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]);
  return headers;
}

function generate(endpoint: Endpoint, seed: number): Case[] {
  const g = new Gen(seed);
  nestedValues.length = 0; // placeholders are numbered per generation, so a seed reproduces its bodies
  const cases: Case[] = [];
  for (let n = 0; n < CASES_PER_ENDPOINT; n++) {
    if (g.bool(0.25)) {
      const { label, raw } = malformed(g, endpoint, n);
      cases.push({ label, raw, headers: headersFor(g) });
      continue;
    }
    const body = validBody(g, endpoint, n);
    const labels: string[] = [];
    if (g.bool(0.4)) labels.push(cosmetic(g, body));
    // Mostly one mutation, so that bodies get past validation to the deeper checks too.
    const mutations = g.pick([1, 1, 1, 2, 3]);
    for (let i = 0; i < mutations; i++) labels.unshift(invalidate(g, body, endpoint));
    cases.push({ label: labels.join(" + "), raw: stringify(body), headers: headersFor(g) });
  }
  return cases;
}

// ───────────────────────────── the database before and after ─────────────────────────────

async function snapshot() {
  const [orders, history, receipts, callbacks, store, trader, fiat, platform] = await Promise.all([
    prisma.incomingOrder.count(),
    prisma.orderHistory.count(),
    prisma.receipt.count(),
    prisma.callbackDelivery.count(),
    prisma.balanceStore.aggregate({ _sum: { amount: true, held: true }, _count: true }),
    prisma.balanceTraderCrypto.aggregate({ _sum: { amount: true, held: true }, _count: true }),
    prisma.balanceTraderFiat.aggregate({ _sum: { amount: true, held: true }, _count: true }),
    prisma.balancePlatform.aggregate({ _sum: { amount: true, held: true }, _count: true }),
  ]);
  const [storeHistory, traderHistory, fiatHistory, platformHistory] = await Promise.all([
    prisma.balanceStoreHistory.count(),
    prisma.balanceTraderCryptoHistory.count(),
    prisma.balanceTraderFiatHistory.count(),
    prisma.balancePlatformHistory.count(),
  ]);
  return {
    orders,
    history,
    receipts,
    callbacks,
    balances: { store, trader, fiat, platform },
    historyRows: { storeHistory, traderHistory, fiatHistory, platformHistory },
  };
}

// ───────────────────────────── the test ─────────────────────────────

let currencies: Currencies;
let merchantKey: string;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  // Hundreds of requests from one key within a minute: the limiter has its own test.
  await setSetting("rate_limit.per_api_key_per_minute", 1_000_000);
  // Money everywhere, so that a wrongly accepted body would be matched and move balances.
  const merchant = await storeWithApiKey();
  merchantKey = merchant.key;
  await creditStoreUsdt(currencies, merchant.store.id, 10_000_000_000n); // 10 000 USDT
  await traderWithRequisite(currencies, { deposit: 5_000_000_000n, requisite: { minAmount: 1n, maxAmount: 100_000_000_000n, dailyLimit: 10n ** 15n } });
  await traderWithRequisite(currencies, { deposit: 5_000_000_000n });
});

afterAll(async () => {
  expect(await checkLedger(prisma)).toEqual([]);
});

interface Failure {
  label: string;
  status: number;
  problem: string;
  body: string;
  response: string;
}

/** The one error shape, checked without throwing (so every failure of a run is reported). */
function problemWith(response: ApiResponse): string | null {
  if (response.status < 400 || response.status > 499) return `status ${response.status}`;
  const body = response.json;
  if (!body || typeof body !== "object" || Array.isArray(body)) return "body is not a JSON object";
  if (Object.keys(body).join() !== "error") return "body has keys other than error";
  const error = body.error;
  if (!error || typeof error !== "object") return "error is not an object";
  const keys = Object.keys(error).filter((k) => k !== "param").sort().join();
  if (keys !== "code,message,type") return `error keys ${Object.keys(error).join()}`;
  if (typeof error.type !== "string" || typeof error.code !== "string" || typeof error.message !== "string") return "error fields are not strings";
  if ("param" in error && typeof error.param !== "string") return "param is not a string";
  if (response.text.includes("stack") || response.text.includes("at /")) return "looks like a stack trace";
  if (response.status === 429 && !response.headers.get("retry-after")) return "429 without Retry-After";
  return null;
}

async function fuzz(endpoint: Endpoint, handler: Handler, seed: number) {
  const cases = generate(endpoint, seed);
  const before = await snapshot();
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < cases.length; i += CONCURRENCY) {
    await Promise.all(
      cases.slice(i, i + CONCURRENCY).map(async (c) => {
        const response = await call(handler, "POST", `/api/v1/${endpoint}`, { key: merchantKey, raw: c.raw, headers: c.headers });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = problemWith(response);
        if (problem) failures.push({ label: c.label, status: response.status, problem, body: c.raw.slice(0, 300), response: response.text.slice(0, 300) });
      }),
    );
  }
  const after = await snapshot();

  // Report every failing kind of input once, with an example, rather than only the first.
  const byLabel = new Map<string, Failure & { count: number }>();
  for (const f of failures) {
    const kind = f.label.replace(/ \+ .*/, "");
    const seen = byLabel.get(kind);
    if (seen) seen.count += 1;
    else byLabel.set(kind, { ...f, count: 1 });
  }
  expect([...byLabel.values()], `seed ${seed}, ${cases.length} cases, statuses ${JSON.stringify(Object.fromEntries(statuses))}`).toEqual([]);
  expect(after, "nothing written").toEqual(before);
  return statuses;
}

describe("fuzz: malformed create bodies → only 4xx, nothing written", () => {
  it(`POST /payin, ${CASES_PER_ENDPOINT} bodies (seed ${SEED})`, async () => {
    const statuses = await fuzz("payin", createPayinRoute, SEED);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  });

  it(`POST /payout, ${CASES_PER_ENDPOINT} bodies (seed ${SEED + 1})`, async () => {
    const statuses = await fuzz("payout", createPayoutRoute, SEED + 1);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  });

  it("the generator is deterministic for a seed and every case is a contract violation", () => {
    const a = generate("payin", 7).map((c) => c.raw);
    const b = generate("payin", 7).map((c) => c.raw);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(CASES_PER_ENDPOINT * 0.9);
  });
});
