"use server";

import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { addTraderRequisite } from "@/lib/requisites/add-trader-requisite";
import { getRequisiteExponent } from "@/lib/requisites/get-requisite-exponent";
import { listRequisiteChoices } from "@/lib/requisites/list-requisite-choices";
import { newRequisiteSchema, requisiteLimitsSchema } from "@/lib/requisites/requisite-schema";
import { setRequisiteStatus } from "@/lib/requisites/set-requisite-status";
import { updateRequisiteLimits } from "@/lib/requisites/update-requisite-limits";
import { runAction, type ActionResult } from "@/lib/web/action";

const requisiteId = (value: unknown): number => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new DomainError("requisite_not_found", "No such requisite.", { param: "id" });
};

// A refusal about one field (a duplicate number, an unknown bank or currency, a blocked
// requisite) names it as its param, so the form shows it next to that field.

export async function addRequisiteAction(form: unknown): Promise<ActionResult<{ id: number }>> {
  return runAction({ role: "trader" }, form, async ({ traderId, actor, locale, parse }) => {
    const { currencies } = await listRequisiteChoices();
    const exponents = new Map(currencies.map((c) => [c.code, c.exponent]));
    const requisite = await addTraderRequisite(traderId, parse(newRequisiteSchema((code) => exponents.get(code), locale), form), actor);
    return { ok: true, id: requisite.id };
  });
}

export async function updateRequisiteLimitsAction(id: unknown, form: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction({ role: "trader" }, form, async ({ traderId, actor, locale, parse }) => {
    const reqId = requisiteId(id);
    const limits = parse(requisiteLimitsSchema(await getRequisiteExponent(traderId, reqId), locale), form);
    return { ok: true, changed: await updateRequisiteLimits(traderId, reqId, limits, actor) };
  });
}

export async function setRequisiteStatusAction(id: unknown, active: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction({ role: "trader", schema: z.object({ active: z.boolean() }) }, { active }, async ({ traderId, actor, input }) => {
    return { ok: true, changed: await setRequisiteStatus(traderId, requisiteId(id), input.active ? "active" : "inactive", actor) };
  });
}
