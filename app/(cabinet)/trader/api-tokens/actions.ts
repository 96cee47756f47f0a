"use server";

import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { apiTokenNameSchema } from "@/lib/traders/api-token-schema";
import { createTraderApiToken } from "@/lib/traders/create-trader-api-token";
import { revokeTraderApiToken } from "@/lib/traders/revoke-trader-api-token";
import { runAction, type ActionResult } from "@/lib/web/action";

/** Creates a token; the answer carries the token itself, the only time it is ever shown. */
export async function createApiTokenAction(name: unknown): Promise<ActionResult<{ token: string }>> {
  return runAction({ role: "trader" }, name, async ({ traderId, actor, t }) => {
    const parsed = apiTokenNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, fieldErrors: { name: t("trader.apiTokens.nameError") } };
    const { token } = await createTraderApiToken(traderId, parsed.data, actor);
    return { ok: true, token };
  });
}

export async function revokeApiTokenAction(id: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction({ role: "trader" }, id, async ({ traderId, actor }) => {
    const tokenId = z.number().int().positive().safeParse(id);
    if (!tokenId.success) throw new DomainError("token_not_found", "No such token.", { param: "id" });
    return { ok: true, changed: await revokeTraderApiToken(traderId, tokenId.data, actor) };
  });
}
