"use server";

import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { requestStoreWithdrawal } from "@/lib/withdrawals/store-withdrawals";
import { withdrawalFormSchema } from "@/lib/withdrawals/withdrawal-form";
import { runAction, type ActionResult } from "@/lib/web/action";

/**
 * The merchant asks for a withdrawal from one of their stores: the amount (typed as the reader
 * writes numbers, converted exactly to micro-USDT) is held at once and waits for an admin.
 * Withdrawals are paid in the settlement currency.
 */
export async function requestWithdrawalAction(form: { storeId: string; amount: string; address: string }): Promise<ActionResult<{ id: number }>> {
  return runAction(
    { role: "merchant", fields: { store_id: "storeId" }, revalidate: { path: "/merchant", type: "layout" } },
    form,
    async ({ user, actor, locale, parse }) => {
      const currency = await settlementCurrency();
      const { storeId, amount, address } = parse(withdrawalFormSchema(currency.exponent, locale), form);
      const request = await requestStoreWithdrawal(user.id, { storeId, currencyCode: currency.code, amount, address }, actor);
      return { ok: true, id: request.id };
    },
  );
}
