/**
 * The supervisors' dashboard against an independent computation: 2,000 dossiers seeded across three procedures on
 * a simulated clock, every summary and breakdown figure compared with `independent-figures.ts` (DOMAIN.md's rules
 * over the stored dossiers, progress records and steps), drill-downs, scope and CSV export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkingTime } from '../../../engine/src/index';
import type { StepRecord } from '../../../server/src/stores';
import { loadIndependent, summariseIndependently, summariseOfficialIndependently, classifyIndependently, stepMarkIndependently, type IndependentDossier } from './independent-figures';
import { createSeededApp, getAs, SEED_STOP } from './seeded-app';

type Seeded = Awaited<ReturnType<typeof createSeededApp>>;
type Summary = Record<string, number | null | object>;

const VN = 7 * 3_600_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - VN;
const dayEnd = (day: string) => dayStart(day) + 86_400_000 - 1;
const FIGURES = ['received', 'processed', 'finishedEarly', 'finishedOnTime', 'finishedOverdue', 'inProcessInTime', 'inProcessOverdue', 'pausedInTime', 'pausedOverdue', 'nearlyDueSteps', 'overdueSteps'] as const;
const RATES = ['onTimeRate', 'onlineRate', 'digitisationRate', 'averageProcessingDays'] as const;

let t: Seeded;
let dossiers: IndependentDossier[];
let time: WorkingTime;

function expectSame(actual: Summary, expected: ReturnType<typeof summariseIndependently>, rates: readonly string[] = RATES): void {
  for (const figure of FIGURES) expect({ figure, value: actual[figure] }).toEqual({ figure, value: expected[figure] });
  for (const rate of rates) {
    const value = expected[rate as keyof typeof expected] as number | null;
    if (value === null) expect(actual[rate]).toBeNull();
    else expect(actual[rate] as number).toBeCloseTo(value, 9);
  }
}

beforeAll(async () => {
  t = await createSeededApp(2000);
  dossiers = await loadIndependent(t.stores);
  time = (await t.calendars.current()).time;
}, 600_000);

describe('the dashboard figures over 2,000 seeded dossiers', () => {
  it('seeds a mix the figures can tell apart: early, on time, overdue, in process, paused, supplements, online', () => {
    const classes = new Set(dossiers.map((d) => classifyIndependently(d, dayStart('2025-03-01'), SEED_STOP)));
    expect(dossiers).toHaveLength(2000);
    for (const c of ['early', 'onTime', 'overdue', 'inTime', 'inProcessOverdue', 'pausedInTime'] as const) expect(classes).toContain(c);
    expect(dossiers.some((d) => d.spans.length > 1)).toBe(true);
    expect(new Set(dossiers.map((d) => d.procedureKey)).size).toBe(3);
  });

  it('answers the summary of the whole province equal to the independent computation', async () => {
    const { status, body } = await getAs<Summary>(t, 'supervisor', '/api/stats/summary?from=2025-03-01&to=2025-04-30');
    expect(status).toBe(200);
    const expected = summariseIndependently(dossiers, dayStart('2025-03-01'), SEED_STOP, SEED_STOP, time);
    expectSame(body, expected);
    expect(body.period).toEqual({ from: '2025-03-01', to: '2025-04-30' });
    // and the rate's parts, shown beside it, add up to its numerator and denominator (every seeded unit has officials)
    const n = body as Record<string, number>;
    expect(n.finished! + n.inProcess!).toBe(expected.processed);
    expect(n.onTime! + n.overdue!).toBe(expected.processed);
    expect(n.onTime! / n.processed!).toBeCloseTo(expected.onTimeRate!, 12);
    expect(n.orphanedSteps).toBe(0);
  });

  it('judges a past week at its end: dossiers ended before it are left out, those open then are judged at its end', async () => {
    const { body } = await getAs<Summary>(t, 'supervisor', '/api/stats/summary?from=2025-03-17&to=2025-03-23');
    const expected = summariseIndependently(dossiers, dayStart('2025-03-17'), dayEnd('2025-03-23'), SEED_STOP, time);
    expect(expected.processed).toBeGreaterThan(expected.received);
    expectSame(body, expected);
  });

  it('answers each procedure\'s summary, and the breakdown by procedure, equal to the independent computation', async () => {
    const { body } = await getAs<{ rows: (Summary & { key: string })[] }>(t, 'supervisor', '/api/stats/breakdown?by=procedure&from=2025-03-01&to=2025-04-30');
    expect(body.rows.map((row) => row.key).sort()).toEqual(['seed-dat-dai', 'seed-ubnd-xa', 'seed-xay-dung']);
    for (const row of body.rows) {
      const own = dossiers.filter((d) => d.procedureKey === row.key);
      const expected = summariseIndependently(own, dayStart('2025-03-01'), SEED_STOP, SEED_STOP, time);
      expectSame(row, expected, ['onTimeRate', 'averageProcessingDays']);
      const single = await getAs<Summary>(t, 'supervisor', `/api/stats/summary?from=2025-03-01&to=2025-04-30&procedureKey=${row.key}`);
      expectSame(single.body, expected);
    }
  });

  it('answers the breakdown by agency: a dossier counts under every agency its route reached, a step under its own', async () => {
    const { body } = await getAs<{ rows: (Summary & { key: string; label: string })[] }>(t, 'supervisor', '/api/stats/breakdown?by=agency&from=2025-03-01&to=2025-04-30');
    const agencies = new Set(dossiers.flatMap((d) => [...d.agencies]));
    expect(new Set(body.rows.map((row) => row.key))).toEqual(agencies);
    for (const row of body.rows) {
      const own = dossiers.filter((d) => d.agencies.has(row.key));
      expectSame(row, summariseIndependently(own, dayStart('2025-03-01'), SEED_STOP, SEED_STOP, time, (step: StepRecord) => step.agencyId === row.key), ['onTimeRate', 'averageProcessingDays']);
    }
    expect(body.rows.find((row) => row.key === 'so-tai-chinh')?.label).toBe('Sở Tài chính');
  });

  it('answers the breakdown by official counting the steps each handled, not every dossier each touched', async () => {
    const { body } = await getAs<{ rows: (Summary & { key: string })[] }>(t, 'supervisor', '/api/stats/breakdown?by=official&from=2025-03-01&to=2025-04-30');
    expect(body.rows.length).toBeGreaterThanOrEqual(2);
    for (const row of body.rows) {
      const expected = summariseOfficialIndependently(dossiers, row.key, dayStart('2025-03-01'), SEED_STOP, SEED_STOP);
      for (const figure of FIGURES) expect({ key: row.key, figure, value: row[figure] }).toEqual({ key: row.key, figure, value: expected[figure as keyof typeof expected] });
      if (expected.onTimeRate === null) expect(row.onTimeRate).toBeNull();
      else expect(row.onTimeRate as number).toBeCloseTo(expected.onTimeRate, 9);
    }
  });

  it('lists the overdue and nearly-due steps behind the counts, most urgent first', async () => {
    for (const mark of ['overdue', 'nearlyDue'] as const) {
      const expected = dossiers.flatMap((d) => d.openSteps.filter((step) => stepMarkIndependently(step, SEED_STOP) === mark));
      const { body } = await getAs<{ items: { stepId: string; dueAt: string; mark: string }[]; total: number }>(t, 'supervisor', `/api/stats/steps?mark=${mark}&limit=1000`);
      expect(body.total).toBe(expected.length);
      expect(new Set(body.items.map((item) => item.stepId))).toEqual(new Set(expected.map((step) => step.id)));
      const dues = body.items.map((item) => Date.parse(item.dueAt));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
    }
  });

  it('drills down from a figure to its dossiers', async () => {
    const from = dayStart('2025-03-01');
    for (const classification of ['overdue', 'inProcessOverdue', 'pausedInTime'] as const) {
      const expected = dossiers.filter((d) => classifyIndependently(d, from, SEED_STOP) === classification).map((d) => d.id);
      const { body } = await getAs<{ items: { dossierId: string; classification: string }[]; total: number }>(t, 'supervisor', `/api/stats/dossiers?classification=${classification}&from=2025-03-01&to=2025-04-30&limit=1000`);
      expect(body.total).toBe(expected.length);
      expect(new Set(body.items.map((item) => item.dossierId))).toEqual(new Set(expected));
    }
    const paged = await getAs<{ items: unknown[]; total: number }>(t, 'supervisor', '/api/stats/dossiers?classification=early&from=2025-03-01&to=2025-04-30&offset=10&limit=5');
    expect(paged.body.items).toHaveLength(5);
  });

  it('answers the trend per week with every dossier received counted once', async () => {
    const { body } = await getAs<{ points: { periodStart: string; received: number; finished: number; onTimeRate: number | null }[] }>(t, 'supervisor', '/api/stats/trend?interval=week&from=2025-03-03&to=2025-04-27');
    expect(body.points[0]?.periodStart).toBe('2025-03-03');
    expect(body.points.reduce((sum, point) => sum + point.received, 0)).toBe(2000);
    expect(body.points.reduce((sum, point) => sum + point.finished, 0)).toBe(dossiers.filter((d) => d.finishedAt !== undefined).length);
  });

  it('attributes delays to the agencies whose steps overran', async () => {
    const { body } = await getAs<{ rows: { agencyId: string; dossiersDelayed: number; overrunWorkingHours: number }[] }>(t, 'supervisor', '/api/stats/delays?from=2025-03-01&to=2025-04-30');
    const late = dossiers.filter((d) => ['overdue', 'inProcessOverdue', 'pausedOverdue'].includes(classifyIndependently(d, dayStart('2025-03-01'), SEED_STOP) ?? '')).length;
    const delayed = body.rows.reduce((sum, row) => sum + row.dossiersDelayed, 0);
    expect(delayed).toBeGreaterThan(0);
    expect(delayed).toBeLessThanOrEqual(late);
    expect(body.rows.some((row) => row.agencyId === 'so-tai-chinh' && row.overrunWorkingHours > 0)).toBe(true);
  });
});

describe('who sees which figures', () => {
  it('refuses officials with 403 and answers 401 without sign-in', async () => {
    expect((await getAs(t, 'official.dkkd', '/api/stats/summary')).status).toBe(403);
    expect((await t.app.request('/api/stats/summary')).status).toBe(401);
  });

  it('refuses a supervisor outside their scope with 403 and limits one without an agency to their scope', async () => {
    const outside = await getAs<{ code: string }>(t, 'supervisor.xa', '/api/stats/summary?agencyId=so-tai-chinh');
    expect(outside.status).toBe(403);
    const { status, body } = await getAs<Summary>(t, 'supervisor.xa', '/api/stats/summary?from=2025-03-01&to=2025-04-30');
    expect(status).toBe(200);
    const scope = ['ubnd-xa-demo', 'cong-an-xa-demo', 'bhxh-tinh'];
    const own = dossiers.filter((d) => scope.some((agency) => d.agencies.has(agency)));
    expectSame(body, summariseIndependently(own, dayStart('2025-03-01'), SEED_STOP, SEED_STOP, time, (step) => scope.includes(step.agencyId ?? '')));
    const rows = await getAs<{ rows: { key: string }[] }>(t, 'supervisor.xa', '/api/stats/breakdown?by=agency&from=2025-03-01&to=2025-04-30');
    expect(rows.body.rows.map((row) => row.key)).toEqual(['ubnd-xa-demo']);
  });

  it('gives a head of unit their own agency and refuses another', async () => {
    const { status, body } = await getAs<Summary>(t, 'head.taichinh', '/api/stats/summary?from=2025-03-01&to=2025-04-30');
    expect(status).toBe(200);
    const own = dossiers.filter((d) => d.agencies.has('so-tai-chinh'));
    expectSame(body, summariseIndependently(own, dayStart('2025-03-01'), SEED_STOP, SEED_STOP, time, (step) => step.agencyId === 'so-tai-chinh'));
    expect((await getAs(t, 'head.taichinh', '/api/stats/summary?agencyId=so-xay-dung')).status).toBe(403);
  });

  it('lets an administrator see everything', async () => {
    const admin = await getAs<Summary>(t, 'admin', '/api/stats/summary?from=2025-03-01&to=2025-04-30');
    expect(admin.status).toBe(200);
    expect(admin.body.received).toBe(2000);
  });
});

describe('CSV export', () => {
  it('exports the breakdown with a BOM, Vietnamese headers and the same numbers', async () => {
    const json = await getAs<{ rows: (Summary & { key: string })[] }>(t, 'supervisor', '/api/stats/breakdown?by=agency&from=2025-03-01&to=2025-04-30');
    const csv = await getAs(t, 'supervisor', '/api/stats/breakdown?by=agency&from=2025-03-01&to=2025-04-30&format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = csv.text.slice(1).trimEnd().split('\r\n');
    expect(header).toContain('Hoàn thành đúng hạn');
    expect(header!.split(',').slice(0, 4)).toEqual(['Mã', 'Tên', 'Tiếp nhận', 'Tiếp nhận hoặc đang xử lý trong kỳ (mẫu số)']);
    expect(lines).toHaveLength(json.body.rows.length);
    for (const [index, row] of json.body.rows.entries()) {
      const cells = lines[index]!.split(',');
      expect(cells[0]).toBe(row.key);
      expect(cells.slice(2, 11).map(Number)).toEqual(FIGURES.slice(0, 7).concat(['nearlyDueSteps', 'overdueSteps'] as never).map((f) => row[f]));
    }
  });

  it('exports the summary and the dossier list as CSV too', async () => {
    const summary = await getAs(t, 'supervisor', '/api/stats/summary?from=2025-03-01&to=2025-04-30&format=csv');
    expect(summary.text.startsWith('\uFEFFTừ ngày,Đến ngày,Tiếp nhận')).toBe(true);
    expect(summary.text.split('\r\n')[1]!.split(',').slice(0, 3)).toEqual(['2025-03-01', '2025-04-30', '2000']);
    const list = await getAs(t, 'supervisor', '/api/stats/dossiers?classification=overdue&from=2025-03-01&to=2025-04-30&format=csv');
    expect(list.text.split('\r\n')[0]).toBe('\uFEFFMã hồ sơ,Thủ tục,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày hoàn thành,Phân loại');
    expect(list.text).toContain('Hoàn thành quá hạn');
  });
});
