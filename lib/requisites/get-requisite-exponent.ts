import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * The decimals of the currency one of the trader's requisites takes orders in: its limits are
 * typed in that currency. Another trader's requisite (or one without limits) is not found.
 */
export async function getRequisiteExponent(traderId: number, requisiteId: number): Promise<number> {
  const settings = await prisma.fullRequisitesSettings.findFirst({
    where: { reqId: requisiteId, requisite: { traderId } },
    select: { currency: { select: { exponent: true } } },
  });
  if (!settings) throw new DomainError("requisite_not_found", `No requisite ${requisiteId}.`, { param: "id" });
  return settings.currency.exponent;
}
