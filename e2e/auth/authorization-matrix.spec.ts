// The authorization matrix: every role against every cabinet page, server action and route
// handler of the other cabinets is refused, and so is a signed-out visitor; the owner is served
// (the positive controls that let this spec fail). Nothing is listed by hand: pages and route
// handlers come from app/, server actions from the build's manifest, so a page, route or action
// added later is in the matrix — and an action added without its role check fails it. Plain
// HTTP requests with the sessions the setup project stored, not page loads: the same answers,
// many times faster.
//
// Pages are also requested the way a client-side navigation inside a cabinet asks for them: the
// router state says the cabinet's layout is already shown, so Next renders only the page, and
// the page's own check is all that guards its data (a check in the layout alone is not enough).
//
// Server actions are aimed at rows this spec creates for itself (a merchant with a store, API
// key and pending withdrawal, a teamlead, a trader with a requisite and a token) and at seeded
// rows no spec changes, so "nothing changed" can be checked exactly while other specs run.
import crypto from "node:crypto";
import { expect, test as base, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { DEMO_PASSWORD, cabinet, type Role } from "../helpers/cabinets";
import { createUserLike, uniqueId, withDb } from "../helpers/db";
import {
  FORBIDDEN_DIGEST,
  ROLES,
  cabinetPages,
  cabinetRouteHandlers,
  callAction,
  clientAs,
  fillPattern,
  isErrorDocument,
  inParallel,
  leaked,
  ownerContent,
  segmentRequestHeaders,
  serverActions,
  signInOverHttp,
  tableFingerprints,
  type ServerAction,
} from "../helpers/authorization";
import { createOwnMerchant, TRON_ADDRESS } from "../merchant/merchant-data";
import { createCabinetUser } from "../support/db";
import { luhnCardNumber } from "../trader/trader-data";

/** Marks this worker's attacking requests: audit rows record the user agent. */
const ATTACK_AGENT = `jivapay-authz-matrix ${uniqueId("attack")}`;
/** Marks the positive control's requests, which are allowed to change things. */
const CONTROL_AGENT = `jivapay-authz-matrix ${uniqueId("control")}`;

/** What a signed-out visitor's refused page or action leads to. */
const LOGIN_REDIRECT_DIGEST = "NEXT_REDIRECT;replace;/login;";

/**
 * Actions anyone may call, outside any cabinet, and why. A server action found anywhere else
 * than app/(cabinet)/<role>/ and not listed here fails the matrix until it is placed or listed.
 */
const SHARED_ACTIONS: Record<string, string> = {
  "lib/web/set-locale-action.ts": "switches the language; signed in, only the caller's own profile is changed",
  "lib/web/sign-out-everywhere-action.ts": "signed in only (signed out: /login); ends the caller's own sessions, nobody else's",
  "app/(auth)/forgot-password/actions.ts": "public: emails a reset link to the address's owner",
  "app/(auth)/reset-password/actions.ts": "public: the emailed single-use token is the credential",
  "app/(auth)/invite/actions.ts": "public: the invitation's single-use token is the credential",
  "app/(cabinet)/account/security/actions.ts": "signed in only (signed out: /login); the caller's own 2FA and password, proven by a code or the current password",
};

/** Seeded rows of the demo merchant the pages and route handlers are opened with (no spec changes them). */
interface Targets {
  storeId: number;
  /** The demo store's seeded open dispute and its order. */
  disputeId: number;
  orderId: string;
  /** A receipt of that order and an outbox email, both this worker's own. */
  receiptId: number;
  emailId: number;
}

/** The rows the attacking server actions aim at: this worker's own, so any change to them is the attack's. */
interface Victims {
  settingKey: string;
  currencyId: number;
  /** A rate nobody sets: an exchange_rates row with it would be the attack's. */
  rate: string;
  /** An address nobody invites. */
  inviteEmail: string;
  teamleadUserId: number;
  traderUserId: number;
  traderId: number;
  requisiteId: number;
  tokenId: number;
  merchantUserId: number;
  storeId: number;
  apiKeyId: number;
  withdrawalId: number;
  disputeId: number;
  orderId: string;
}

/** A teamlead of the spec's own and a trader of their team, for the positive control. */
interface Control {
  email: string;
  traderId: number;
}

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function createTargets(db: pg.Client): Promise<Targets> {
  const { rows: [seeded] } = await db.query(
    `SELECT s.id AS store_id, d.id AS dispute_id, d.order_id
       FROM disputes d JOIN incoming_orders o ON o.id = d.order_id JOIN merchant_store s ON s.id = o.store_id JOIN users u ON u.id = s.user_id
      WHERE u.email = $1 AND d.status = 'open' ORDER BY d.id LIMIT 1`,
    [cabinet("merchant").email],
  );
  if (!seeded) throw new Error("The seed's open dispute of the demo store is missing.");
  const { rows: [receipt] } = await db.query(
    `INSERT INTO receipts (order_id, uploaded_via, file_name, content_type, size_bytes, sha256, data)
     VALUES ($1, 'trader', $2, 'image/png', $3, $4, $5) RETURNING id`,
    [seeded.order_id, `${uniqueId("authz-receipt")}.png`, PNG.length, crypto.createHash("sha256").update(PNG).digest("hex"), PNG],
  );
  const subject = `Authorization matrix ${uniqueId("mail")}`;
  const { rows: [email] } = await db.query(
    `INSERT INTO email_outbox ("to", subject, template, html, text, status) VALUES ($1, $2, 'e2e', $3, $4, 'stored') RETURNING id`,
    [`${uniqueId("authz")}@test.jivapay.dev`, subject, `<p>${subject}</p>`, subject],
  );
  return { storeId: seeded.store_id, disputeId: seeded.dispute_id, orderId: seeded.order_id, receiptId: Number(receipt.id), emailId: Number(email.id) };
}

/** A trader of the spec's own in a teamlead's team, without deposit or active requisite, so matching never picks them. */
async function createTrader(db: pg.Client, teamLeadId: number, name: string): Promise<{ userId: number; traderId: number }> {
  const { userId } = await createUserLike(db, "trader", name);
  const { rows: [trader] } = await db.query(`INSERT INTO trader (user_id, team_lead_id, updated_at) VALUES ($1, $2, now()) RETURNING id`, [userId, teamLeadId]);
  return { userId, traderId: trader.id };
}

async function createVictims(db: pg.Client, targets: Targets): Promise<Victims> {
  const teamlead = await createCabinetUser(db, "teamlead", "Authz victim teamlead");
  const { userId: traderUserId, traderId } = await createTrader(db, teamlead.profileId, "Authz victim trader");
  const { rows: [requisite] } = await db.query(
    `WITH r AS (
       INSERT INTO req_trader (trader_id, type, payment_method_id, bank_id, details, status, updated_at)
       SELECT $1, 'card', (SELECT id FROM payment_methods WHERE code = 'card'), (SELECT id FROM banks WHERE code = 'sber'),
              jsonb_build_object('number', $2::text, 'holder', 'AUTHZ VICTIM'), 'inactive', now()
       RETURNING id
     )
     INSERT INTO full_requisites_settings (req_id, currency_id, min_amount, max_amount, daily_limit)
     SELECT r.id, (SELECT id FROM currencies WHERE code = 'RUB'), 10000, 100000, 1000000 FROM r RETURNING req_id AS id`,
    [traderId, luhnCardNumber()],
  );
  const { rows: [token] } = await db.query(
    `INSERT INTO trader_api_tokens (trader_id, name, token_prefix, token_hash) VALUES ($1, 'Authz victim', 'jpt_authz', $2) RETURNING id`,
    [traderId, crypto.randomBytes(32).toString("hex")],
  );
  const merchant = await createOwnMerchant(10_000_000n);
  const { rows: [apiKey] } = await db.query(
    `INSERT INTO merchant_api_keys (store_id, name, key_prefix, key_hash, created_by) VALUES ($1, 'Authz victim', 'jp_authz', $2, $3) RETURNING id`,
    [merchant.storeId, crypto.randomBytes(32).toString("hex"), merchant.userId],
  );
  // A pending withdrawal of 1 USDT, held the way the ledger holds it (balance, history, request).
  await db.query(
    `WITH b AS (
       UPDATE balance_store SET amount = amount - 1000000, held = held + 1000000, updated_at = now() WHERE store_id = $1
       RETURNING id, store_id, currency_id, amount, held
     )
     INSERT INTO balance_store_history (balance_store_id, store_id, currency_id, delta, held_delta, balance_after, held_after, reason)
     SELECT id, store_id, currency_id, -1000000, 1000000, amount, held, 'withdrawal_hold' FROM b`,
    [merchant.storeId],
  );
  const { rows: [withdrawal] } = await db.query(
    `INSERT INTO withdrawal_requests (store_id, currency_id, amount, address) SELECT $1, id, 1000000, $2 FROM currencies WHERE code = 'USDT' RETURNING id`,
    [merchant.storeId, TRON_ADDRESS],
  );
  const { rows: [rub] } = await db.query(`SELECT id FROM currencies WHERE code = 'RUB'`);
  return {
    settingKey: "fraud.blacklisted_customer_ids",
    currencyId: rub.id,
    rate: `77.${crypto.randomInt(1_000_000, 9_999_999)}`,
    inviteEmail: `${uniqueId("authz-invite")}@test.jivapay.dev`.toLowerCase(),
    teamleadUserId: teamlead.userId,
    traderUserId,
    traderId,
    requisiteId: requisite.id,
    tokenId: token.id,
    merchantUserId: merchant.userId,
    storeId: merchant.storeId,
    apiKeyId: apiKey.id,
    withdrawalId: withdrawal.id,
    disputeId: targets.disputeId,
    orderId: targets.orderId,
  };
}

/** Every role's demo session and a signed-out client, all marking their requests with the attack's user agent. */
interface Http {
  as: Record<Role, APIRequestContext>;
  signedOut: APIRequestContext;
}

const test = base.extend<object, { targets: Targets; victims: Victims; control: Control; http: Http; loginPage: string }>({
  http: [
    async ({}, use) => {
      const as = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await clientAs(role, ATTACK_AGENT)] as const))) as Record<Role, APIRequestContext>;
      const signedOut = await clientAs(null, ATTACK_AGENT);
      await use({ as, signedOut });
      await Promise.all([...Object.values(as), signedOut].map((client) => client.dispose()));
    },
    { scope: "worker" },
  ],
  /** The login page: it carries every UI message, so what a cabinet page shows beyond it is the cabinet's own content. */
  loginPage: [async ({ http }, use) => use(await (await http.signedOut.get("/login")).text()), { scope: "worker" }],
  targets: [async ({}, use) => use(await withDb(createTargets)), { scope: "worker" }],
  victims: [async ({ targets }, use) => use(await withDb((db) => createVictims(db, targets))), { scope: "worker" }],
  control: [
    async ({}, use) => {
      const control = await withDb(async (db) => {
        const lead = await createCabinetUser(db, "teamlead", "Authz control teamlead");
        return { email: lead.email, traderId: (await createTrader(db, lead.profileId, "Authz control trader")).traderId };
      });
      await use(control);
    },
    { scope: "worker" },
  ],
});

