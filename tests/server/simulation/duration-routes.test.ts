/**
 * `GET /api/simulation/durations` through the app on the seeded history (three procedures, dossiers worked on a
 * simulated clock): per step the count of completed steps in the stores, p50 ≤ p90 in working days, the sample size of
 * the fitted distribution, the supplement share where supplements were asked, the slowest three ranked by p90, branch
 * shares that add up per gateway, the arrivals received; the CSV for Excel with a BOM and Vietnamese headers; bounded
 * periods and access as RFC 9457 problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApp, getAs, SEED_START } from '../statistics/seeded-app';

type Figures = { count: number; p50WorkingDays?: number; p90WorkingDays?: number; waiting: { sampleSize: number; p50WorkingDays?: number; p90WorkingDays?: number }; unclaimedCount: number; fitted: { method: string; sampleSize: number }; supplementShare: number; returnShare: number };
type Durations = {
  version: number; period: { from: string; to: string };
  rows: (Figures & { procedureVersion: number; elementId: string; agencyId?: string; departmentId?: string })[];
  steps: (Figures & { elementId: string; stepName?: string; slowestRank?: number })[];
  gateways: { gatewayId: string; flows: { share: number }[] }[];
  arrivals: { received: number; perWorkingDay: number; weekdayFactors?: Record<string, number> };
};

let t: Awaited<ReturnType<typeof createSeededApp>>;
const KEY = 'seed-xay-dung';

beforeAll(async () => {
  t = await createSeededApp(150);
}, 600_000);
afterAll(async () => {
  await (t as unknown as { close?: () => Promise<void> })?.close?.();
});

/** The completed user tasks of the procedure's dossiers, as the stores hold them. */
async function completedSteps(): Promise<{ elementId: string; agencyId?: string; claimedAt?: number }[]> {
  const dossiers = await t.stores.dossiers.list({ procedureKey: KEY }, { offset: 0, limit: 1000 });
  const steps: { elementId: string; agencyId?: string; claimedAt?: number }[] = [];
  for (const dossier of dossiers.items) {
    const page = await t.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 100 });
    steps.push(...page.items.filter((step) => step.kind === 'userTask' && step.completedAt !== undefined));
  }
  return steps;
}

