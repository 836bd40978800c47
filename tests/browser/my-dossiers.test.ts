/**
 * "Hồ sơ của tôi" in a real browser (issue 18 item 3): a citizen signs in with their electronic identity through a real
 * OpenID Connect provider started in-process (standing in for VNeID) and sees every dossier whose applicant has the ID
 * number the provider vouches for, and none of anybody else's, on a phone 360 px wide; a stale session asks them to
 * sign in again.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';
import { seedWorkingDay } from '../support/browser-workspace-seed';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

/** A port nobody listens on now, for the app: the provider must know the app's address before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

interface Listed {
  items: { dossierCode: string; applicant: { idNumber: string } }[];
}

describe.runIf(runnable)('a citizen’s own dossiers after signing in with their electronic identity', () => {
  let provider: TestProvider;
  let app: WorkspaceTestApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const port = await freePort();
    const redirectUrl = `http://127.0.0.1:${port}/my-dossiers`;
    provider = await startTestProvider({ redirectUris: [redirectUrl], accounts: { 'cong.dan': { name: 'Nguyễn Văn An', idNumber: '001085000101' } } });
    app = await startWorkspaceApp({ citizenSignIn: { config: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUrl, scope: 'openid profile' } } }, { port });
    await seedWorkingDay(app, { history: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
  });

  it('lists every dossier of the signed-in ID number and no other, at 360 px', { timeout: 120_000 }, async () => {
    // given the dossiers of the province, some of them Nguyễn Văn An's
    const all = (await app.call<Listed>('official.motcua', 'GET', '/api/dossiers?limit=100')).body.items;
    const own = all.filter((dossier) => dossier.applicant.idNumber === '001085000101').map((dossier) => dossier.dossierCode);
    expect(own.length).toBeGreaterThan(1);
    expect(own.length).toBeLessThan(all.length);
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', hasTouch: true })).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // when the citizen opens "Hồ sơ của tôi" and signs in at the identity provider
    await page.goto(`${app.url}/my-dossiers`);
    await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('cong.dan');
    await page.locator('input[name="password"]').fill('mat-khau-vneid');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === app.url);
    await page.locator('.my-dossier').first().waitFor();

    // then every dossier of their ID number is listed, and only those; the code is off the address bar
    const listed = await page.locator('.my-dossier code').allTextContents();
    expect(listed.sort()).toEqual([...own].sort());
    expect(await page.locator('.my-account').textContent()).toContain('Xin chào Nguyễn Văn An.');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}my-dossiers-360.png`, fullPage: true });

    // when the session has expired (the clock moved an hour on) and the page is opened again
    app.clock.advance(3_600_000);
    await page.reload();

    // then the citizen is asked to sign in again
    await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('refuses the list without a session, or with a forged one', async () => {
    expect((await app.call(undefined, 'GET', '/api/citizen/my-dossiers')).status).toBe(401);
    const forged = await app.app.request('/api/citizen/my-dossiers', { headers: { 'x-citizen-session': 'eyJhbGciOiJIUzI1NiJ9.eyJpZG4iOiIwMDEwODUwMDAxMDEifQ.c2lnbmF0dXJl' } });
    expect(forged.status).toBe(401);
  });
});

describe.runIf(runnable)('“Hồ sơ của tôi” where the province has not opened the citizens’ sign-in', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWorkspaceApp({});
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('offers no sign-in that can only fail, says why in Vietnamese and leads to the lookup by code, at 360 px', { timeout: 60_000 }, async () => {
    // given a server without the citizens' identity provider, and a citizen on a phone
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', hasTouch: true })).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // when they open "Hồ sơ của tôi"
    await page.goto(`${app.url}/my-dossiers`);
    await page.locator('.my-closed').waitFor();

    // then no VNeID button is offered, the page says the sign-in is not open, and the lookup is one tap away
    expect(await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).count()).toBe(0);
    expect(await page.locator('.my-closed').textContent()).toContain('chưa mở đăng nhập bằng tài khoản định danh điện tử');
    await page.screenshot({ path: `${screenshots}my-dossiers-closed-360.png`, fullPage: true });
    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.waitForURL((url) => url.pathname === '/lookup');
    expect(pageErrors).toEqual([]);
  });
});
