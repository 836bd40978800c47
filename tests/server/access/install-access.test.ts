import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { installAccess } from '../../../server/src/access/install-access';
import { seedDemoAccess } from '../../../server/src/access/seed-demo-access';
import { requirePermission } from '../../../server/src/access/auth-middleware';
import { toProblemResponse } from '../../../server/src/http/http-problem';
import { problemFromError } from '../../../server/src/http/problem-from-error';
import { validationHook } from '../../../server/src/http/validation-hook';
import { createMemoryAccessStores } from '../../../server/src/persistence/memory/create-memory-access-stores';
import { SECRET, createTestClock, passwords, postJson } from './access-test-app';

/** The app as createApp composes it once the access layer is wired (see the report to the lead). */
async function wiredApp() {
  const clock = createTestClock();
  const access = createMemoryAccessStores();
  await seedDemoAccess({ ...access, passwords });
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use('*', requestId());
  installAccess(app, { ...access, clock, sessionSecret: SECRET });
  app.post('/api/dossiers', requirePermission('dossier.receive', () => ({ agencyId: 'ttpvhcc' })), (c) => c.json({ received: true }, 201));
  app.get('/api/lookup/:code', (c) => c.json({ status: 4 }));
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Liên thông API', version: '0' } });
  app.onError((error, c) => {
    const problem = problemFromError(error);
    if (problem) return toProblemResponse(problem, c.req.path);
    return c.json({ code: 'INTERNAL' }, 500);
  });
  return app;
}

async function signIn(app: OpenAPIHono, username: string): Promise<Record<string, string>> {
  const response = await app.request('/api/auth/sign-in', postJson({ username, password: username }));
  return { authorization: `Bearer ${(await response.json()).token}` };
}

describe('installAccess', () => {
  it('lets the demo one-stop official receive a dossier at their centre, once per Idempotency-Key, and refuses the police official', async () => {
    // given
    const app = await wiredApp();
    const motcua = { ...(await signIn(app, 'official.motcua')), 'idempotency-key': 'intake-1' };
    // when
    const first = await app.request('/api/dossiers', postJson({ applicant: 'A' }, motcua));
    const retry = await app.request('/api/dossiers', postJson({ applicant: 'A' }, motcua));
    const police = await app.request('/api/dossiers', postJson({ applicant: 'A' }, await signIn(app, 'official.congan')));
    // then
    expect(first.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(police.status).toBe(403);
    expect(await police.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('limits the citizen lookup to 30 a minute per address by default', async () => {
    // given
    const app = await wiredApp();
    for (let i = 0; i < 30; i += 1) await app.request(`/api/lookup/c${i}`);
    // when
    const response = await app.request('/api/lookup/c31');
    // then
    expect(response.status).toBe(429);
  });

  it('documents the auth, user and agency routes in the OpenAPI document', async () => {
    // given
    const app = await wiredApp();
    // when
    const document = await (await app.request('/api/openapi.json')).json();
    // then
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/auth/me', '/api/auth/password', '/api/users', '/api/users/{id}', '/api/agencies', '/api/agencies/{id}']),
    );
  });
});
