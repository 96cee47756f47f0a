import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

/** Whether this merchant user gets yesterday's numbers by email every morning. */
export async function getDailySummaryOptIn(merchantUserId: number): Promise<boolean> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: merchantUserId }, select: { dailySummaryOptIn: true } });
  return user.dailySummaryOptIn;
}

/** Turns the daily summary email on or off for this merchant user, audit-logged with the old value. */
export async function setDailySummaryOptIn(merchantUserId: number, enabled: boolean, actor: Actor): Promise<void> {
  await runTransaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ optIn: boolean }[]>`
      SELECT daily_summary_opt_in AS "optIn" FROM users WHERE id = ${merchantUserId}::int FOR UPDATE`;
    if (!user || user.optIn === enabled) return;
    await tx.user.update({ where: { id: merchantUserId }, data: { dailySummaryOptIn: enabled } });
    await recordAudit(tx, actor, {
      action: "user.daily_summary_opt_in_updated",
      entityType: "user",
      entityId: merchantUserId,
      oldValues: { daily_summary_opt_in: user.optIn },
      newValues: { daily_summary_opt_in: enabled },
    });
  });
}
