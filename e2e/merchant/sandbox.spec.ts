// Sandbox in the merchant cabinet: the demo sandbox store carries a Sandbox badge, and the
// live/sandbox switch (a cookie of this browser context only) changes which stores' balances and
// orders the dashboard shows.
import { expect, test } from "@playwright/test";
import { waitForHydration } from "../helpers/cabinets";
import { sessionFile } from "../helpers/run";
import { DEMO_STORE_NAME } from "./merchant-data";

test.use({ storageState: sessionFile("merchant") });

const SANDBOX_STORE_NAME = "Demo Sandbox Store";

test("marks the sandbox store and switches the dashboard between live and sandbox data", async ({ page }) => {
  await page.goto("/merchant/stores");
  const sandboxCard = page.locator("[data-slot=card]", { has: page.getByText(SANDBOX_STORE_NAME, { exact: true }) });
  await expect(sandboxCard.getByTestId("sandbox-badge")).toHaveText("Sandbox");
  const liveCard = page.locator("[data-slot=card]", { has: page.getByText(DEMO_STORE_NAME, { exact: true }) });
  await expect(liveCard.getByTestId("sandbox-badge")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create sandbox store" })).toBeVisible();

  await page.goto("/merchant");
  const switcher = page.getByRole("group", { name: "Show live or sandbox data" });
  await waitForHydration(switcher.getByRole("button", { name: "Sandbox" }));
  await expect(switcher.getByRole("button", { name: "Live" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("table", { name: `Balances of ${DEMO_STORE_NAME}` })).toBeVisible();
  await expect(page.getByText(SANDBOX_STORE_NAME)).toHaveCount(0);

  await switcher.getByRole("button", { name: "Sandbox" }).click();
  await expect(switcher.getByRole("button", { name: "Sandbox" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: "Sandbox data" })).toBeVisible();
  await expect(page.getByText(SANDBOX_STORE_NAME).first()).toBeVisible();
  await expect(page.getByRole("table", { name: `Balances of ${DEMO_STORE_NAME}` })).toHaveCount(0);

  await switcher.getByRole("button", { name: "Live" }).click();
  await expect(page.getByRole("table", { name: `Balances of ${DEMO_STORE_NAME}` })).toBeVisible();
});