/** The values of the dynamic segments, per URL pattern. A dynamic page or route added later needs its line here. */
function segmentValues(targets: Targets): Record<string, Record<string, string | number>> {
  const order = { id: targets.orderId };
  return {
    "/admin/mail/[id]": { id: targets.emailId },
    "/admin/orders/[id]": order,
    "/merchant/orders/[id]": order,
    "/merchant/stores/[id]": { id: targets.storeId },
    "/support/disputes/[id]": { id: targets.disputeId },
    "/support/orders/[id]": order,
    "/support/receipts/[id]": { id: targets.receiptId },
    "/api/cabinet/merchant/receipts/[id]": { id: targets.receiptId },
    "/api/cabinet/merchant/orders/[id]/dispute": order,
    "/api/cabinet/trader/payouts/[id]/receipt": order,
  };
}

const urlOf = (pattern: string, targets: Targets) => fillPattern(pattern, segmentValues(targets)[pattern] ?? {});

/**
 * The arguments each action is attacked with: what its form would send, aimed at the victims.
 * An action missing here is called without arguments — its role check comes first anyway.
 */
function attackArguments(v: Victims): Partial<Record<Role, Record<string, unknown[]>>> {
  return {
    admin: {
      saveSettingAction: [v.settingKey, JSON.stringify([uniqueId("authz-customer")])],
      resetSettingAction: [v.settingKey],
      addRateAction: [{ currencyId: v.currencyId, rate: v.rate }],
      // Pausing the ruble would stop every spec's pay-ins if it went through: the same value.
      setCurrencyFlagAction: [v.currencyId, "isPaused", false],
      updateStoreAction: [{ storeId: v.storeId, payinCommission: "0.5" }],
      setStoreActiveAction: [v.storeId, false],
      updateTraderAction: [{ traderId: v.traderId, trafficPriority: 99 }],
      adjustDepositAction: [{ traderId: v.traderId, direction: "credit", amount: "1000" }],
      setTraderActiveAction: [v.traderId, false],
      inviteUserAction: [{ email: v.inviteEmail, role: "admin", grantedPermissions: JSON.stringify({ "users.manage_admins": true }) }],
      updateUserAction: [{ userId: v.teamleadUserId, name: "Renamed by the matrix" }],
      setUserActiveAction: [v.teamleadUserId, false],
      decideWithdrawalAction: [{ id: v.withdrawalId, decision: "approve" }],
      forceOrderAction: [{ orderId: v.orderId, outcome: "cancelled", note: "Forced by the authorization matrix" }],
    },
    merchant: {
      resendCallbackAction: [v.orderId, 1],
      confirmPayoutAction: [v.orderId],
      saveCallbackUrlAction: [v.storeId, "https://authz-matrix.example/callback"],
      rotateWebhookSecretAction: [v.storeId],
      createApiKeyAction: [v.storeId, "Authz matrix"],
      revokeApiKeyAction: [v.apiKeyId],
      setDailySummaryAction: [true],
      requestWithdrawalAction: [{ storeId: String(v.storeId), amount: "1", address: TRON_ADDRESS }],
    },
    support: {
      resolveDisputeAction: [{ disputeId: v.disputeId, outcome: "cancelled", note: "Resolved by the authorization matrix" }],
      forceOrderAction: [{ orderId: v.orderId, outcome: "cancelled", note: "Forced by the authorization matrix" }],
    },
    teamlead: {
      setTraderTrafficAction: [{ traderId: v.traderId, enabled: false }],
    },
    trader: {
      confirmPayinAction: [v.orderId],
      acceptPayoutAction: [v.orderId],
      declinePayoutAction: [v.orderId],
      releasePayoutAction: [v.orderId, "Released by the authorization matrix"],
      createApiTokenAction: ["Authz matrix"],
      revokeApiTokenAction: [v.tokenId],
      addRequisiteAction: [
        { type: "card", bankId: "1", currency: "RUB", number: luhnCardNumber(), holder: "AUTHZ MATRIX", minAmount: "100", maxAmount: "1000", dailyLimit: "10000", monthlyLimit: "", dailyCountLimit: "" },
      ],
      updateRequisiteLimitsAction: [v.requisiteId, { minAmount: "100", maxAmount: "2000", dailyLimit: "20000", monthlyLimit: "", dailyCountLimit: "" }],
      setRequisiteStatusAction: [v.requisiteId, true],
    },
  };
}

