"use server";

import { z } from "zod";
import { adjustTraderDeposit } from "@/lib/traders/adjust-trader-deposit";
import { parseAmountInput } from "@/lib/money/parse-amount";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { traderUpdateSchema, updateTrader } from "@/lib/traders/update-trader";
import { blockRequisite, unblockRequisite } from "@/lib/requisites/block-requisite";
import { requisiteBlockSchema } from "@/lib/requisites/block-schema";
import { formatMinor } from "@/lib/format/money";
import type { ActionResult } from "@/components/admin/action-result";
import { fieldError, parseActionInput, runAdminAction } from "../admin-action";

/** Saves a trader's priority, rewards and team. */
export async function updateTraderAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/traders", "traders.manage", async (context) => {
    const { changed } = await updateTrader(parseActionInput(traderUpdateSchema, input, context), context.actor);
    return changed ? context.t("admin.traders.updated") : context.t("admin.common.noChanges");
  });
}

/** Switches a trader on or off (an inactive trader gets no orders). */
export async function setTraderActiveAction(traderId: unknown, isActive: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/traders", "traders.manage", async (context) => {
    const input = parseActionInput(z.object({ traderId: z.number().int().positive(), isActive: z.boolean() }), { traderId, isActive }, context);
    await updateTrader(input, context.actor);
    return input.isActive ? context.t("admin.traders.activated") : context.t("admin.traders.deactivated");
  });
}

const depositFormSchema = z.object({
  traderId: z.number().int().positive(),
  direction: z.enum(["credit", "debit"]),
  /** As typed, in USDT: "1 500,25" or "1,500.25". */
  amount: z.string().max(64),
  note: z.string().trim().max(500).optional(),
});

/** Credits or debits a trader's USDT deposit by an amount typed in USDT (exact, up to its 6 decimals). */
export async function adjustDepositAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/traders", "deposits.adjust", async (context) => {
    const { t, locale } = context;
    const { traderId, direction, amount, note } = parseActionInput(depositFormSchema, input, context);
    const usdt = await settlementCurrency();
    const parsed = parseAmountInput(amount, usdt.exponent, locale);
    if (!parsed.ok) fieldError("amount", t(parsed.reason === "too_precise" ? "admin.validation.amountDecimals" : "admin.validation.amountFormat"));
    if (parsed.minor <= 0n) fieldError("amount", t("admin.validation.amountPositive"));
    const result = await adjustTraderDeposit({ traderId, direction, amount: parsed.minor, note: note || undefined }, context.actor);
    const vars = { amount: formatMinor(parsed.minor, usdt.exponent, usdt.code, locale), balance: formatMinor(result.available, usdt.exponent, usdt.code, locale) };
    return direction === "credit" ? t("admin.traders.credited", vars) : t("admin.traders.debited", vars);
  });
}

/** Blocks a trader's requisite with a reason: matching stops using it, the trader sees why. */
export async function blockRequisiteAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/traders", "traders.manage", async (context) => {
    await blockRequisite({ ...parseActionInput(requisiteBlockSchema, input, context), actor: context.actor });
    return context.t("requisiteBlock.blocked");
  });
}

/** Lifts a requisite's block (with a reason for the audit log); it is off until the trader switches it on. */
export async function unblockRequisiteAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/traders", "traders.manage", async (context) => {
    await unblockRequisite({ ...parseActionInput(requisiteBlockSchema, input, context), actor: context.actor });
    return context.t("requisiteBlock.unblocked");
  });
}
