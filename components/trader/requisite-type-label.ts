import { REQUISITE_TYPES, type RequisiteType } from "@/lib/requisites/requisite-schema";
import type { Translate } from "@/lib/i18n/translate";

/** "Card", "SBP (phone)", "Account" in the reader's language; an unknown kind as stored. */
export function requisiteTypeLabel(t: Translate, type: string): string {
  return (REQUISITE_TYPES as readonly string[]).includes(type) ? t(`trader.requisiteTypes.${type as RequisiteType}`) : type;
}
