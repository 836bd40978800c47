import type { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../server/src/http/rate-limiter';
import { createAccessTestApp, createTestClock } from '../access/access-test-app';

/** A stand-in for the citizen lookup route. */
const withLookup = (app: OpenAPIHono) => {
  app.get('/api/lookup/:code', (c) => c.json({ dossierCode: c.req.param('code'), status: 4 }));
};

describe('response headers', () => {
  it('sends a CSP that allows only our own scripts and blob: workers, and the other security headers', async () => {
    // given
    const { app } = await createAccessTestApp({ extra: withLookup });
    // when
    const response = await app.request('/api/lookup/ttpvhcc-250515-0001');
    // then
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends security headers on problem answers too', async () => {
    // given
    const { app } = await createAccessTestApp();
    // when
    const response = await app.request('/api/auth/me');
    // then
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('keeps CORS closed by default: no Access-Control-Allow-Origin, not even on a preflight', async () => {
    // given
    const { app } = await createAccessTestApp({ extra: withLookup });
    // when
    const simple = await app.request('/api/lookup/x', { headers: { origin: 'https://evil.example' } });
    const preflight = await app.request('/api/auth/sign-in', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    // then
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens CORS to an allow-listed origin only', async () => {
    // given
    const { app } = await createAccessTestApp({ extra: withLookup, safety: { allowedOrigins: ['https://dichvucong.demo.gov.vn'] } });
    // when
    const listed = await app.request('/api/lookup/x', { headers: { origin: 'https://dichvucong.demo.gov.vn' } });
    const other = await app.request('/api/lookup/x', { headers: { origin: 'https://evil.example' } });
    // then
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://dichvucong.demo.gov.vn');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits the citizen lookup per client with 429 RATE_LIMITED and Retry-After', async () => {
    // given 3 lookups a minute
    const clock = createTestClock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, clock });
    const { app } = await createAccessTestApp({ extra: withLookup, safety: { rateLimits: [{ path: '/api/lookup/*', limiter }] } });
    for (let i = 0; i < 3; i += 1) expect((await app.request(`/api/lookup/code-${i}`)).status).toBe(200);
    clock.advance(20_500);
    // when
    const limited = await app.request('/api/lookup/code-4');
    clock.advance(39_500);
    const nextMinute = await app.request('/api/lookup/code-5');
    // then
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(nextMinute.status).toBe(200);
  });
});
