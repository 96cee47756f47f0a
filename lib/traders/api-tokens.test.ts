import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { authenticateTrader } from "@/lib/api/authenticate-request";
import { sha256Hex } from "@/lib/auth/api-keys";
import { createTraderApiToken, MAX_ACTIVE_TOKENS } from "./create-trader-api-token";
import { listTraderApiTokens } from "./list-trader-api-tokens";
import { revokeTraderApiToken } from "./revoke-trader-api-token";
import { expectDomainError } from "@/lib/testing/assertions";
import { setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference());
});

const withToken = (token: string) => new Request("http://localhost/api/v1/trader/orders", { headers: { authorization: `Bearer ${token}` } });

describe("trader API tokens", () => {
  it("creates a token that authenticates the trader, stores only its hash and prefix, and audits without the secret", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    const { token, row } = await createTraderApiToken(trader.id, "Phone SMS app", actor);
    expect(token).toMatch(/^jpt_[A-Za-z0-9_-]{40}$/);

    const stored = await prisma.traderApiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ traderId: trader.id, name: "Phone SMS app", tokenPrefix: token.slice(0, 12), tokenHash: sha256Hex(token), revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(token);

    const auth = await authenticateTrader(withToken(token));
    expect(auth.trader.id).toBe(trader.id);

    const [audit] = await prisma.auditLog.findMany({ where: { entityType: "trader_api_token", entityId: String(row.id) } });
    expect(audit).toMatchObject({ action: "trader_api_token.created", userId: actor.userId, newValues: { traderId: trader.id, name: "Phone SMS app", prefix: token.slice(0, 12) } });
    expect(JSON.stringify([audit.oldValues, audit.newValues])).not.toContain(token);

    expect((await listTraderApiTokens(trader.id)).map((t) => [t.id, t.prefix, t.revokedAt])).toEqual([[row.id, token.slice(0, 12), null]]);
  });

  it("revokes: the token gets 401 from then on; revoking again changes nothing", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    const { token, row } = await createTraderApiToken(trader.id, "Old phone", actor);
    expect(await revokeTraderApiToken(trader.id, row.id, actor)).toBe(true);
    expect(await revokeTraderApiToken(trader.id, row.id, actor)).toBe(false);

    const error = await authenticateTrader(withToken(token)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "authentication", code: "invalid_api_token" });
    const audits = await prisma.auditLog.findMany({ where: { entityType: "trader_api_token", entityId: String(row.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["trader_api_token.created", "trader_api_token.revoked"]);
    expect((await listTraderApiTokens(trader.id))[0].revokedAt).not.toBeNull();
  });

  it("treats another trader's token as not found and leaves it working", async () => {
    const owner = await traderWithRequisite(currencies);
    const intruder = await traderWithRequisite(currencies);
    const { token, row } = await createTraderApiToken(owner.trader.id, "Owner's app", owner.actor);
    await expectDomainError(revokeTraderApiToken(intruder.trader.id, row.id, intruder.actor), "token_not_found");
    expect((await prisma.traderApiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
    expect((await authenticateTrader(withToken(token))).trader.id).toBe(owner.trader.id);
    expect(await listTraderApiTokens(intruder.trader.id)).toEqual([]);
    expect(await prisma.auditLog.count({ where: { entityType: "trader_api_token", entityId: String(row.id), action: "trader_api_token.revoked" } })).toBe(0);
  });

  it("caps the number of active tokens", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await createTraderApiToken(trader.id, `Device ${i}`, actor);
    await expectDomainError(createTraderApiToken(trader.id, "One too many", actor), "too_many_tokens");
    const [first] = await listTraderApiTokens(trader.id);
    await revokeTraderApiToken(trader.id, first.id, actor);
    await createTraderApiToken(trader.id, "Replacement", actor);
    expect(await prisma.traderApiToken.count({ where: { traderId: trader.id, revokedAt: null } })).toBe(MAX_ACTIVE_TOKENS);
  });
});
