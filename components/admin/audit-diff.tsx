import { formatJsonInline } from "@/lib/format/json";

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An audit row's old and new values as a readable diff: one line per field, "old → new", the
 * old value struck through. Values that are not objects are shown as a single change.
 */
export function AuditDiff({ oldValues, newValues, labels }: { oldValues: Json; newValues: Json; labels: { none: string } }) {
  const before = oldValues ?? null;
  const after = newValues ?? null;
  if (before === null && after === null) return <span className="text-muted-foreground">{labels.none}</span>;
  if (!isObject(before ?? {}) || !isObject(after ?? {})) {
    return <Change before={before} after={after} />;
  }
  const beforeObject = (before ?? {}) as Record<string, Json>;
  const afterObject = (after ?? {}) as Record<string, Json>;
  const fields = [...new Set([...Object.keys(beforeObject), ...Object.keys(afterObject)])];
  return (
    <dl className="grid gap-1 text-xs">
      {fields.map((field) => (
        <div key={field} className="grid gap-x-2 sm:grid-cols-[minmax(6rem,auto)_1fr]">
          <dt className="font-mono text-muted-foreground">{field}</dt>
          <dd className="min-w-0">
            <Change before={field in beforeObject ? beforeObject[field] : undefined} after={field in afterObject ? afterObject[field] : undefined} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Change({ before, after }: { before: Json | undefined; after: Json | undefined }) {
  return (
    <span className="break-words font-mono text-xs">
      {before !== undefined && before !== null ? (
        <del className="text-destructive decoration-destructive/60" data-diff="old">
          {formatJsonInline(before)}
        </del>
      ) : null}
      {before !== undefined && before !== null && after !== undefined ? <span className="px-1 text-muted-foreground" aria-hidden="true">→</span> : null}
      {after !== undefined ? (
        <ins className="text-success no-underline" data-diff="new">
          {formatJsonInline(after)}
        </ins>
      ) : null}
    </span>
  );
}
