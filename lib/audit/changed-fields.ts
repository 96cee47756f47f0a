import { toJson } from "@/lib/audit/record-audit";

/** JSON with object keys sorted, so {a, b} and {b, a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(toJson(value ?? null), (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * The fields of `next` whose value differs from `current`, as the audit log records them: the
 * old and the new value of each changed field only (BigInts, Decimals and JSON compared as the
 * JSON they are stored as). `changed` is false when the update would change nothing.
 */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  next: Partial<T>,
): { oldValues: Partial<T>; newValues: Partial<T>; changed: boolean } {
  const oldValues: Partial<T> = {};
  const newValues: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] === undefined || canonical(current[key]) === canonical(next[key])) continue;
    oldValues[key] = current[key];
    newValues[key] = next[key];
  }
  return { oldValues, newValues, changed: Object.keys(newValues).length > 0 };
}
