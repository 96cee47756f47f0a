import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { effectivePermissions } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";

export interface TraderTraffic {
  traderId: number;
  enabled: boolean;
  /** False when the switch already was in the requested position (nothing written). */
  changed: boolean;
}

/**
 * A teamlead (the acting user, `actor.userId`) turns one of their traders' traffic on or off
 * (`is_traffic_enabled_by_teamlead`). The trader row is locked and must belong to this
 * teamlead's team — anyone else's trader is "not found" and stays unchanged; the change and
 * its audit row commit together; a teamlead without the team.traffic permission is refused.
 * Matching reads the flag in the candidate query of every order, so the very next order
 * already sees it.
 */
export async function setTraderTraffic(input: { traderId: number; enabled: boolean; actor: Actor }): Promise<TraderTraffic> {
  const { traderId, enabled, actor } = input;
  return runTransaction(async (tx) => {
    const rows = actor.userId
      ? await tx.$queryRaw<{ enabled: boolean; permissions: unknown }[]>`
          SELECT t.is_traffic_enabled_by_teamlead AS enabled, tl.granted_permissions AS permissions
          FROM trader t
          JOIN teamleads tl ON tl.id = t.team_lead_id
          JOIN users u ON u.id = tl.user_id
          WHERE t.id = ${traderId} AND tl.user_id = ${actor.userId} AND u.is_active
          FOR UPDATE OF t`
      : [];
    const current = rows[0];
    if (!current) throw new DomainError("trader_not_found", `No trader ${traderId} in your team.`, { param: "trader_id" });
    if (!effectivePermissions("teamlead", current.permissions)["team.traffic"]) {
      throw new DomainError("permission_denied", "Switching traffic needs the team.traffic permission.");
    }
    if (current.enabled === enabled) return { traderId, enabled, changed: false };
    await tx.trader.update({ where: { id: traderId }, data: { isTrafficEnabledByTeamlead: enabled } });
    await recordAudit(tx, actor, {
      action: "trader.traffic",
      entityType: "trader",
      entityId: traderId,
      oldValues: { isTrafficEnabledByTeamlead: current.enabled },
      newValues: { isTrafficEnabledByTeamlead: enabled },
    });
    return { traderId, enabled, changed: true };
  });
}
