import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../../server/src/http/api-router';
import { problemResponse } from '../../../server/src/http/problem-schema';
import { createAccessTestApp, postJson } from '../access/access-test-app';

/** An app with one validated route, POST /api/echo, that counts what it accepted. */
async function echoApp(safety: Parameters<typeof createAccessTestApp>[0] = {}) {
  const accepted: unknown[] = [];
  const routes = createApiRouter();
  routes.openapi(
    createRoute({
      method: 'post',
      path: '/',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                applicant: z.object({ name: z.string().min(1), idNumber: z.string().regex(/^\d{12}$/) }),
                documents: z.array(z.object({ name: z.string(), copies: z.number().int().positive() })),
              }),
            },
          },
        },
      },
      responses: { 200: { description: 'echo', content: { 'application/json': { schema: z.unknown() } } }, 400: problemResponse('invalid') },
    }),
    (c) => {
      accepted.push(c.req.valid('json'));
      return c.json(c.req.valid('json'), 200);
    },
  );
  const setup = await createAccessTestApp({ ...safety, extra: (app) => app.route('/api/echo', routes) });
  return { ...setup, accepted };
}

const valid = { applicant: { name: 'Nguyễn Văn A', idNumber: '001234567890' }, documents: [{ name: 'Tờ khai', copies: 1 }] };

describe('request bodies', () => {
  it('passes a valid JSON body to the route', async () => {
    // given
    const { app, accepted } = await echoApp();
    // when
    const response = await app.request('/api/echo', postJson(valid));
    // then
    expect(response.status).toBe(200);
    expect(accepted).toEqual([valid]);
  });

  it('answers 400 VALIDATION_FAILED with an issue naming each bad field', async () => {
    // given
    const { app, accepted } = await echoApp();
    // when
    const response = await app.request('/api/echo', postJson({ applicant: { name: '', idNumber: '12' }, documents: [{ name: 'Tờ khai', copies: 0 }] }));
    // then
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.issues.map((issue: { path: string }) => issue.path)).toEqual(['applicant.name', 'applicant.idNumber', 'documents[0].copies']);
    expect(accepted).toEqual([]);
  });

  it('answers 400 INVALID_JSON for a body that does not parse, and for an empty JSON body', async () => {
    // given
    const { app, accepted } = await echoApp();
    // when
    const broken = await app.request('/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"applicant": {' });
    const empty = await app.request('/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    // then
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ status: 400, code: 'INVALID_JSON' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'INVALID_JSON', detail: 'The body is empty.' });
    expect(accepted).toEqual([]);
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a form or XML body', async () => {
    // given
    const { app, accepted } = await echoApp();
    // when
    const form = await app.request('/api/echo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'applicant=x' });
    const xml = await app.request('/api/echo', { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
    // then
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(xml.status).toBe(415);
    expect(accepted).toEqual([]);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over the limit, before the route reads it', async () => {
    // given
    const { app, accepted } = await echoApp({ safety: { maxBodyBytes: 1024 } });
    const huge = { ...valid, documents: Array.from({ length: 100 }, (_, i) => ({ name: `Giấy tờ số ${i}`, copies: 1 })) };
    // when
    const response = await app.request('/api/echo', postJson(huge));
    // then
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', maxBytes: 1024 });
    expect(accepted).toEqual([]);
  });
});
