import { formatDateTime } from "@/components/format/date";

export function DateTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={value.toISOString()} className="tabular">
      {formatDateTime(value)}
    </time>
  );
}
