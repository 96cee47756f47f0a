import type { MessageKey, Translate } from "@/lib/i18n/translate";

/**
 * A translated label for a value stored as free text (an actor type, an upload channel), with
 * the raw value as the fallback for one the cabinet does not know.
 */
export function labelOf(t: Translate, prefix: "support.actors" | "support.receipts.via" | "support.disputes.openedVia", value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}
