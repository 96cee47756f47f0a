"use client";

import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { cn } from "@/components/ui/cn";

/** Used / limit as text and a bar; the bar turns amber from 80 % and red at the limit. */
export function UsageMeter({ label, used, limit, exponent, currencyCode }: { label: string; used: bigint; limit: bigint; exponent: number; currencyCode: string }) {
  const t = useT();
  const percent = limit > 0n ? Number((used * 100n) / limit) : 0;
  return (
    <div className="grid min-w-40 gap-1">
      <div className="text-xs">
        <Money amount={used} exponent={exponent} code={currencyCode} /> <span className="text-muted-foreground">/</span>{" "}
        <Money amount={limit} exponent={exponent} code={currencyCode} className="text-muted-foreground" />
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(percent, 100)}
        aria-valuetext={t("trader.requisites.percentUsed", { percent })}
        className="h-1.5 overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn("h-full rounded-full", percent >= 100 ? "bg-destructive" : percent >= 80 ? "bg-warning" : "bg-success")}
          style={{ width: `${Math.min(percent, 100)}%` }}
        />
      </div>
    </div>
  );
}
