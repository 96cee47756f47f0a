import { formatMinorNumber } from "@/components/format/money";
import { cn } from "@/components/ui/cn";

/** An amount in minor units, printed exactly, with the currency code in a quieter tone. */
export function Money({ amount, exponent, code, className }: { amount: bigint; exponent: number; code: string; className?: string }) {
  return (
    <span className={cn("tabular whitespace-nowrap", className)}>
      {formatMinorNumber(amount, exponent)} <span className="text-muted-foreground">{code}</span>
    </span>
  );
}
