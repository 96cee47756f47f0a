// The requisite forms' one schema, used by the form in the browser (instant field errors) and
// by the server actions (the check that counts). Error messages are message keys under
// "trader.requisites.errors", translated where they are shown.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey } from "@/lib/i18n/translate";
import { MAX_AMOUNT } from "@/lib/api/schemas/common";
import { luhnValid } from "@/lib/ids/luhn";
import { parseAmountInput } from "@/lib/money/parse-amount";

export const REQUISITE_TYPES = ["card", "sbp", "account"] as const;
export type RequisiteType = (typeof REQUISITE_TYPES)[number];

export interface RequisiteLimits {
  /** Minor units of the requisite's currency. */
  minAmount: bigint;
  maxAmount: bigint;
  dailyLimit: bigint;
  monthlyLimit: bigint | null;
  dailyCountLimit: number | null;
}

export interface NewRequisite extends RequisiteLimits {
  type: RequisiteType;
  bankId: number;
  currencyCode: string;
  /** Normalised: card and account digits without spaces, a phone as +<digits>. */
  number: string;
  holder: string;
}

/** A per-order bound is at most what the gateway accepts for one order. */
const MAX_ORDER_AMOUNT = BigInt(MAX_AMOUNT);
/** Daily and monthly limits may add up many orders. */
const MAX_PERIOD_LIMIT = MAX_ORDER_AMOUNT * 1000n;
const MAX_DAILY_COUNT = 1_000_000;

type ErrorKey = Extract<MessageKey, `trader.requisites.errors.${string}`>;

// Every field arrives as the string the person typed; checks happen on the whole object so
// that all mistakes are reported at once (a failed field transform would hide the others).
const typed = z.string().max(200);
const limitsShape = { minAmount: typed, maxAmount: typed, dailyLimit: typed, monthlyLimit: typed, dailyCountLimit: typed };
const newRequisiteShape = { ...limitsShape, type: typed, bankId: typed, currency: typed, number: typed, holder: typed };

export type RequisiteLimitsForm = { [K in keyof typeof limitsShape]: string };
export type NewRequisiteForm = { [K in keyof typeof newRequisiteShape]: string };

/** The number in its stored form, or null when it is not a valid number of that kind. */
export function normalizeRequisiteNumber(type: RequisiteType, raw: string): string | null {
  const compact = raw.replace(/[\s\u00a0()\-.]/g, "");
  // A card must pass the Luhn check: a mistyped digit is caught before a customer pays to it.
  if (type === "card") return /^\d{16,19}$/.test(compact) && luhnValid(compact) ? compact : null;
  if (type === "sbp") {
    let digits = compact.replace(/^\+/, "");
    if (!/^\d{11,15}$/.test(digits)) return null;
    // Russians write their mobile numbers with a leading 8; SBP knows them as +7.
    if (digits.length === 11 && digits.startsWith("8")) digits = `7${digits.slice(1)}`;
    return `+${digits}`;
  }
  const account = compact.toUpperCase();
  return /^[0-9A-Z]{10,34}$/.test(account) ? account : null;
}

const NUMBER_ERRORS: Record<RequisiteType, ErrorKey> = {
  card: "trader.requisites.errors.cardNumber",
  sbp: "trader.requisites.errors.phoneNumber",
  account: "trader.requisites.errors.accountNumber",
};

type Issue = [field: string, message: ErrorKey];

function parseAmountField(text: string, exponent: number, locale: Locale, max: bigint, required: boolean, field: string, issues: Issue[]): bigint | null {
  if (!text.trim()) {
    if (required) issues.push([field, "trader.requisites.errors.required"]);
    return null;
  }
  const parsed = parseAmountInput(text, exponent, locale);
  if (!parsed.ok) {
    issues.push([field, parsed.reason === "too_precise" ? "trader.requisites.errors.amountDecimals" : "trader.requisites.errors.amountFormat"]);
    return null;
  }
  if (parsed.minor <= 0n) issues.push([field, "trader.requisites.errors.amountPositive"]);
  else if (parsed.minor > max) issues.push([field, "trader.requisites.errors.amountTooLarge"]);
  else return parsed.minor;
  return null;
}