/**
 * What the actions write, narrowed to the victims' rows (and the attack's user agent for the
 * audit log): each table's row count and a hash of the rows. Equal before and after means the
 * attack changed nothing.
 */
function victimTables(v: Victims, userAgent: string): [table: string, where: string, params: unknown[]][] {
  const users = [v.teamleadUserId, v.traderUserId, v.merchantUserId];
  return [
    ["audit_logs", "user_agent = $1", [userAgent]],
    ["configuration_settings", "key = $1", [v.settingKey]],
    ["currencies", "id = $1", [v.currencyId]],
    ["exchange_rates", "rate = $1::numeric", [v.rate]],
    ["users", "id = ANY($1) OR email = $2", [users, v.inviteEmail]],
    ["teamleads", "user_id = ANY($1)", [users]],
    ["auth_tokens", "user_id = ANY($1)", [users]],
    ["email_outbox", `"to" = $1`, [v.inviteEmail]],
    ["merchant_store", "id = $1", [v.storeId]],
    ["merchant_api_keys", "store_id = $1", [v.storeId]],
    ["balance_store", "store_id = $1", [v.storeId]],
    ["withdrawal_requests", "store_id = $1", [v.storeId]],
    ["trader", "id = $1", [v.traderId]],
    ["req_trader", "trader_id = $1", [v.traderId]],
    ["full_requisites_settings", "req_id IN (SELECT id FROM req_trader WHERE trader_id = $1)", [v.traderId]],
    ["trader_api_tokens", "trader_id = $1", [v.traderId]],
    ["balance_trader_crypto", "trader_id = $1", [v.traderId]],
    ["disputes", "id = $1", [v.disputeId]],
    ["incoming_orders", "id = $1", [v.orderId]],
  ];
}

