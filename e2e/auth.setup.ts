import { expect, test as setup } from "@playwright/test";
import { storageState, type Role } from "./support/auth";

// One signed-in browser state per demo role, made through the login page as a person would:
// pick the demo user, press Sign in, land on the overview.
for (const role of ["ADMIN", "ANALYST", "VIEWER"] as Role[]) {
  setup(`sign in as the demo ${role.toLowerCase()}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByTestId(`demo-user-${role.toLowerCase()}`).click();
    await page.getByTestId("sign-in").click();
    await expect(page).toHaveURL(/\/overview$/);
    await page.getByTestId("user-menu-button").click();
    await expect(page.getByRole("menu")).toContainText(role);
    await page.context().storageState({ path: storageState(role) });
  });
}
