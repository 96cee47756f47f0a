import type { Db } from "./db";
import { inTransaction } from "./db";
import { storedSecret } from "./hash";
import { postMovements } from "@/lib/ledger/post-movements";
import { createUser, type CreateUserInput } from "./users";

export interface CreateTraderInput extends Omit<CreateUserInput, "role"> {
  /** Existing trader user; a new one when omitted. */
  userId?: number;
  teamLeadId?: number | null;
  isActive?: boolean;
  isTrafficEnabledByTeamlead?: boolean;
  trafficPriority?: number;
  payinReward?: string;
  payoutReward?: string;
  lastSeenAt?: Date | null;
}

export async function createTrader(db: Db, input: CreateTraderInput = {}) {
  const { userId: givenUserId, teamLeadId, isActive, isTrafficEnabledByTeamlead, trafficPriority, payinReward, payoutReward, lastSeenAt, ...user } = input;
  const userId = givenUserId ?? (await createUser(db, { ...user, role: "trader" })).id;
  return db.trader.create({
    data: {
      userId,
      teamLeadId: teamLeadId ?? null,
      isActive: isActive ?? true,
      isTrafficEnabledByTeamlead: isTrafficEnabledByTeamlead ?? true,
      trafficPriority: trafficPriority ?? 0,
      payinReward: payinReward ?? "0.02",
      payoutReward: payoutReward ?? "0.015",
      lastSeenAt: lastSeenAt ?? null,
    },
  });
}

/** Stores a trader API token (only its SHA-256 and prefix); returns the row and the token. */
export async function createTraderApiToken(db: Db, input: { traderId: number; token?: string; name?: string; revokedAt?: Date | null }) {
  const { secret: token, prefix, hash } = storedSecret(input.token);
  const row = await db.traderApiToken.create({
    data: { traderId: input.traderId, name: input.name ?? "Test token", tokenPrefix: prefix, tokenHash: hash, revokedAt: input.revokedAt ?? null },
  });
  return { row, token };
}

/**
 * Credits a trader's crypto deposit through the ledger (reason `deposit_credit`), so the
 * balance and its history agree. `amount` is in the currency's minor units (micro-USDT).
 */
export function creditTraderDeposit(db: Db, input: { traderId: number; currencyId: number; amount: bigint; at?: Date; reason?: string }) {
  if (input.amount <= 0n) throw new RangeError("A deposit credit must be positive");
  return inTransaction(db, async (tx) => {
    const [posted] = await postMovements(
      tx,
      [{ account: { kind: "trader_crypto", traderId: input.traderId, currencyId: input.currencyId }, delta: input.amount, reason: input.reason ?? "deposit_credit" }],
      { at: input.at },
      );
    return posted;
  });
}
