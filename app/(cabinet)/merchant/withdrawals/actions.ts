"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invalidInput, refused, type ActionResult } from "@/lib/web/merchant-action-result";
import { requireMerchant } from "@/lib/web/merchant-session";
import { parseAmountInput } from "@/lib/money/parse-amount";
import { requestStoreWithdrawal } from "@/lib/withdrawals/store-withdrawals";
import { prisma } from "@/lib/db/client";
import { getTranslator } from "@/lib/web/locale";
import { withdrawalAddressSchema } from "@/lib/withdrawals/withdrawal-schemas";

/** Withdrawals are paid in the settlement currency. */
const WITHDRAWAL_CURRENCY = "USDT";

const input = z.object({
  storeId: z.coerce.number({ error: "merchant.errors.storeRequired" }).int().positive({ error: "merchant.errors.storeRequired" }).max(2_147_483_647),
  amount: z.string().trim().min(1, { error: "merchant.errors.amountRequired" }).max(64, { error: "merchant.errors.invalidAmount" }),
  address: withdrawalAddressSchema,
});

/**
 * The merchant asks for a withdrawal from one of their stores: the amount (typed as the reader
 * writes numbers, converted exactly to micro-USDT) is held at once and waits for an admin.
 */
export async function requestWithdrawalAction(form: { storeId: string; amount: string; address: string }): Promise<ActionResult<{ id: number }>> {
  const { user, actor } = await requireMerchant();
  const { t, locale } = await getTranslator();
  const parsed = input.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error, t);

  const currency = await prisma.currency.findUniqueOrThrow({ where: { code: WITHDRAWAL_CURRENCY }, select: { exponent: true } });
  const amount = parseAmountInput(parsed.data.amount, currency.exponent, locale);
  if (!amount.ok) return { ok: false, fieldErrors: { amount: t(amount.reason === "too_precise" ? "merchant.errors.tooPrecise" : "merchant.errors.invalidAmount", { decimals: currency.exponent }) } };
  if (amount.minor <= 0n) return { ok: false, fieldErrors: { amount: t("merchant.errors.invalid_amount") } };

  try {
    const request = await requestStoreWithdrawal(user.id, { storeId: parsed.data.storeId, currencyCode: WITHDRAWAL_CURRENCY, amount: amount.minor, address: parsed.data.address }, actor);
    revalidatePath("/merchant", "layout");
    return { ok: true, id: request.id };
  } catch (error) {
    return refused(error, t, { amount: "amount", address: "address", store_id: "storeId" });
  }
}
