import "server-only";
import { randomBytes } from "node:crypto";
import { prisma, type Tx } from "@/lib/db/client";
import type { AuthTokenPurpose } from "@/lib/generated/prisma/client";
import { sha256Hex } from "./api-keys";

/** How long each kind of emailed link works. */
export const TOKEN_TTL_MS: Record<AuthTokenPurpose, number> = {
  reset: 60 * 60_000,
  invite: 72 * 60 * 60_000,
};

/**
 * Creates a single-use token for `userId` and returns it; only its SHA-256 is stored. 32
 * random bytes, so guessing one is hopeless and lookups by hash are safe.
 */
export async function issueToken(tx: Tx, input: { userId: number; purpose: AuthTokenPurpose; now: Date }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: sha256Hex(token),
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + TOKEN_TTL_MS[input.purpose]),
    },
  });
  return token;
}

/** Tokens arrive from URLs and forms; anything that is not one of ours is refused before any lookup. */
function hashOf(token: string): string | null {
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? sha256Hex(token) : null;
}

/**
 * Uses up a token: one compare-and-set statement, so of two concurrent uses exactly one wins.
 * Returns the user id, or null when the token is unknown, of another purpose, expired or used.
 */
export async function consumeToken(tx: Tx, input: { token: string; purpose: AuthTokenPurpose; now: Date }): Promise<number | null> {
  const hash = hashOf(input.token);
  if (!hash) return null;
  const rows = await tx.$queryRaw<{ user_id: number }[]>`
    UPDATE auth_tokens SET used_at = ${input.now}
    WHERE token_hash = ${hash} AND purpose = ${input.purpose}::auth_token_purpose AND used_at IS NULL AND expires_at > ${input.now}
    RETURNING user_id`;
  return rows[0]?.user_id ?? null;
}

/** Marks every other open token of the user for `purpose` used (after a reset, older links die). */
export async function revokeTokens(tx: Tx, input: { userId: number; purpose: AuthTokenPurpose; now: Date }): Promise<void> {
  await tx.authToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: input.now } });
}

/** The user a still-valid token belongs to, without using it (to greet them on the form). */
export async function peekToken(token: string, purpose: AuthTokenPurpose, now = new Date()) {
  const hash = hashOf(token);
  if (!hash) return null;
  const row = await prisma.authToken.findFirst({
    where: { tokenHash: hash, purpose, usedAt: null, expiresAt: { gt: now } },
    select: { user: { select: { id: true, email: true, name: true, isActive: true } } },
  });
  return row?.user ?? null;
}
