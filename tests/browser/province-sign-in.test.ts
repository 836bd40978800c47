/**
 * Single sign-on in a real browser (issue 18 item 3): an official clicks "Đăng nhập bằng tài khoản tỉnh", signs in
 * on the page of the province's identity provider (a real OpenID Connect provider in process,
 * tests/support/oidc-test-provider.ts), and comes back to Liên thông signed in, on their own inbox. A person the
 * directory does not know comes back refused, with the reason in Vietnamese. Screenshots of the sign-in page at 360 and
 * 1280 px go to tests/browser/screenshots/sign-in-province-*.png.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignInMethods } from '../../server/src/access/oidc-config';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';
import { seedWorkingDay, type WorkspaceSeed } from '../support/browser-workspace-seed';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

/** A port nobody listens on now, for the app: the provider must know the app's sign-in address before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

describe.runIf(runnable)('signing in with the province account in the browser', () => {
  let provider: TestProvider;
  let app: WorkspaceTestApp;
  let seed: WorkspaceSeed;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const port = await freePort();
    const redirectUrl = `http://127.0.0.1:${port}/sign-in`;
    provider = await startTestProvider({
      redirectUris: [redirectUrl],
      accounts: { 'motcua.hcc': { email: 'motcua@hcc.demo.gov.vn', name: 'Trần Thị Một Cửa' }, 'nguoi.la': { email: 'nguoi.la@example.vn' } },
    });
    app = await startWorkspaceApp(
      {
        signInMethods: parseSignInMethods({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_REDIRECT_URL: redirectUrl }),
      },
      { port },
    );
    seed = await seedWorkingDay(app);
    // The directory knows the one-stop centre's official by the e-mail the province's provider vouches for.
    const official = await app.access.users.getByUsername('official.motcua');
    await app.access.users.update({ ...official!, email: 'motcua@hcc.demo.gov.vn' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
  });

  const open = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 800 }, locale: 'vi-VN', hasTouch: width < 600 });
    return context.newPage();
  };

  /** From the sign-in page through the provider's login page and back. */
  const signInAtProvince = async (page: Page, login: string) => {
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản tỉnh' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('mat-khau-cua-tinh');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === app.url);
  };

  it('offers the province account above the password form, on a phone and on a computer', async () => {
    for (const width of [360, 1280]) {
      // given a visitor on the sign-in page
      const page = await open(width);
      await page.goto(`${app.url}/sign-in`);
      // then the province button shows, with the password form below it for the pilot, and nothing overflows
      const province = page.getByRole('button', { name: 'Đăng nhập bằng tài khoản tỉnh' });
      await province.waitFor();
      expect(await page.locator('.sign-in-or').textContent()).toBe('hoặc dùng tên đăng nhập và mật khẩu');
      expect(await page.locator('form.sign-in input[name="username"]').isVisible()).toBe(true);
      const [provinceBox, usernameBox] = [await province.boundingBox(), await page.locator('form.sign-in input[name="username"]').boundingBox()];
      expect(provinceBox!.y).toBeLessThan(usernameBox!.y);
      expect(provinceBox!.height).toBeGreaterThanOrEqual(44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${screenshots}sign-in-province-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });

  it('brings an official back from the province’s sign-in page signed in, on their own inbox', { timeout: 60_000 }, async () => {
    // given an official of the one-stop centre at the sign-in page
    const page = await open(1280);
    // when they sign in at the province's provider
    await signInAtProvince(page, 'motcua.hcc');
    // then they are home on their inbox, signed in as themselves, with the centre's dossiers and no code in the address
    await page.waitForURL((url) => url.pathname === '/inbox');
    expect(await page.locator('.app-user-name').textContent()).toBe('Trần Văn Tiếp Nhận');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain(seed.overdue.dossierCode);
    expect(new URL(page.url()).search).toBe('');
    await page.screenshot({ path: `${screenshots}sign-in-province-inbox-1280.png` });
    await page.context().close();
  });

  it('brings a person the directory does not know back refused, saying why in Vietnamese', { timeout: 60_000 }, async () => {
    // given someone the province knows but Liên thông does not
    const page = await open(360);
    // when they sign in at the province's provider
    await signInAtProvince(page, 'nguoi.la');
    // then they stay signed out, on the sign-in page, told to ask an administrator
    const error = page.locator('.sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('tài khoản tỉnh này chưa được đăng ký trong Liên thông');
    expect(await page.evaluate(() => localStorage.getItem('lienthong.token'))).toBeNull();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.screenshot({ path: `${screenshots}sign-in-province-refused-360.png`, fullPage: true });
    await page.context().close();
  });
});