const othersOf = (owner: Role) => ROLES.filter((role) => role !== owner);

/** Where an action is posted: a page of its own cabinet whose bundle carries it. */
function pageOf(action: ServerAction, targets: Targets): string {
  const pattern = action.pages.find((page) => page === `/${action.owner}` || page.startsWith(`/${action.owner}/`));
  if (!pattern) throw new Error(`${action.file}#${action.name} is used by no page of the ${action.owner} cabinet (${action.pages.join(", ")})`);
  return urlOf(pattern, targets);
}

// Each test makes a few dozen requests; on a busy two-core machine that can take a while.
test.describe.configure({ timeout: 60_000 });

for (const page of cabinetPages()) {
  const { owner } = page;

  test(`page ${page.pattern}: ${owner} is served; every other role gets 403 without its content, also below the layout; signed out goes to /login`, async ({ targets, http, loginPage }) => {
    const url = urlOf(page.pattern, targets);
    const segment = { headers: segmentRequestHeaders(owner) };
    const [own, ownSegment] = await Promise.all([http.as[owner].get(url, { maxRedirects: 0 }), http.as[owner].get(url, segment)]);
    const ownHtml = await own.text();
    expect.soft(own.status(), `${owner} opens ${url}`).toBe(200);
    expect.soft(ownHtml, `${url} for ${owner} is the ${owner} cabinet`).toContain(`data-cabinet="${owner}"`);
    const content = ownerContent(ownHtml, loginPage, url);
    // The request below the layout really renders the page: the owner gets its data, and no layout.
    const ownBelow = await ownSegment.text();
    expect.soft(leaked(content, ownBelow).length, `${owner}'s ${url} below the layout shows its data`).toBeGreaterThan(0);
    expect.soft(ownBelow, `${url} below the layout`).not.toContain("data-cabinet");

    await inParallel([...othersOf(owner), null], 3, async (caller) => {
      const who = caller ?? "signed out";
      const client = caller ? http.as[caller] : http.signedOut;
      const [full, below] = await Promise.all([client.get(url, { maxRedirects: 0 }), client.get(url, segment)]);
      const [html, flight] = await Promise.all([full.text(), below.text()]);
      expect.soft(leaked(content, html), `${owner}'s content in ${url} for ${who}`).toEqual([]);
      expect.soft(html, `${url} for ${who}`).not.toContain(`data-cabinet="${owner}"`);
      // A client-side navigation inside the cabinet renders only the page: its own check must refuse.
      expect.soft(leaked(content, flight), `${owner}'s content in ${url} below the layout for ${who}`).toEqual([]);
      if (caller) {
        expect.soft(full.status(), `${who} opens ${url}`).toBe(403);
        expect.soft(isErrorDocument(html), `${url} for ${who} is Next's error document`).toBe(true);
        expect.soft(flight, `${url} below the layout for ${who}`).toContain(FORBIDDEN_DIGEST);
      } else {
        expect.soft(`${full.status()} ${full.headers()["location"]}`, `${url} signed out`).toBe("307 /login");
        expect.soft(flight, `${url} below the layout signed out`).toContain(LOGIN_REDIRECT_DIGEST);
      }
    });
  });
}

