"use server";

import { z } from "zod";
import { addExchangeRate, exchangeRateSchema } from "@/lib/currencies/add-exchange-rate";
import { updateCurrency } from "@/lib/currencies/update-currency";
import type { ActionResult } from "@/components/admin/action-result";
import { parseActionInput, runAdminAction } from "../admin-action";

const flagSchema = z.object({ currencyId: z.number().int().positive(), flag: z.enum(["isActive", "isPaused"]), value: z.boolean() });

/** Flips a currency's active switch or its circuit breaker. */
export async function setCurrencyFlagAction(currencyId: unknown, flag: unknown, value: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/rates", "rates.manage", async (context) => {
    const input = parseActionInput(flagSchema, { currencyId, flag, value }, context);
    await updateCurrency({ currencyId: input.currencyId, [input.flag]: input.value }, context.actor);
    const { t } = context;
    if (input.flag === "isPaused") return input.value ? t("admin.rates.paused") : t("admin.rates.resumed");
    return input.value ? t("admin.rates.activated") : t("admin.rates.deactivated");
  });
}

/** Adds a fiat per USDT rate (exact decimal) that new matches use from now on. */
export async function addRateAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/rates", "rates.manage", async (context) => {
    const { rate } = await addExchangeRate(parseActionInput(exchangeRateSchema, input, context), context.actor);
    return context.t("admin.rates.added", { rate });
  });
}
