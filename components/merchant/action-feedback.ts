import type { ActionResult } from "@/lib/web/merchant-action-result";
import type { Translate } from "@/lib/i18n/translate";

/** The one line to toast for a refused action: its message, else its first field error. */
export function refusalMessage(result: Extract<ActionResult, { ok: false }>, t: Translate): string {
  return result.message ?? Object.values(result.fieldErrors ?? {})[0] ?? t("merchant.errors.generic");
}