/** How the owner's positive control calls a route handler that is not a plain GET: a request that passes the role check and changes nothing. */
const OWNER_REQUESTS: Record<string, { multipart?: Record<string, string>; ownerStatus: number }> = {
  // An empty reason is refused after the role check (422), before any dispute is opened.
  "POST /api/cabinet/merchant/orders/[id]/dispute": { multipart: { reason: "" }, ownerStatus: 422 },
  // No file part: refused (422 file_missing) before the order is looked at.
  "POST /api/cabinet/trader/payouts/[id]/receipt": { multipart: { note: "" }, ownerStatus: 422 },
  // An event stream never ends, and this request reads whole answers: asked without
  // `Accept: text/event-stream` it answers 406 after the role check (e2e/trader/queue-stream.spec.ts opens it).
  "GET /api/cabinet/trader/queue/stream": { ownerStatus: 406 },
};

for (const route of cabinetRouteHandlers()) {
  for (const method of route.methods) {
    test(`route ${method} ${route.pattern}: ${route.owner} is served; every other role gets 403; signed out 401 (/api) or /login`, async ({ targets, http }) => {
      const url = urlOf(route.pattern, targets);
      const special = OWNER_REQUESTS[`${method} ${route.pattern}`];
      if (method !== "GET" && !special) throw new Error(`${method} ${route.pattern}: add a harmless request for its owner to OWNER_REQUESTS`);
      const send = (client: APIRequestContext) => client.fetch(url, { method, multipart: special?.multipart, maxRedirects: 0 });

      const own = await send(http.as[route.owner]);
      const ownBody = await own.text();
      expect.soft(own.status(), `${route.owner}: ${method} ${url}`).toBe(special?.ownerStatus ?? 200);
      await inParallel([...othersOf(route.owner), null], 3, async (caller) => {
        const response = await send(caller ? http.as[caller] : http.signedOut);
        const body = await response.text();
        if (ownBody.length >= 16) expect.soft(body, `${route.owner}'s answer to ${method} ${url} for ${caller ?? "signed out"}`).not.toContain(ownBody.slice(0, 64));
        if (caller) {
          expect.soft(response.status(), `${caller}: ${method} ${url}`).toBe(403);
        } else {
          const location = response.headers()["location"];
          const toLogin = response.status() >= 300 && response.status() < 400 && !!location && new URL(location, own.url()).pathname === "/login";
          // JSON and downloads under /api answer 401 (a poller can act on it); a receipt opened in a tab goes to /login.
          const refused = route.pattern.startsWith("/api/") ? response.status() === 401 : toLogin;
          expect.soft(refused, `signed out: ${method} ${url} answered ${response.status()} ${location ?? ""}`).toBe(true);
        }
      });
    });
  }
}

