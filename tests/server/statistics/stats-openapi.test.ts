/**
 * The dashboard routes are described in `/api/openapi.json` (the browser pages are built against it), and an empty
 * province answers zeros with no rate rather than a division by zero.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';

describe('the dashboard API contract', () => {
  it('lists every statistics, heatmap and event route in the OpenAPI document', async () => {
    // given
    const t = await createTestApp();
    // when
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    // then
    for (const path of ['summary', 'breakdown', 'trend', 'delays', 'steps', 'dossiers']) expect(document.paths).toHaveProperty([`/api/stats/${path}`]);
    expect(document.paths).toHaveProperty(['/api/heatmap/{key}/versions/{version}']);
    expect(document.paths).toHaveProperty(['/api/heatmap/{key}/versions/{version}/elements/{elementId}/dossiers']);
    expect(document.paths).toHaveProperty(['/api/events']);
  });

  it('answers zeros and null rates when nothing was received, and 400 for a period that ends before it starts', async () => {
    // given
    const t = await createTestApp();
    const headers = await t.as('supervisor');
    // when
    const empty = await t.app.request('/api/stats/summary?from=2025-03-01&to=2025-03-31', { headers });
    const reversed = await t.app.request('/api/stats/summary?from=2025-03-31&to=2025-03-01', { headers });
    const badDate = await t.app.request('/api/stats/summary?from=yesterday', { headers });
    // then
    expect(await empty.json()).toMatchObject({ received: 0, processed: 0, onTimeRate: null, averageProcessingDays: null, onlineRate: null, period: { from: '2025-03-01', to: '2025-03-31' } });
    expect(reversed.status).toBe(400);
    expect(badDate.status).toBe(400);
    expect(reversed.headers.get('content-type')).toContain('application/problem+json');
  });
});
