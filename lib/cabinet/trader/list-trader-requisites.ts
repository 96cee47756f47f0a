import "server-only";
import { prisma } from "@/lib/db/client";

export interface TraderRequisiteRow {
  id: number;
  type: string;
  bankName: string | null;
  /** Only the last four characters of the card, phone or account number. */
  maskedNumber: string;
  holder: string | null;
  status: "active" | "inactive" | "blocked";
  /** Null when the requisite has no limits configured yet. */
  limits: { currencyCode: string; exponent: number; minAmount: bigint; maxAmount: bigint; dailyLimit: bigint } | null;
}

function readDetails(details: unknown): { number: string; holder: string | null } {
  const record = details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  return {
    number: typeof record.number === "string" ? record.number : "",
    holder: typeof record.holder === "string" ? record.holder : null,
  };
}

// The full number never leaves the server: the page only needs to tell requisites apart.
function maskNumber(number: string): string {
  const compact = number.replace(/\s+/g, "");
  return compact.length > 4 ? `•••• ${compact.slice(-4)}` : compact ? "••••" : "—";
}

/** The requisites of the trader profile that belongs to this user, with their limits. */
export async function listTraderRequisites(traderUserId: number): Promise<TraderRequisiteRow[]> {
  const requisites = await prisma.reqTrader.findMany({
    where: { trader: { userId: traderUserId } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      details: true,
      status: true,
      bank: { select: { name: true } },
      settings: {
        select: {
          minAmount: true,
          maxAmount: true,
          dailyLimit: true,
          currency: { select: { code: true, exponent: true } },
        },
      },
    },
  });
  return requisites.map((r) => {
    const details = readDetails(r.details);
    return {
      id: r.id,
      type: r.type,
      bankName: r.bank?.name ?? null,
      maskedNumber: maskNumber(details.number),
      holder: details.holder,
      status: r.status,
      limits: r.settings
        ? {
            currencyCode: r.settings.currency.code,
            exponent: r.settings.currency.exponent,
            minAmount: r.settings.minAmount,
            maxAmount: r.settings.maxAmount,
            dailyLimit: r.settings.dailyLimit,
          }
        : null,
    };
  });
}