test("every server action of the build belongs to a cabinet or is declared shared; every hand-written attack names one", async ({ victims }) => {
  const actions = serverActions();
  expect(actions.filter((action) => action.owner).length, "cabinet server actions in the manifest").toBeGreaterThan(0);
  const unplaced = actions.filter((action) => !action.owner && !Object.hasOwn(SHARED_ACTIONS, action.file)).map((action) => `${action.file}#${action.name}`);
  expect(unplaced, "server actions outside app/(cabinet)/<role>/ and not in SHARED_ACTIONS").toEqual([]);
  const attacked = Object.entries(attackArguments(victims)).flatMap(([role, byName]) => Object.keys(byName).map((name) => `${role} ${name}`));
  const stale = attacked.filter((entry) => !actions.some((action) => `${action.owner} ${action.name}` === entry));
  expect(stale, "attackArguments entries without such an action in that cabinet").toEqual([]);
});

for (const owner of ROLES) {
  test(`${owner} server actions: refused for every other role (403) and signed out (/login); the database is unchanged`, async ({ targets, victims, http }) => {
    const actions = serverActions().filter((action) => action.owner === owner);
    const args = attackArguments(victims)[owner] ?? {};
    const tables = victimTables(victims, ATTACK_AGENT);
    const before = await withDb((db) => tableFingerprints(db, tables));
    const calls = actions.flatMap((action) => [...othersOf(owner), null].map((caller) => ({ action, caller })));
    await inParallel(calls, 4, async ({ action, caller }) => {
      const name = `${caller ?? "signed out"} → ${action.file}#${action.name}`;
      const answer = await callAction(caller ? http.as[caller] : http.signedOut, action, pageOf(action, targets), args[action.name] ?? []);
      if (caller) expect.soft(answer, name).toEqual({ status: 403, redirect: null, result: { digest: FORBIDDEN_DIGEST } });
      else expect.soft(answer, name).toEqual({ status: 200, redirect: "/login;push", result: null });
    });
    const after = await withDb((db) => tableFingerprints(db, tables));
    expect(after, "the victims' rows and the attack's audit rows").toEqual(before);
    expect(after.audit_logs.rows, "audit rows of the attack").toBe(0);
  });
}

