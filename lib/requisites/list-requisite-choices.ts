import "server-only";
import { prisma } from "@/lib/db/client";

export interface RequisiteChoices {
  banks: { id: number; name: string }[];
  /** Fiat currencies a requisite may take orders in, with their decimals for the amount fields. */
  currencies: { code: string; exponent: number }[];
}

/** What the "add a requisite" form offers: active banks and active fiat currencies. */
export async function listRequisiteChoices(): Promise<RequisiteChoices> {
  const [banks, currencies] = await Promise.all([
    prisma.bank.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.currency.findMany({ where: { isActive: true, kind: "fiat" }, orderBy: { code: "asc" }, select: { code: true, exponent: true } }),
  ]);
  return { banks, currencies };
}
