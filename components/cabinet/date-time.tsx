"use client";

import { formatDateTime } from "@/lib/format/date";
import { useLocale } from "@/components/i18n/i18n-provider";

export function DateTime({ value }: { value: Date | null | undefined }) {
  const locale = useLocale();
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={value.toISOString()} className="tabular">
      {formatDateTime(value, locale)}
    </time>
  );
}
