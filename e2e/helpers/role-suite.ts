// The checks every role gets. Each role's folder declares them (e2e/<role>/cabinet.spec.ts), with
// the session the setup project stored for that role.
import { expect, type Page, type TestInfo } from "@playwright/test";
import { CABINETS, FORBIDDEN_HEADING, FORBIDDEN_TEXT, cabinet, expectCabinet, saveScreenshot, type Cabinet, type Role } from "./cabinets";

/** The other roles' cabinets, from which `role` must be refused. */
export function othersOf(role: Role): Cabinet[] {
  return CABINETS.filter((c) => c.role !== role);
}

/** The role opens its own cabinet: 200, its <main data-cabinet> and h1; a full-page screenshot is kept. */
export function opensOwnCabinet(role: Role) {
  const own = cabinet(role);
  return async ({ page }: { page: Page }, testInfo: TestInfo) => {
    const response = await page.goto(own.path);
    expect(response?.status(), `HTTP status of ${own.path} for ${role}`).toBe(200);
    await expectCabinet(page, own);
    await saveScreenshot(page, testInfo, `${role}-cabinet`);
  };
}

/** The role opens another role's cabinet: HTTP 403, the 403 page, and none of that cabinet's content. */
export function isRefusedFrom(role: Role, other: Cabinet) {
  return async ({ page }: { page: Page }) => {
    const response = await page.goto(other.path);
    expect(response?.status(), `HTTP status of ${other.path} for ${role}`).toBe(403);
    await expect(page.getByRole("heading", { name: FORBIDDEN_HEADING })).toBeVisible();
    await expect(page.getByText(FORBIDDEN_TEXT)).toBeVisible();
    await expect(page.locator(`main[data-cabinet="${other.role}"]`)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: other.heading, exact: true })).toHaveCount(0);
  };
}
