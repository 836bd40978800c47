import { describe, expect, it } from 'vitest';
import { requirePermission, requireRole } from '../../../server/src/access/auth-middleware';
import { aUser, createAccessTestApp, postJson } from './access-test-app';

const steps: Record<string, { agencyId: string; departmentId?: string }> = {
  's-dkkd': { agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' },
  's-congan': { agencyId: 'cong-an-xa-demo' },
};

async function guardedApp() {
  return createAccessTestApp({
    users: [
      aUser({ id: 'u1', username: 'official.dkkd', agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' }),
      aUser({ id: 'u2', username: 'analyst', role: 'analyst', agencyId: 'tinh-demo' }),
    ],
    extra: (app) => {
      app.post('/api/procedures', requireRole('analyst'), (c) => c.json({ deployed: true }, 201));
      app.post('/api/steps/:id/complete', requirePermission('step.act', (c) => steps[c.req.param('id') ?? ''] ?? {}), (c) => c.json({ completed: c.req.param('id') }));
    },
  });
}

describe('route guards', () => {
  it('lets an official complete a step of their own department', async () => {
    // given
    const { app, bearer } = await guardedApp();
    // when
    const response = await app.request('/api/steps/s-dkkd/complete', { method: 'POST', headers: await bearer('official.dkkd') });
    // then
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ completed: 's-dkkd' });
  });

  it("answers 403 FORBIDDEN with the policy's reason when an official acts on another agency's step", async () => {
    // given
    const { app, bearer } = await guardedApp();
    // when
    const response = await app.request('/api/steps/s-congan/complete', { method: 'POST', headers: await bearer('official.dkkd') });
    // then
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 403, code: 'FORBIDDEN', detail: 'This step belongs to another unit.', instance: '/api/steps/s-congan/complete' });
  });

  it('answers 403 FORBIDDEN when an official deploys a procedure, and lets the analyst deploy', async () => {
    // given
    const { app, bearer } = await guardedApp();
    // when
    const official = await app.request('/api/procedures', postJson({}, await bearer('official.dkkd')));
    const analyst = await app.request('/api/procedures', postJson({}, await bearer('analyst')));
    // then
    expect(official.status).toBe(403);
    expect(await official.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(analyst.status).toBe(201);
  });

  it('answers 401 UNAUTHENTICATED, not 403, to a guarded route without a token', async () => {
    // given
    const { app } = await guardedApp();
    // when
    const response = await app.request('/api/steps/s-dkkd/complete', { method: 'POST' });
    // then
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