/** The limits in minor units, or the issues that stop them (each names its field). */
function parseLimits(form: RequisiteLimitsForm, exponent: number, locale: Locale): { limits: RequisiteLimits | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const minAmount = parseAmountField(form.minAmount, exponent, locale, MAX_ORDER_AMOUNT, true, "minAmount", issues);
  const maxAmount = parseAmountField(form.maxAmount, exponent, locale, MAX_ORDER_AMOUNT, true, "maxAmount", issues);
  const dailyLimit = parseAmountField(form.dailyLimit, exponent, locale, MAX_PERIOD_LIMIT, true, "dailyLimit", issues);
  const monthlyLimit = parseAmountField(form.monthlyLimit, exponent, locale, MAX_PERIOD_LIMIT, false, "monthlyLimit", issues);
  let dailyCountLimit: number | null = null;
  const countText = form.dailyCountLimit.trim();
  if (countText) {
    dailyCountLimit = /^\d{1,7}$/.test(countText) ? Number(countText) : NaN;
    if (!(dailyCountLimit >= 1 && dailyCountLimit <= MAX_DAILY_COUNT)) issues.push(["dailyCountLimit", "trader.requisites.errors.countInvalid"]);
  }
  if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) issues.push(["maxAmount", "trader.requisites.errors.maxBelowMin"]);
  if (maxAmount !== null && dailyLimit !== null && maxAmount > dailyLimit) issues.push(["dailyLimit", "trader.requisites.errors.dailyBelowMax"]);
  if (dailyLimit !== null && monthlyLimit !== null && monthlyLimit < dailyLimit) issues.push(["monthlyLimit", "trader.requisites.errors.monthlyBelowDaily"]);
  if (issues.length || minAmount === null || maxAmount === null || dailyLimit === null) return { limits: null, issues };
  return { limits: { minAmount, maxAmount, dailyLimit, monthlyLimit, dailyCountLimit }, issues };
}

function report(ctx: z.RefinementCtx, issues: Issue[]) {
  for (const [field, message] of issues) ctx.addIssue({ code: "custom", path: [field], message });
}

/** Edit limits: amounts typed in the requisite's currency (`exponent` decimals) and `locale`'s number format. */
export function requisiteLimitsSchema(exponent: number, locale: Locale) {
  return z.object(limitsShape).transform((form, ctx) => {
    const { limits, issues } = parseLimits(form, exponent, locale);
    if (!limits) {
      report(ctx, issues);
      return z.NEVER;
    }
    return limits;
  });
}

/** Add a requisite. `exponentOf` knows the currencies the trader may choose (others are refused). */
export function newRequisiteSchema(exponentOf: (currencyCode: string) => number | undefined, locale: Locale) {
  return z.object(newRequisiteShape).transform((form, ctx): NewRequisite => {
    const issues: Issue[] = [];
    const type = (REQUISITE_TYPES as readonly string[]).includes(form.type) ? (form.type as RequisiteType) : null;
    if (!type) issues.push(["type", "trader.requisites.errors.type"]);
    const bankId = /^\d{1,9}$/.test(form.bankId) ? Number(form.bankId) : null;
    if (!bankId) issues.push(["bankId", "trader.requisites.errors.bank"]);
    const number = type ? normalizeRequisiteNumber(type, form.number) : null;
    if (type && !number) issues.push(["number", form.number.trim() ? NUMBER_ERRORS[type] : "trader.requisites.errors.required"]);
    const holder = form.holder.trim().replace(/\s+/g, " ");
    if (!/^[\p{L}][\p{L} .'-]{1,99}$/u.test(holder)) issues.push(["holder", "trader.requisites.errors.holder"]);
    const exponent = exponentOf(form.currency);
    if (exponent === undefined) issues.push(["currency", "trader.requisites.errors.currency"]);
    const { limits, issues: limitIssues } = exponent === undefined ? { limits: null, issues: [] } : parseLimits(form, exponent, locale);
    issues.push(...limitIssues);
    if (issues.length || !type || !bankId || !number || !limits) {
      report(ctx, issues);
      return z.NEVER;
    }
    return { type, bankId, currencyCode: form.currency, number, holder, ...limits };
  });
}
