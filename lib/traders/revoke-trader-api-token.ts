import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

/**
 * Revokes one of the trader's tokens: from the next request on it answers 401. Another
 * trader's token is "not found"; revoking a revoked token changes nothing and returns false.
 */
export async function revokeTraderApiToken(traderId: number, tokenId: number, actor: Actor): Promise<boolean> {
  return runTransaction(async (tx) => {
    const [token] = await tx.$queryRaw<{ id: number; revoked_at: Date | null; token_prefix: string }[]>`
      SELECT id, revoked_at, token_prefix FROM trader_api_tokens WHERE id = ${tokenId} AND trader_id = ${traderId} FOR UPDATE`;
    if (!token) throw new DomainError("token_not_found", `No token ${tokenId}.`, { param: "id" });
    if (token.revoked_at) return false;
    const revokedAt = new Date();
    await tx.traderApiToken.update({ where: { id: tokenId }, data: { revokedAt } });
    await recordAudit(tx, actor, {
      action: "trader_api_token.revoked",
      entityType: "trader_api_token",
      entityId: tokenId,
      oldValues: { revokedAt: null },
      newValues: { revokedAt, prefix: token.token_prefix },
    });
    return true;
  });
}
