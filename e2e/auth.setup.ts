import { test as setup } from "@playwright/test";
import { SEEDED_ACCOUNTS, sessionFile, signInWithForm } from "./support";

// Each seeded account signs in through the form once per run; the journeys start from the stored session.
// Tagged @engines so that `--grep @engines` (test:e2e:pg) still runs it.
for (const email of SEEDED_ACCOUNTS) {
  setup(`sign in ${email}`, { tag: "@engines" }, async ({ page }) => {
    await signInWithForm(page, email);
    await page.context().storageState({ path: sessionFile(email) });
  });
}
