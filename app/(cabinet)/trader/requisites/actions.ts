"use server";

import { getLocale } from "@/lib/web/locale";
import { DomainError } from "@/lib/errors/domain-error";
import type { TraderActionResult } from "@/lib/web/trader-action-result";
import { addTraderRequisite } from "@/lib/requisites/add-trader-requisite";
import { getRequisiteExponent } from "@/lib/requisites/get-requisite-exponent";
import { listRequisiteChoices } from "@/lib/requisites/list-requisite-choices";
import { newRequisiteSchema, requisiteFieldErrors, requisiteLimitsSchema } from "@/lib/requisites/requisite-schema";
import { runTraderAction } from "@/lib/web/run-trader-action";
import { setRequisiteStatus } from "@/lib/requisites/set-requisite-status";
import { updateRequisiteLimits } from "@/lib/requisites/update-requisite-limits";

const requisiteId = (value: unknown): number => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new DomainError("not_found", "requisite_not_found", "No such requisite.", "id");
};

/** Field errors a DomainError about one field becomes, so the form shows it next to that field. */
const FIELD_ERRORS: Record<string, [field: string, key: string]> = {
  duplicate_requisite: ["number", "trader.requisites.errors.duplicate"],
  requisite_blocked: ["number", "trader.errors.requisite_blocked"],
  unknown_bank: ["bankId", "trader.requisites.errors.bank"],
  unsupported_currency: ["currency", "trader.requisites.errors.currency"],
};

export async function addRequisiteAction(form: unknown): Promise<TraderActionResult<{ id: number }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const [{ currencies }, locale] = await Promise.all([listRequisiteChoices(), getLocale()]);
    const exponents = new Map(currencies.map((c) => [c.code, c.exponent]));
    const parsed = newRequisiteSchema((code) => exponents.get(code), locale).safeParse(form);
    if (!parsed.success) return { ok: false, code: "invalid_input", fieldErrors: requisiteFieldErrors(parsed.error) };
    try {
      const requisite = await addTraderRequisite(traderId, parsed.data, actor);
      return { ok: true, value: { id: requisite.id } };
    } catch (error) {
      const field = error instanceof DomainError ? FIELD_ERRORS[error.code] : undefined;
      if (!field) throw error;
      return { ok: false, code: "invalid_input", fieldErrors: { [field[0]]: [field[1]] } };
    }
  });
}

export async function updateRequisiteLimitsAction(id: unknown, form: unknown): Promise<TraderActionResult<{ changed: boolean }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const reqId = requisiteId(id);
    const parsed = requisiteLimitsSchema(await getRequisiteExponent(traderId, reqId), await getLocale()).safeParse(form);
    if (!parsed.success) return { ok: false, code: "invalid_input", fieldErrors: requisiteFieldErrors(parsed.error) };
    return { ok: true, value: { changed: await updateRequisiteLimits(traderId, reqId, parsed.data, actor) } };
  });
}

export async function setRequisiteStatusAction(id: unknown, active: unknown): Promise<TraderActionResult<{ changed: boolean }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    if (typeof active !== "boolean") return { ok: false, code: "invalid_input" };
    return { ok: true, value: { changed: await setRequisiteStatus(traderId, requisiteId(id), active ? "active" : "inactive", actor) } };
  });
}
