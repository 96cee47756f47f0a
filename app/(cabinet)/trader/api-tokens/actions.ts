"use server";

import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import type { TraderActionResult } from "@/lib/web/trader-action-result";
import { apiTokenNameSchema } from "@/lib/traders/api-token-schema";
import { createTraderApiToken } from "@/lib/traders/create-trader-api-token";
import { revokeTraderApiToken } from "@/lib/traders/revoke-trader-api-token";
import { runTraderAction } from "@/lib/web/run-trader-action";

/** Creates a token; the answer carries the token itself, the only time it is ever shown. */
export async function createApiTokenAction(name: unknown): Promise<TraderActionResult<{ token: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const parsed = apiTokenNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, code: "invalid_input", fieldErrors: { name: ["trader.apiTokens.nameError"] } };
    const { token } = await createTraderApiToken(traderId, parsed.data, actor);
    return { ok: true, value: { token } };
  });
}

export async function revokeApiTokenAction(id: unknown): Promise<TraderActionResult<{ changed: boolean }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const tokenId = z.number().int().positive().safeParse(id);
    if (!tokenId.success) throw new DomainError("not_found", "token_not_found", "No such token.", "id");
    return { ok: true, value: { changed: await revokeTraderApiToken(traderId, tokenId.data, actor) } };
  });
}
