/**
 * `POST /api/simulation/forecasts` through the app on the seeded history: next month on the server's clock by default,
 * the predicted on-time share at the measured and at twice the arrival rate on the same seed (lower when the
 * appraisal unit's two officials cannot keep up), beside the on-time rate measured over the history; bounded inputs
 * refused as RFC 9457 problems in Vietnamese; the same answer for the same request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApp } from '../statistics/seeded-app';

type Figures = { arrivalFactor: number; expectedDossiers: number; received: number; complete: boolean; onTimeShare: number; ci95: { low: number; high: number }; late: number; mostResponsibleAgencyId?: string; units: { key: string; officials?: number; utilisation?: number }[] };
type Forecast = { version: number; period: { from: string; to: string }; history: { from: string; to: string; received: number; perWorkingDay: number }; measured: { onTimeRate: number | null; processed: number } | null; baseline: Figures; scenario: Figures };

let t: Awaited<ReturnType<typeof createSeededApp>>;
const KEY = 'seed-xay-dung';
const staffing = { 'so-xay-dung': 1 };

beforeAll(async () => {
  t = await createSeededApp(150);
}, 600_000);
afterAll(async () => {
  await (t as unknown as { close?: () => Promise<void> })?.close?.();
});

const forecast = async (user: string, body: unknown) => {
  const response = await t.app.request('/api/simulation/forecasts', { method: 'POST', headers: { ...(await t.as(user)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() as Forecast & Record<string, unknown> };
};

describe('POST /api/simulation/forecasts', () => {
  it('predicts next month at twice the measured arrivals: fewer dossiers on time than at the measured rate when one official appraises, the appraisal unit busier', async () => {
    // when a supervisor asks on Thursday 17/4/2025 what happens if arrivals double
    const { status, body } = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 2, staffing });
    // then the period is May 2025, measured on the 90 days before it up to today
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2025-05-01', to: '2025-05-31' });
    expect(body.history).toMatchObject({ from: '2025-01-31', to: '2025-04-17' });
    expect(body.history.received).toBeGreaterThan(30);
    // and twice the dossiers are expected, fewer of them on time, the appraisal unit busier
    expect(body.scenario.expectedDossiers).toBeCloseTo(2 * body.baseline.expectedDossiers, 6);
    expect(body.scenario.received).toBeGreaterThan(body.baseline.received);
    expect(body.scenario.onTimeShare).toBeLessThan(body.baseline.onTimeShare);
    expect(body.scenario.ci95.low).toBeLessThanOrEqual(body.scenario.onTimeShare);
    expect(body.scenario.ci95.high).toBeGreaterThanOrEqual(body.scenario.onTimeShare);
    const appraisal = (figures: Figures) => figures.units.find((unit) => unit.key === 'so-xay-dung')!;
    expect(appraisal(body.scenario).officials).toBe(1);
    expect(appraisal(body.scenario).utilisation!).toBeGreaterThan(appraisal(body.baseline).utilisation!);
    // and the lateness is attributed, most of it to the overloaded appraisal
    expect(body.scenario.mostResponsibleAgencyId).toBe('so-xay-dung');
    // and the measured on-time rate of the history is beside it
    expect(body.measured).not.toBeNull();
    expect(body.measured!.processed).toBeGreaterThan(0);
    expect(body.measured!.onTimeRate).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('answers the same figures for the same request, and no measured rate to an analyst, who reads no statistics', async () => {
    const first = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 1.5, from: '2025-05-05', to: '2025-05-16', seed: 9 });
    const again = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 1.5, from: '2025-05-05', to: '2025-05-16', seed: 9 });
    expect(again.body.scenario).toEqual(first.body.scenario);
    expect(first.body.period).toEqual({ from: '2025-05-05', to: '2025-05-16' });
    const analyst = await forecast('analyst', { procedureKey: KEY, arrivalFactor: 1.5, from: '2025-05-05', to: '2025-05-16', seed: 9 });
    expect(analyst.status).toBe(200);
    expect(analyst.body.measured).toBeNull();
    expect(analyst.body.scenario).toEqual(first.body.scenario);
  }, 120_000);

  it('refuses a multiplier outside ×0.1–×5, a period over a quarter and a unit with no official, in Vietnamese, and an official', async () => {
    const tooMany = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 6 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.type).toContain('application/problem+json');
    expect(tooMany.body).toMatchObject({ code: 'SCENARIO_OUT_OF_BOUNDS', title: 'Kịch bản nằm ngoài giới hạn dự báo', issues: ['Hệ số lượng hồ sơ phải từ ×0.1 đến ×5'] });
    const long = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 2, from: '2025-05-01', to: '2025-09-30', staffing: { 'so-xay-dung': 0 } });
    expect(long.status).toBe(400);
    expect(long.body.issues).toEqual(['Kỳ dự báo phải dài từ 1 đến 92 ngày', 'Số cán bộ mỗi đơn vị phải là số nguyên từ 1 đến 500']);
    const halfPeriod = await forecast('supervisor', { procedureKey: KEY, arrivalFactor: 2, from: '2025-05-01' });
    expect(halfPeriod.status).toBe(400);
    expect((await forecast('supervisor', { procedureKey: 'khong-co', arrivalFactor: 2 })).status).toBe(404);
    expect((await forecast('official.dkkd', { procedureKey: KEY, arrivalFactor: 2 })).status).toBe(403);
  }, 120_000);
});
