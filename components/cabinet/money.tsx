"use client";

import { formatMinorNumber } from "@/lib/format/money";
import { useLocale } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";

/** An amount in minor units, printed exactly in the reader's number format, with the currency code in a quieter tone. */
export function Money({ amount, exponent, code, className }: { amount: bigint; exponent: number; code: string; className?: string }) {
  const locale = useLocale();
  return (
    <span className={cn("tabular whitespace-nowrap", className)}>
      {formatMinorNumber(amount, exponent, locale)} <span className="text-muted-foreground">{code}</span>
    </span>
  );
}
