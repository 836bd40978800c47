import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUserRoutes } from '../../../server/src/access/user-routes';
import { DEMO_AGENCIES } from '../../../server/src/access/demo-agencies';
import { MemoryAgencyStore } from '../../../server/src/persistence/memory/memory-agency-store';
import { aUser, createAccessTestApp, passwords } from '../access/access-test-app';

async function adminApp() {
  const agencies = new MemoryAgencyStore();
  for (const agency of DEMO_AGENCIES) await agencies.put({ ...agency, provinceCode: '00' });
  return createAccessTestApp({
    users: [aUser({ id: 'u-admin', username: 'admin', role: 'administrator', agencyId: 'tinh-demo' })],
    extra: (app, { users }) => app.route('/api/users', createUserRoutes({ users, agencies, passwords })),
  });
}

const isProblem = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('application/problem+json');

describe('hostile input', () => {
  it('answers any JSON value posted as a new user with a 4xx problem and stores nothing', async () => {
    // given
    const { app, users, bearer } = await adminApp();
    const headers = { ...(await bearer('admin')), 'content-type': 'application/json' };
    // when / then
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await app.request('/api/users', { method: 'POST', headers, body: JSON.stringify(value) });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(isProblem(response)).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect((await users.list()).map((user) => user.username)).toEqual(['admin']);
  });

  it('answers any text posted as JSON with 400 or 415, never 500', async () => {
    // given
    const { app, bearer } = await adminApp();
    const auth = await bearer('admin');
    // when / then
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, type) => {
        const response = await app.request('/api/users', { method: 'POST', headers: { ...auth, 'content-type': type }, body });
        expect([400, 415, 422, 409]).toContain(response.status);
        expect(isProblem(response)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any Authorization header that is not a valid session with 401', async () => {
    // given
    const { app } = await adminApp();
    // when / then
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }).filter((text) => /^[\x20-\x7e]+$/.test(text.trim()) && text.trim() !== ''), async (header) => {
        const response = await app.request('/api/auth/me', { headers: { authorization: header } });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      }),
      { numRuns: 200 },
    );
  });
});
