import { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import { parseAmountInput } from "@/lib/money/parse-amount";
import { withdrawalAddressSchema } from "./withdrawal-schemas";

/**
 * The merchant's withdrawal form as requestStoreWithdrawal takes it: the store, the amount as the
 * reader writes numbers ("1 234,56" in Russian, "1,234.56" in English) converted exactly to minor
 * units of the withdrawal currency (at most `exponent` decimals), and the address. Messages are
 * merchant.errors keys (a custom issue passes its {decimals}); an amount of zero is refused by
 * requestWithdrawal itself (invalid_amount), like any other caller's.
 */
export function withdrawalFormSchema(exponent: number, locale: Locale) {
  return z.object({
    storeId: z.coerce.number({ error: "merchant.errors.storeRequired" }).int().positive({ error: "merchant.errors.storeRequired" }).max(2_147_483_647),
    amount: z
      .string()
      .trim()
      .min(1, { error: "merchant.errors.amountRequired" })
      .max(64, { error: "merchant.errors.invalidAmount" })
      .transform((text, ctx) => {
        const amount = parseAmountInput(text, exponent, locale);
        if (amount.ok) return amount.minor;
        ctx.addIssue({ code: "custom", message: amount.reason === "too_precise" ? "merchant.errors.tooPrecise" : "merchant.errors.invalidAmount", params: { decimals: exponent } });
        return z.NEVER;
      }),
    address: withdrawalAddressSchema,
  });
}
