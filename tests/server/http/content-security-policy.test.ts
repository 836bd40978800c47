/**
 * The Content Security Policy against our real front end in a real browser (Debian Chromium via playwright-core):
 * an analyst signs in through the modeler's form, against the real sign-in route and demo users, and the modeler
 * (bpmn-js and monaco-editor) starts without a single CSP violation.
 */
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyRoutes } from '../../../server/src/access/agency-routes';
import { authenticate } from '../../../server/src/access/auth-middleware';
import { createAuthRoutes } from '../../../server/src/access/auth-routes';
import { seedDemoAccess } from '../../../server/src/access/seed-demo-access';
import { createSessionTokens } from '../../../server/src/access/session-tokens';
import { applyHttpSafety } from '../../../server/src/http/apply-http-safety';
import { SignInThrottle } from '../../../server/src/access/sign-in-throttle';
import { createMemoryAccessStores } from '../../../server/src/persistence/memory/create-memory-access-stores';
import { createFrontEndRoutes } from '../../../server/src/routes/front-end-routes';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { SECRET, createTestClock, passwords } from '../access/access-test-app';

// LIENTHONG_TEST_FRONT_END: a front end built elsewhere (`vite build --outDir`), so parallel builds do not race.
const frontEnd = process.env.LIENTHONG_TEST_FRONT_END ?? fileURLToPath(new URL('../../../modeler/dist', import.meta.url));
const built = existsSync(`${frontEnd}/index.html`);
const runnable = chromiumAvailable() && built;
if (!runnable) console.log(`skipped: ${built ? 'no chromium at /usr/bin/chromium' : 'modeler/dist not built (npm run build:modeler)'}`);

describe.runIf(runnable)('the Content Security Policy in a browser', () => {
  let server: ReturnType<typeof serve>;
  let url = '';

  beforeAll(async () => {
    const clock = createTestClock(Date.now());
    const access = createMemoryAccessStores();
    await seedDemoAccess({ users: access.users, agencies: access.agencies, passwords });
    const tokens = createSessionTokens({ secret: SECRET, clock });
    const app = new OpenAPIHono();
    applyHttpSafety(app, { clock, idempotencyStore: access.idempotency, authenticate: authenticate({ tokens, users: access.users }) });
    app.route('/api/auth', createAuthRoutes({ users: access.users, tokens, passwords, signInThrottle: new SignInThrottle({ clock }) }));
    app.route('/api/agencies', createAgencyRoutes({ agencies: access.agencies }));
    app.get('/api/procedures', (c) => c.json([]));
    app.route('/', createFrontEndRoutes(frontEnd));
    await new Promise<void>((started) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        url = `http://127.0.0.1:${info.port}`;
        started();
      });
    });
  });

  afterAll(async () => {
    await new Promise<void>((closed) => server?.close(() => closed()));
  });

  it('lets the modeler sign in and start bpmn-js and monaco-editor without a CSP violation', async () => {
    // given
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      // when
      const response = await page.goto(`${url}/sign-in`, { waitUntil: 'networkidle' });
      await page.getByLabel('Tên đăng nhập').fill('analyst');
      await page.getByLabel('Mật khẩu').fill('analyst');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.locator('.djs-container').first().waitFor();
      await page.locator('.monaco-editor').first().waitFor({ state: 'attached' });
      // then
      expect(response?.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
