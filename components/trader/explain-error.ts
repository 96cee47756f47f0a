import { isExplainedErrorCode, type TraderActionResult } from "@/lib/web/trader-action-result";
import type { MessageVars, Translate } from "@/lib/i18n/translate";

/** The code of an action whose request failed on the way (offline, server gone): no answer came. */
const NETWORK = "network";

/** Runs a trader server action; a request that fails on the way answers { ok: false, code: "network" }, so callers handle one shape. */
export function callTraderAction<T>(action: Promise<TraderActionResult<T>>): Promise<TraderActionResult<T>> {
  return action.catch(() => ({ ok: false, code: NETWORK }));
}

/** A failed action's code in the reader's words (trader.errors.<code>), never the engine's English. */
export function explainError(t: Translate, code: string, vars?: MessageVars): string {
  if (code === NETWORK) return t("errors.network");
  return isExplainedErrorCode(code) ? t(`trader.errors.${code}`, vars) : t("trader.errors.unknown");
}

/** Field errors arrive as message keys; unknown ones fall back to a generic "check this field". */
export function fieldError(t: Translate, keys: string[] | undefined): string | undefined {
  const key = keys?.[0];
  if (!key) return undefined;
  const text = t(key as Parameters<Translate>[0]);
  return text === key ? t("trader.errors.invalid_input") : text;
}
