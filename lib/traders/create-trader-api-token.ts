import "server-only";
import { randomBytes } from "node:crypto";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { keyPrefix, sha256Hex } from "@/lib/auth/api-keys";
import type { TraderApiTokenRow } from "./list-trader-api-tokens";

/** Enough for every device and app a trader runs; more usually means forgotten tokens. */
export const MAX_ACTIVE_TOKENS = 10;
const TOKEN_PREFIX = "jpt_";

/**
 * A new personal token for the trader API (an SMS-reading app confirms pay-ins with it). Only
 * its SHA-256 and prefix are stored, as lib/api/authenticate-request.ts looks tokens up; the
 * token itself is returned once and cannot be shown again.
 */
export async function createTraderApiToken(traderId: number, name: string, actor: Actor): Promise<{ token: string; row: TraderApiTokenRow }> {
  // 240 random bits, URL-safe: "jpt_" + 40 characters.
  const token = `${TOKEN_PREFIX}${randomBytes(30).toString("base64url")}`;
  const row = await runTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM trader WHERE id = ${traderId} FOR UPDATE`;
    const active = await tx.traderApiToken.count({ where: { traderId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new DomainError("too_many_tokens", `You already have ${active} active tokens; revoke one you no longer use first.`);
    }
    const created = await tx.traderApiToken.create({
      data: { traderId, name, tokenPrefix: keyPrefix(token), tokenHash: sha256Hex(token) },
    });
    await recordAudit(tx, actor, {
      action: "trader_api_token.created",
      entityType: "trader_api_token",
      entityId: created.id,
      newValues: { traderId, name, prefix: created.tokenPrefix },
    });
    return created;
  });
  return {
    token,
    row: { id: row.id, name: row.name, prefix: row.tokenPrefix, createdAt: row.createdAt.toISOString(), lastUsedAt: null, revokedAt: null },
  };
}
