// granted_permissions end to end: the demo admin narrows a support user and a teamlead of this
// spec's own with the permission checkboxes of the Users page; each of them then sees their
// cabinet without the controls the permission covers, and a direct server-action call (what a
// hand-made request would do) is refused with 403 on the server, changing nothing. An admin
// narrowed in the database misses the menu entry of a page they may not open, that page answers
// 403, and the settings they may not write are read-only.
import { expect, test, type Browser, type Page } from "@playwright/test";
import type pg from "pg";
import { cabinet, DEMO_PASSWORD, FORBIDDEN_HEADING, submitLogin, waitForHydration } from "../helpers/cabinets";
import { callAction, FORBIDDEN_DIGEST, serverActions } from "../helpers/authorization";
import { createUserLike, queryOne, withDb } from "../helpers/db";
import { createPayin, DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { sessionFile } from "../helpers/run";
import { createCabinetUser } from "../support/db";

test.use({ storageState: sessionFile("admin") });

/** As the demo admin: opens the user's Edit dialog, unticks one permission (shown as on by default) and saves. */
async function untickPermission(page: Page, email: string, label: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const edit = page.locator(`tr[data-user="${email}"]`).getByRole("button", { name: `Edit ${email}` });
  await waitForHydration(edit);
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "Edit user" });
  const item = dialog.locator("li").filter({ has: page.getByRole("checkbox", { name: label }) });
  const checkbox = item.getByRole("checkbox", { name: label });
  await expect(checkbox).toBeChecked();
  await expect(item.getByText("on by default")).toBeVisible();
  await expect(item.getByText("changed", { exact: true })).toHaveCount(0);
  await checkbox.uncheck();
  await expect(item.getByText("changed", { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("User saved.")).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** A signed-in page of a user of this spec's own, in a browser context of its own. */
async function signedIn(browser: Browser, email: string, cabinet: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === cabinet);
  return { context, page };
}

function action(name: string) {
  const found = serverActions().find((a) => a.name === name);
  expect(found, `server action ${name} in the build`).toBeTruthy();
  return found!;
}

/** A pay-in of the demo store, reported paid and then disputed by the merchant's backend. */
async function disputedPayin(request: Parameters<typeof createPayin>[0]) {
  const order = await createPayin(request);
  expect((await request.post(`/api/v1/payin/${order.id}/confirm`, { headers: DEMO_MERCHANT_AUTH, data: {} })).status()).toBe(200);
  const disputed = await request.post(`/api/v1/payin/${order.id}/dispute`, { headers: DEMO_MERCHANT_AUTH, data: { reason: "E2E permissions: the customer paid, nothing confirmed" } });
  expect(disputed.status(), await disputed.text()).toBe(200);
  return { orderId: order.id, disputeId: (await disputed.json()).dispute.id as number };
}

test("support without “Resolve disputes” sees the dispute without the resolve form; a direct call is refused", async ({ page, request, browser }) => {
  test.slow(); // two people, a dispute, a sign-in
  const { orderId, disputeId } = await disputedPayin(request);
  const support = await withDb((db) => createCabinetUser(db, "support", "E2E Narrowed Support"));
  // Whatever the profile held before (the helper writes older keys such as "orders.read") is replaced by the overrides.
  const before = await queryOne<{ granted_permissions: unknown }>("SELECT granted_permissions FROM supports WHERE user_id = $1", [support.userId]);

  await untickPermission(page, support.email, "Resolve disputes");
  expect(await queryOne("SELECT granted_permissions FROM supports WHERE user_id = $1", [support.userId])).toEqual({ granted_permissions: { "disputes.resolve": false } });
  const audit = await queryOne<{ user_id: number; old_values: { grantedPermissions: unknown }; new_values: { grantedPermissions: unknown } }>(
    "SELECT user_id, old_values, new_values FROM audit_logs WHERE action = 'user_updated' AND entity_type = 'user' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
    [String(support.userId)],
  );
  const admin = await queryOne<{ id: number }>("SELECT id FROM users WHERE email = $1", [cabinet("admin").email]);
  expect(audit?.user_id).toBe(admin?.id);
  expect(audit?.old_values.grantedPermissions).toEqual(before?.granted_permissions);
  expect(audit?.new_values.grantedPermissions).toEqual({ "disputes.resolve": false });

  const { context, page: supportPage } = await signedIn(browser, support.email, "/support");
  try {
    await supportPage.goto(`/support/disputes/${disputeId}`);
    await expect(supportPage.getByRole("heading", { level: 1, name: `Dispute ${disputeId}` })).toBeVisible();
    await expect(supportPage.getByText("E2E permissions: the customer paid, nothing confirmed").first()).toBeVisible();
    await expect(supportPage.getByRole("button", { name: "Complete the order" })).toHaveCount(0);
    await expect(supportPage.getByRole("heading", { name: "Resolve", exact: true })).toHaveCount(0);
    // payment_details.read is off by default: the trader's card shows only its last four digits.
    const card = await queryOne<{ number: string }>(
      "SELECT r.details->>'number' AS number FROM incoming_orders o JOIN req_trader r ON r.id = o.requisite_id WHERE o.id = $1",
      [orderId],
    );
    expect(card?.number).toBeTruthy();
    await expect(supportPage.getByText(`•••• ${card!.number.replace(/\s+/g, "").slice(-4)}`)).toBeVisible();
    expect(await supportPage.content()).not.toContain(card!.number);

    // What the hidden form would have posted, sent by hand with the support user's session.
    const answer = await callAction(supportPage.request, action("resolveDisputeAction"), `/support/disputes/${disputeId}`, [
      { disputeId, outcome: "completed", note: "resolved by a hand-made request" },
    ]);
    expect(answer.status).toBe(403);
    expect(answer.result).toEqual({ digest: FORBIDDEN_DIGEST });
    expect(await queryOne("SELECT status, resolved_by FROM disputes WHERE id = $1", [disputeId])).toEqual({ status: "open", resolved_by: null });
    expect(await queryOne("SELECT status FROM incoming_orders WHERE id = $1", [orderId])).toEqual({ status: "disputed" });
  } finally {
    await context.close();
  }
});

/** A trader in the teamlead's team (no requisites: it only needs a traffic switch). */
async function teamTrader(db: pg.Client, teamLeadId: number, name: string): Promise<number> {
  const { userId } = await createUserLike(db, "trader", name);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO trader (user_id, team_lead_id, updated_at) VALUES ($1, $2, now()) RETURNING id`, [userId, teamLeadId]);
  return rows[0].id;
}

test("a teamlead without “Switch traffic” sees the switches disabled and is refused on the server", async ({ page, browser }) => {
  test.slow();
  const name = `E2E Read-only Team Trader ${Date.now().toString(36)}`;
  const { lead, traderId } = await withDb(async (db) => {
    const lead = await createCabinetUser(db, "teamlead", "E2E Read-only Teamlead");
    return { lead, traderId: await teamTrader(db, lead.profileId, name) };
  });

  await untickPermission(page, lead.email, "Switch traffic");
  expect(await queryOne("SELECT granted_permissions FROM teamleads WHERE user_id = $1", [lead.userId])).toEqual({ granted_permissions: { "team.traffic": false } });

  const { context, page: leadPage } = await signedIn(browser, lead.email, "/teamlead");
  try {
    const row = leadPage.locator(`tr[data-trader-id="${traderId}"]`);
    await expect(row.getByText(name)).toBeVisible();
    const traffic = row.getByRole("switch", { name: `Traffic for ${name}` });
    await expect(traffic).toBeDisabled();
    await expect(traffic).toHaveAttribute("aria-checked", "true");
    // team.deposits is off by default: no deposit column.
    await expect(leadPage.getByRole("columnheader", { name: "Free deposit" })).toHaveCount(0);

    const answer = await callAction(leadPage.request, action("setTraderTrafficAction"), "/teamlead", [{ traderId, enabled: false }]);
    expect(answer.status).toBe(403);
    expect(answer.result).toEqual({ digest: FORBIDDEN_DIGEST });
    expect(await queryOne("SELECT is_traffic_enabled_by_teamlead AS on FROM trader WHERE id = $1", [traderId])).toEqual({ on: true });
    expect(await queryOne("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'trader.traffic' AND entity_id = $1", [String(traderId)])).toEqual({ n: 0 });
  } finally {
    await context.close();
  }
});

test("an admin without “Read the audit log” and “Edit settings”: no Audit in the menu, /admin/audit answers 403, settings are read-only", async ({ browser }) => {
  const email = await withDb(async (db) => {
    const { email, userId } = await createUserLike(db, "admin", "E2E Narrowed Admin");
    await db.query(`INSERT INTO admins (user_id, username, granted_permissions) VALUES ($1, $2, $3::jsonb)`, [userId, email.split("@")[0].slice(0, 64), JSON.stringify({ "audit.read": false, "settings.write": false })]);
    return email;
  });
  const { context, page } = await signedIn(browser, email, "/admin");
  try {
    const menu = page.getByRole("navigation", { name: "Cabinet" });
    await expect(menu.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Mail" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Audit" })).toHaveCount(0);
    // Every admin reads the settings; without settings.write the editors are disabled and have no Save.
    const ttl = page.locator('form[data-setting="order.payment_ttl_seconds"]');
    await expect(ttl.getByRole("textbox")).toBeDisabled();
    await expect(ttl.getByRole("button", { name: "Save" })).toHaveCount(0);

    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: FORBIDDEN_HEADING })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toHaveCount(0);

    const before = await queryOne("SELECT value FROM configuration_settings WHERE key = 'order.payment_ttl_seconds'");
    const answer = await callAction(page.request, action("saveSettingAction"), "/admin", ["order.payment_ttl_seconds", "777"]);
    expect(answer.status).toBe(403);
    expect(await queryOne("SELECT value FROM configuration_settings WHERE key = 'order.payment_ttl_seconds'")).toEqual(before);
  } finally {
    await context.close();
  }
});
