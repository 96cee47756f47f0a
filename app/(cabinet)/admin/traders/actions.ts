"use server";

import { z } from "zod";
import { adjustTraderDeposit } from "@/lib/traders/adjust-trader-deposit";
import { parseAmountInput } from "@/lib/money/parse-amount";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { traderUpdateSchema, updateTrader } from "@/lib/traders/update-trader";
import { blockRequisite, unblockRequisite } from "@/lib/requisites/block-requisite";
import { requisiteBlockSchema } from "@/lib/requisites/block-schema";
import { formatMinor } from "@/lib/format/money";
import { runAction, type ActionResult } from "@/lib/web/action";

const manage = { role: "admin", permission: "traders.manage", revalidate: "/admin/traders" } as const;
const activeSchema = z.object({ traderId: z.number().int().positive(), isActive: z.boolean() });

/** Saves a trader's priority, rewards and team. */
export async function updateTraderAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: traderUpdateSchema }, input, async ({ input, actor, t }) => {
    const { changed } = await updateTrader(input, actor);
    return { ok: true, message: changed ? t("admin.traders.updated") : t("admin.common.noChanges") };
  });
}

/** Switches a trader on or off (an inactive trader gets no orders). */
export async function setTraderActiveAction(traderId: unknown, isActive: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: activeSchema }, { traderId, isActive }, async ({ input, actor, t }) => {
    await updateTrader(input, actor);
    return { ok: true, message: input.isActive ? t("admin.traders.activated") : t("admin.traders.deactivated") };
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
export async function adjustDepositAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(
    { role: "admin", permission: "deposits.adjust", schema: depositFormSchema, revalidate: "/admin/traders" },
    input,
    async ({ input: { traderId, direction, amount, note }, actor, t, locale }) => {
      const usdt = await settlementCurrency();
      const parsed = parseAmountInput(amount, usdt.exponent, locale);
      if (!parsed.ok) return { ok: false, fieldErrors: { amount: t(parsed.reason === "too_precise" ? "admin.validation.amountDecimals" : "admin.validation.amountFormat") } };
      if (parsed.minor <= 0n) return { ok: false, fieldErrors: { amount: t("admin.validation.amountPositive") } };
      const result = await adjustTraderDeposit({ traderId, direction, amount: parsed.minor, note: note || undefined }, actor);
      const vars = { amount: formatMinor(parsed.minor, usdt.exponent, usdt.code, locale), balance: formatMinor(result.available, usdt.exponent, usdt.code, locale) };
      return { ok: true, message: direction === "credit" ? t("admin.traders.credited", vars) : t("admin.traders.debited", vars) };
    },
  );
}

/** Blocks a trader's requisite with a reason: matching stops using it, the trader sees why. */
export async function blockRequisiteAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: requisiteBlockSchema }, input, async ({ input, actor, t }) => {
    await blockRequisite({ ...input, actor });
    return { ok: true, message: t("requisiteBlock.blocked") };
  });
}

/** Lifts a requisite's block (with a reason for the audit log); it is off until the trader switches it on. */
export async function unblockRequisiteAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: requisiteBlockSchema }, input, async ({ input, actor, t }) => {
    await unblockRequisite({ ...input, actor });
    return { ok: true, message: t("requisiteBlock.unblocked") };
  });
}
