/** @module browserWorkspacePage — what the workspace browser tests do again and again: sign in through the page, read a table. */
import type { Page } from 'playwright-core';

/** Signs in through the workspaces' sign-in form (password = username for demo users) and waits for the user bar. */
export async function signInThroughPage(page: Page, username: string): Promise<void> {
  const form = page.locator('form.sign-in');
  await form.waitFor();
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(username);
  await form.locator('button[type="submit"]').click();
  await page.locator('.ws-page-body').waitFor();
}

/** Forgets the session so the next page asks for a sign-in again. */
export async function signOutThroughStorage(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.removeItem('lienthong.token'));
}