describe('GET /api/simulation/durations', () => {
  it('measures each step of the version in working days with its sample size, and ranks the three slowest by p90', async () => {
    // when a supervisor asks for the 90 days before today (the default)
    const { status, body } = await getAs<Durations>(t, 'supervisor', `/api/simulation/durations?procedureKey=${KEY}&version=1`);
    // then every step's count is the number of its completed steps in the stores
    expect(status).toBe(200);
    const stored = await completedSteps();
    expect(body.steps.length).toBeGreaterThanOrEqual(3);
    for (const step of body.steps) {
      expect(step.count).toBe(stored.filter((s) => s.elementId === step.elementId).length);
      expect(step.fitted.sampleSize).toBe(step.count);
      expect(step.p50WorkingDays!).toBeLessThanOrEqual(step.p90WorkingDays!);
      expect(step.p50WorkingDays!).toBeGreaterThanOrEqual(0);
      // the wait for an official is measured on the claimed steps, the rest counted as work and reported
      const claimed = stored.filter((s) => s.elementId === step.elementId && s.claimedAt !== undefined).length;
      expect(claimed).toBeGreaterThan(0);
      expect(step.waiting.sampleSize).toBe(claimed);
      expect(step.unclaimedCount).toBe(step.count - claimed);
      expect(step.waiting.p50WorkingDays!).toBeLessThanOrEqual(step.waiting.p90WorkingDays!);
    }
    // and the appraisal (a fifth of them 80–200 hours on the clock, nights and weekends between) is in working days
    const appraisal = body.steps.find((step) => step.elementId === 'task-appraise')!;
    expect(appraisal.fitted.method).toBe('empirical');
    expect(appraisal.p90WorkingDays!).toBeGreaterThanOrEqual(1);
    expect(appraisal.p90WorkingDays!).toBeLessThan(10);
    // and the ranks 1–3 go to the three longest p90s, in order
    const ranked = body.steps.filter((step) => step.slowestRank !== undefined).sort((a, b) => a.slowestRank! - b.slowestRank!);
    expect(ranked.map((step) => step.slowestRank)).toEqual([1, 2, 3]);
    const byP90 = [...body.steps].sort((a, b) => b.p90WorkingDays! - a.p90WorkingDays!).slice(0, 3);
    expect(ranked.map((step) => step.elementId)).toEqual(byP90.map((step) => step.elementId));
    // and supplements were asked during the review, never during the counter's check that comes before any request
    expect(body.steps.find((step) => step.elementId === 'task-review')!.supplementShare).toBeGreaterThan(0);
    expect(body.steps.find((step) => step.elementId === 'task-receive')!.supplementShare).toBe(0);
  }, 120_000);

  it('answers per version, step, agency and department, the gateways\' branch shares and the arrivals received', async () => {
    // when
    const { body } = await getAs<Durations>(t, 'supervisor', `/api/simulation/durations?procedureKey=${KEY}&from=2025-03-01&to=2025-04-30`);
    // then the appraisal is at the Department of Construction's planning office
    expect(body.rows.find((row) => row.elementId === 'task-appraise')).toMatchObject({ procedureVersion: 1, agencyId: 'so-xay-dung', departmentId: 'phong-quy-hoach' });
    expect(body.period).toEqual({ from: '2025-03-01', to: '2025-04-30' });
    // and each gateway's branches share all of its decisions
    for (const gateway of body.gateways) expect(gateway.flows.reduce((sum, flow) => sum + flow.share, 0)).toBeCloseTo(1, 9);
    // and the arrivals are the procedure's dossiers received in the period
    const dossiers = await t.stores.dossiers.list({ procedureKey: KEY }, { offset: 0, limit: 1000 });
    expect(body.arrivals.received).toBe(dossiers.items.filter((dossier) => dossier.receivedAt !== undefined && dossier.receivedAt >= SEED_START).length);
    expect(body.arrivals.perWorkingDay).toBeGreaterThan(0);
    expect(Object.keys(body.arrivals.weekdayFactors ?? {})).toContain('monday');
  }, 120_000);

  it('exports the same rows as CSV for Excel: a UTF-8 byte order mark, Vietnamese headers, agency names, the slowest ranks', async () => {
    // when
    const json = (await getAs<Durations>(t, 'supervisor', `/api/simulation/durations?procedureKey=${KEY}`)).body;
    const { status, text, bytes, headers } = await getAs(t, 'supervisor', `/api/simulation/durations?procedureKey=${KEY}&format=csv`);
    // then
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/csv');
    expect(headers.get('content-disposition')).toMatch(/attachment; filename="thoi-gian-xu-ly-seed-xay-dung-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Phiên bản,Mã bước,Tên bước,Cơ quan,Phòng ban,Số lần hoàn thành (cỡ mẫu),Trung vị (ngày làm việc),P90 (ngày làm việc),Chờ nhận xử lý: trung vị (ngày làm việc),Chờ nhận xử lý: P90 (ngày làm việc),Số lần chờ nhận đo được,Số lần không ghi thời điểm nhận (tính cả vào xử lý),Phân phối dùng để mô phỏng,Tỷ lệ yêu cầu bổ sung (%),Tỷ lệ trả lại (%),Hạng chậm nhất (theo P90)');
    expect(lines).toHaveLength(json.rows.length + 1);
    const appraisal = lines.find((line) => line.startsWith('1,task-appraise,'))!;
    expect(appraisal).toContain('Sở Xây dựng');
    const slowest = json.steps.find((step) => step.slowestRank === 1)!;
    expect(lines.find((line) => line.startsWith(`1,${slowest.elementId},`))!.endsWith(',1')).toBe(true);
  }, 120_000);

  it('refuses a period over two years, an unknown procedure and an official, as problems', async () => {
    const long = await getAs(t, 'supervisor', `/api/simulation/durations?procedureKey=${KEY}&from=2022-01-01&to=2025-04-30`);
    expect(long.status).toBe(400);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(long.body).toMatchObject({ code: 'PERIOD_TOO_LONG', title: 'Khoảng thời gian đo không hợp lệ' });
    const unknown = await getAs(t, 'supervisor', '/api/simulation/durations?procedureKey=khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    const official = await getAs(t, 'official.dkkd', `/api/simulation/durations?procedureKey=${KEY}`);
    expect(official.status).toBe(403);
  });
});
