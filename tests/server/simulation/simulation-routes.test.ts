/**
 * `POST /api/simulation/runs` through the app: a what-if on a deployed procedure answers its figures; an unknown
 * procedure, a malformed or an out-of-bounds scenario are RFC 9457 problems in Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';

const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: Record<string, string>;

const run = (body: unknown) => t.app.request('/api/simulation/runs', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await createTestApp({ startAt: Date.UTC(2025, 2, 3, 1, 0) });
  analyst = await t.as('analyst');
  const deployed = await t.app.request('/api/procedures', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'thu-mo-phong', xml }) });
  expect(deployed.status).toBe(201);
});

describe('POST /api/simulation/runs', () => {
  it('simulates a deployed procedure without history from its step budgets and typed durations, and answers the on-time share', async () => {
    const response = await run({ procedureKey: 'thu-mo-phong', from: '2025-04-01', to: '2025-04-30', arrivalsPerWorkingDay: 5, stepHours: { 'task-review': 30 }, staffing: { 'so-tai-chinh': 1 }, seed: 2 });
    expect(response.status).toBe(200);
    const body = await response.json() as { version: number; result: { complete: boolean; dossiers: { received: number }; onTime: { share: number; ci95: { low: number; high: number } }; units: { key: string }[] } };
    expect(body.version).toBe(1);
    expect(body.result.complete).toBe(true);
    expect(body.result.dossiers.received).toBeGreaterThan(50);
    // one official for a 30-hour review at 5 a day cannot keep up: most dossiers are late
    expect(body.result.onTime.share).toBeLessThan(0.5);
    expect(body.result.onTime.ci95.low).toBeLessThanOrEqual(body.result.onTime.share);
    expect(body.result.units.map((unit) => unit.key)).toContain('so-tai-chinh');
  });

  it('simulates a draft given as XML: the draft giving the review 3 working days instead of 2 (the deadline 6 instead of 5) finishes more dossiers on time than the deployed model', async () => {
    const scenario = { procedureKey: 'thu-mo-phong', from: '2025-04-01', to: '2025-04-30', arrivalsPerWorkingDay: 5, stepHours: { 'task-review': 14 }, seed: 3 };
    const deployed = await (await run(scenario)).json() as { result: { onTime: { share: number } } };
    const longer = xml.replace(/(<bpmn:userTask id="task-review"[^>]*>\s*<bpmn:extensionElements><lt:budget value=")2(")/, '$13$2').replace('statutoryValue="5"', 'statutoryValue="6"');
    expect(longer).not.toBe(xml);
    const response = await run({ ...scenario, xml: longer });
    expect(response.status).toBe(200);
    const drafted = await response.json() as { version: number; result: { onTime: { share: number } } };
    expect(drafted.version).toBe(0);
    expect(drafted.result.onTime.share).toBeGreaterThan(deployed.result.onTime.share);
    const broken = await run({ ...scenario, xml: '<not-bpmn/>' });
    expect(broken.status).toBe(422);
    expect(await broken.json()).toMatchObject({ code: 'PROCEDURE_INVALID', title: 'Bản nháp chưa hợp lệ để mô phỏng' });
  });

  it('answers 404 for an unknown procedure, 400 for a malformed scenario and for one over 20,000 dossiers, as problems', async () => {
    const unknown = await run({ procedureKey: 'khong-co', from: '2025-04-01', to: '2025-04-30' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(await unknown.json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', title: 'Không có thủ tục này' });
    const malformed = await run({ procedureKey: 'thu-mo-phong', from: '1/4/2025', to: '2025-04-30' });
    expect(malformed.status).toBe(400);
    const tooLarge = await run({ procedureKey: 'thu-mo-phong', from: '2025-01-01', to: '2025-12-31', arrivalsPerWorkingDay: 500 });
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toMatchObject({ code: 'SCENARIO_TOO_LARGE', title: 'Kịch bản vượt giới hạn mô phỏng', issues: [expect.stringContaining('at most 20000')] });
  });
});