test("positive control: the teamlead switches their own trader's traffic off and on, and the database check sees it", async ({ targets, victims, control }) => {
  const action = serverActions().find((a) => a.owner === "teamlead" && a.name === "setTraderTrafficAction");
  expect(action, "the teamlead's traffic action in the manifest").toBeDefined();
  const client = await clientAs(null, CONTROL_AGENT);
  try {
    await signInOverHttp(client, control.email, DEMO_PASSWORD);
    const tables = victimTables({ ...victims, traderId: control.traderId }, CONTROL_AGENT);
    const fingerprints = () => withDb((db) => tableFingerprints(db, tables));
    const before = await fingerprints();

    const off = await callAction(client, action!, pageOf(action!, targets), [{ traderId: control.traderId, enabled: false }]);
    expect(off).toEqual({ status: 200, redirect: null, result: { value: { ok: true, changed: true } } });
    const switchedOff = await fingerprints();
    const changed = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(switchedOff[table]));
    expect(changed, "tables the check sees changed").toEqual(["audit_logs", "trader"]);
    expect(switchedOff.audit_logs.rows).toBeGreaterThan(before.audit_logs.rows);

    const on = await callAction(client, action!, pageOf(action!, targets), [{ traderId: control.traderId, enabled: true }]);
    expect(on).toEqual({ status: 200, redirect: null, result: { value: { ok: true, changed: true } } });
    const traffic = await withDb(async (db) => (await db.query(`SELECT is_traffic_enabled_by_teamlead AS on FROM trader WHERE id = $1`, [control.traderId])).rows[0].on);
    expect(traffic, "traffic back on").toBe(true);
  } finally {
    await client.dispose();
  }
});
