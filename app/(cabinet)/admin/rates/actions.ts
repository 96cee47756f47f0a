"use server";

import { z } from "zod";
import { addExchangeRate, exchangeRateSchema } from "@/lib/currencies/add-exchange-rate";
import { updateCurrency } from "@/lib/currencies/update-currency";
import { runAction, type ActionResult } from "@/lib/web/action";

const flagSchema = z.object({ currencyId: z.number().int().positive(), flag: z.enum(["isActive", "isPaused"]), value: z.boolean() });
const manage = { role: "admin", permission: "rates.manage", revalidate: "/admin/rates" } as const;

/** Flips a currency's active switch or its circuit breaker. */
export async function setCurrencyFlagAction(currencyId: unknown, flag: unknown, value: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: flagSchema }, { currencyId, flag, value }, async ({ input, actor, t }) => {
    await updateCurrency({ currencyId: input.currencyId, [input.flag]: input.value }, actor);
    if (input.flag === "isPaused") return { ok: true, message: input.value ? t("admin.rates.paused") : t("admin.rates.resumed") };
    return { ok: true, message: input.value ? t("admin.rates.activated") : t("admin.rates.deactivated") };
  });
}

/** Adds a fiat per USDT rate (exact decimal) that new matches use from now on. */
export async function addRateAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: exchangeRateSchema }, input, async ({ input, actor, t }) => {
    const { rate } = await addExchangeRate(input, actor);
    return { ok: true, message: t("admin.rates.added", { rate }) };
  });
}
