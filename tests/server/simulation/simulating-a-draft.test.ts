/**
 * `POST /api/simulation/runs` on an analyst's draft (the modeler's "Mô phỏng", issue 19): a draft of a procedure never
 * deployed runs on its budgets and typed durations; a scenario naming a step or a unit the draft does not have, or
 * branch shares over 1, is refused naming the element; oversized drafts and changes are refused before any work.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';

const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: Record<string, string>;

const run = (body: unknown) => t.app.request('/api/simulation/runs', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const scenario = { procedureKey: 'ban-nhap-chua-trien-khai', xml, from: '2025-04-01', to: '2025-04-30', arrivalsPerWorkingDay: 4, seed: 5 };

beforeAll(async () => {
  t = await createTestApp({ startAt: Date.UTC(2025, 2, 3, 1, 0) });
  analyst = await t.as('analyst');
});

describe('simulating a draft that was never deployed', () => {
  it('runs on the draft alone, and two more officials at the review unit raise the on-time share', async () => {
    // given a review that takes 6 working hours on average at 4 dossiers a day
    const base = { ...scenario, stepHours: { 'task-review': 6 } };
    // when the review unit has 3 officials, then 5
    const a = await run({ ...base, staffing: { 'so-tai-chinh': 3 } });
    const b = await run({ ...base, staffing: { 'so-tai-chinh': 5 } });
    // then both run as version 0 (a draft), and B is on time more often
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const [ra, rb] = await Promise.all([a.json(), b.json()]) as { version: number; result: { onTime: { share: number }; units: { key: string; utilisation?: number }[] } }[];
    expect(ra!.version).toBe(0);
    expect(rb!.result.onTime.share).toBeGreaterThan(ra!.result.onTime.share);
    const utilisation = (answer: typeof ra) => answer!.result.units.find((unit) => unit.key === 'so-tai-chinh')?.utilisation ?? 0;
    expect(utilisation(rb)).toBeLessThan(utilisation(ra));
  });

  it('with a longer budget for the review in B, the review is late less often and the lateness moves to the appraisal\'s agency, on-time share unchanged', async () => {
    // given a review and an appraisal both taking 20 working hours on average against 2-day (16-hour) budgets
    const base = { ...scenario, stepHours: { 'task-review': 20, 'task-appraise': 20 } };
    // when B gives the review 10 working days of the deadline instead of 2 (the statutory 5 days stay)
    const a = await run(base);
    const b = await run({ ...base, stepBudgets: { 'task-review': 10 } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    type Answer = { result: { onTime: { share: number }; steps: { elementId: string; lateShare: number; meanWorkingHours: number }[]; lateness: { late: number; byAgency: Record<string, number>; mostResponsibleAgencyId?: string } } };
    const [ra, rb] = await Promise.all([a.json(), b.json()]) as Answer[];
    const review = (answer: Answer) => answer.result.steps.find((step) => step.elementId === 'task-review')!;
    // then the review overran in fewer late dossiers, the Department of Finance answers for fewer, Construction is first
    expect(review(rb!).lateShare).toBeLessThan(review(ra!).lateShare);
    expect(rb!.result.lateness.byAgency['so-tai-chinh'] ?? 0).toBeLessThan(ra!.result.lateness.byAgency['so-tai-chinh']!);
    expect(rb!.result.lateness.mostResponsibleAgencyId).toBe('so-xay-dung');
    // and nothing worked differently: the same dossiers on time, the review as long
    expect(rb!.result.onTime).toEqual(ra!.result.onTime);
    expect(rb!.result.lateness.late).toBe(ra!.result.lateness.late);
    expect(review(rb!).meanWorkingHours).toBe(review(ra!).meanWorkingHours);
  });

  it('refuses a typed duration, a budget or branch shares for a step the draft does not have, and shares over 1, naming each element', async () => {
    // when the scenario names a step that is not in the draft, gives a step shares adding to 1.3, and staffs an unknown unit
    const response = await run({
      ...scenario,
      stepHours: { 'task-khong-co': 8 },
      stepBudgets: { 'task-cung-khong-co': 2 },
      outcomeShares: { 'task-review': { supplement: 0.8, reject: 0.5 } },
      staffing: { 'so-khong-co': 2 },
    });
    // then one problem lists all three, each with its element or unit
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = await response.json() as { code: string; title: string; issues: { elementId: string; code: string; params?: Record<string, unknown> }[] };
    expect(body.code).toBe('SCENARIO_ELEMENT_UNKNOWN');
    expect(body.title).toBe('Kịch bản nêu bước hoặc đơn vị không có trong bản nháp');
    expect(body.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ elementId: 'task-khong-co', code: 'SCENARIO_STEP_UNKNOWN' }),
      expect.objectContaining({ elementId: 'task-cung-khong-co', code: 'SCENARIO_STEP_UNKNOWN' }),
      expect.objectContaining({ elementId: 'task-review', code: 'SCENARIO_SHARES_OVER_ONE', params: { total: 1.3 } }),
      expect.objectContaining({ code: 'SCENARIO_UNIT_UNKNOWN', params: { unit: 'so-khong-co' } }),
    ]));
  });

  it('refuses more than 500 changed steps, a step budget of 0 or over 365 days, a draft over 2 MB and a period over a year before simulating anything', async () => {
    const manySteps = Object.fromEntries(Array.from({ length: 501 }, (_, index) => [`task-${index}`, 1]));
    const tooMany = await run({ ...scenario, stepHours: manySteps });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'stepHours', message: 'at most 500 entries' })] });
    for (const stepBudgets of [{ 'task-review': 0 }, { 'task-review': 366 }, manySteps]) {
      const refused = await run({ ...scenario, stepBudgets });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: expect.stringContaining('stepBudgets') })] });
    }
    const huge = await run({ ...scenario, xml: `${xml}<!--${'x'.repeat(2_000_001)}-->` });
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'xml' })] });
    const long = await run({ ...scenario, from: '2025-01-01', to: '2026-06-30', arrivalsPerWorkingDay: 1 });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ code: 'SCENARIO_TOO_LARGE' });
  });
});
