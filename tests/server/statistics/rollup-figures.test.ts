/**
 * The dashboard's rollups (issue 18, statistics at national scale) answer what every dossier's facts answer: over a
 * history seeded through the dossier core's use cases at random (receipts at the counter and online, completions,
 * supplement requests and answers, refusals, returns), the summary, the breakdowns by agency, department, procedure
 * and official (in steps), the delay attribution and the trend per day, week and month read from the rollups equal the
 * same figures computed over the facts, for random periods and scopes, at the end of the history and later as time
 * passes with no command (dossiers and steps turning overdue by the clock alone, some later on the same day); the
 * drill-downs list a page of the same dossiers the facts classify.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../support/seed-dossiers';
import { createSeededApp, SEED_STOP } from './seeded-app';
import { resolveStatsScope, vietnamDayOf, type StatsParams } from '../../../server/src/statistics/stats-scope';
import { statsSummary, summaryFromFacts } from '../../../server/src/statistics/stats-summary';
import { breakdownFromFacts, officialBreakdownFromFacts, statsBreakdown } from '../../../server/src/statistics/stats-breakdown';
import { delaysFromFacts, statsDelays, type DelayRow } from '../../../server/src/statistics/stats-delays';
import { listClassifiedDossiers } from '../../../server/src/statistics/stats-lists';
import { dossierInScope } from '../../../server/src/statistics/classify-dossier-facts';
import { statsTrend, trendFromFacts } from '../../../server/src/statistics/stats-trend';
import type { StatsDeps } from '../../../server/src/statistics/stats-deps';
import type { Principal } from '../../../server/src/access/principal';
import { MemoryDossierFactsStore } from '../../../server/src/persistence/memory/memory-dossier-facts-store';
import { placeInPeriod } from '../../../server/src/statistics/classify-dossier-facts';
import type { DossierFactsRecord } from '../../../server/src/statistics/dossier-facts-record';
import { readKeyFigures, tallyOf } from '../../../server/src/statistics/rollup-figures';
import { addCounts } from '../../../server/src/statistics/dossier-rollup';

const DAY = 86_400_000;
const administrator = { role: 'administrator', id: 'admin', agencyId: 'none' } as unknown as Principal;

let t: Awaited<ReturnType<typeof createSeededApp>>;
let deps: StatsDeps;
let agencyIds: string[];
let departmentIds: string[];
let procedureKeys: string[];

beforeAll(async () => {
  t = await createSeededApp(300);
  deps = { facts: t.facts, clock: t.clock, calendars: t.calendars, agencies: t.access.agencies, users: t.access.users, procedures: t.stores.procedures };
  const records = await t.facts.list({});
  agencyIds = [...new Set(records.flatMap((record) => record.agencyIds))].sort();
  departmentIds = [...new Set(records.flatMap((record) => record.departmentIds))].sort();
  procedureKeys = [...new Set(records.map((record) => record.procedureKey))].sort();
}, 600_000);

/** Rates compared to 9 decimals (sums in another order), everything else exactly. */
const comparable = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, n: unknown) => (typeof n === 'number' && !Number.isInteger(n) ? Number(n.toFixed(9)) : n)));

/** Random periods from before the first receipt to after now, and random scopes (none, an agency, a department, a procedure). */
function randomQueries(seed: number, count: number): StatsParams[] {
  const random = createRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const first = Date.UTC(2025, 1, 20);
  return Array.from({ length: count }, () => {
    const fromAt = first + Math.floor(random() * 60) * DAY;
    const toAt = fromAt + Math.floor(random() * 45) * DAY;
    const scope = pick(['none', 'agency', 'department', 'procedure'] as const);
    return {
      from: vietnamDayOf(fromAt),
      to: vietnamDayOf(toAt),
      ...(scope === 'agency' ? { agencyId: pick(agencyIds) } : {}),
      ...(scope === 'department' ? { departmentId: pick(departmentIds) } : {}),
      ...(scope === 'procedure' ? { procedureKey: pick(procedureKeys) } : {}),
    };
  });
}

async function expectRollupsEqualFacts(params: StatsParams): Promise<void> {
  const scope = resolveStatsScope(administrator, params, t.clock.now());
  const label = JSON.stringify(params);
  expect({ label, summary: comparable(await statsSummary(deps, scope)) }).toEqual({ label, summary: comparable(await summaryFromFacts(deps, scope)) });
  for (const by of ['agency', 'department', 'procedure'] as const) {
    expect({ label, by, rows: comparable(await statsBreakdown(deps, scope, by)) }).toEqual({ label, by, rows: comparable(await breakdownFromFacts(deps, scope, by)) });
  }
  for (const interval of ['day', 'week', 'month'] as const) {
    expect({ label, interval, trend: comparable(await statsTrend(deps, scope, interval)) }).toEqual({ label, interval, trend: comparable(await trendFromFacts(deps, scope, interval)) });
  }
  expect({ label, by: 'official', rows: comparable(await statsBreakdown(deps, scope, 'official')) }).toEqual({ label, by: 'official', rows: comparable(await officialBreakdownFromFacts(deps, scope)) });
  const [delays, expected] = [await statsDelays(deps, scope), await delaysFromFacts(deps, scope)];
  // Overrun hours are rounded to 0.01 after sums taken in another order: equal within one rounding step.
  const exact = (rows: DelayRow[]) => rows.map(({ overrunWorkingHours: _hours, ...row }) => row).sort((a, b) => a.agencyId.localeCompare(b.agencyId));
  expect({ label, delays: exact(delays.rows) }).toEqual({ label, delays: exact(expected.rows) });
  for (const row of delays.rows) expect(Math.abs(row.overrunWorkingHours - expected.rows.find((each) => each.agencyId === row.agencyId)!.overrunWorkingHours)).toBeLessThanOrEqual(0.011);
}

describe('the dashboard figures from the rollups', () => {
  it('equal the figures over the facts for random periods and scopes at the end of a seeded history', { timeout: 300_000 }, async () => {
    // given 300 dossiers seeded through the use cases, the clock at the end of the history (mid-morning)
    expect(t.clock.now()).toBe(SEED_STOP);
    expect((await t.facts.list({})).length).toBeGreaterThan(250);
    // when / then
    for (const params of randomQueries(18, 30)) await expectRollupsEqualFacts(params);
    // and the officials' and the delays' rollups are not empty: steps were completed, dossiers finished late
    const whole = resolveStatsScope(administrator, { from: '2025-03-01', to: vietnamDayOf(SEED_STOP) }, t.clock.now());
    const officials = await statsBreakdown(deps, whole, 'official');
    expect(officials.rows.filter((row) => row.finishedEarly + row.finishedOnTime + row.finishedOverdue > 0).length).toBeGreaterThanOrEqual(2);
    const finishedLate = await statsDelays(deps, { ...whole, period: { from: whole.period.from, to: whole.period.from + 30 * DAY } });
    expect(finishedLate.rows.some((row) => row.dossiersDelayed > 0)).toBe(true);
  });

  it('list a page of the dossiers behind each classification, counted as the facts count them', { timeout: 300_000 }, async () => {
    // given the seeded history; when a supervisor drills down from each figure of random periods and scopes
    const records = await t.facts.list({});
    for (const params of randomQueries(7, 6)) {
      const scope = resolveStatsScope(administrator, params, t.clock.now());
      for (const classification of ['early', 'onTime', 'overdue', 'inTime', 'inProcessOverdue', 'pausedInTime', 'pausedOverdue'] as const) {
        const expected = records.filter((record) => dossierInScope(record, scope) && placeInPeriod(record, scope.period)?.classification === classification);
        const all = await listClassifiedDossiers(deps, scope, classification);
        const page = await listClassifiedDossiers(deps, scope, classification, { offset: 3, limit: 4 });
        // then the total is the facts' count, every dossier is listed once, and a page is a slice of the whole list
        const label = { params, classification };
        expect({ label, total: page.total, listed: all.items.length }).toEqual({ label, total: expected.length, listed: expected.length });
        expect(new Set(all.items.map((item) => item.dossierId))).toEqual(new Set(expected.map((record) => record.dossierId)));
        expect(page.items).toEqual(all.items.slice(3, 7));
      }
    }
  });

  it('equal them hour by hour later that day and the next, and weeks later, with no command written meanwhile', { timeout: 300_000 }, async () => {
    // given the same history; when only time passes (open dossiers turn overdue by the clock alone)
    const hours = Array.from({ length: 40 }, (_, hour) => (hour + 1) * 3_600_000);
    for (const later of [...hours, 3 * DAY, 20 * DAY]) {
      t.clock.set(SEED_STOP + later);
      // then the rollups, written before, still answer what the facts answer now
      await expectRollupsEqualFacts({ from: '2025-03-01', to: vietnamDayOf(t.clock.now()) });
      if (later >= DAY) for (const params of randomQueries(later, 8)) await expectRollupsEqualFacts(params);
    }
  });
});

describe('the weekly and daily trends of whole years and months', () => {
  it('read the year and month series and equal the trend over the facts, also across the turn of a year', { timeout: 300_000 }, async () => {
    // given the seeded history in 2025, and the clock in 2026 (the year 2025 is over)
    t.clock.set(Date.UTC(2026, 0, 20, 3, 0));
    // when the trend covers the whole of 2025, or 2025 with weeks and days of the years around it; then as over the facts
    for (const params of [{ from: '2025-01-01', to: '2025-12-31' }, { from: '2024-12-18', to: '2026-01-14' }, { from: '2025-02-01', to: '2025-05-31', procedureKey: procedureKeys[0]! }]) {
      await expectRollupsEqualFacts(params);
    }
  });
});

describe('a dossier turning overdue later today', () => {
  it('counts in process within time until its appointment plus the citizen\'s time, and overdue after, in a period ending now', async () => {
    // given a dossier received Monday 08:00 (Vietnam), due Wednesday 15:00, that waited 2 hours for a supplement on Tuesday
    const monday = Date.UTC(2025, 2, 3, 1, 0);
    const record: DossierFactsRecord = {
      dossierId: 'd1', dossierCode: 'D1', procedureKey: 'p', procedureVersion: 1, agencyId: 'a', status: 4, channel: 1,
      receivedAt: monday, appointmentAt: monday + 2 * DAY + 7 * 3_600_000, terminalAt: {},
      supplements: [{ requestedAt: monday + DAY, completedAt: monday + DAY + 2 * 3_600_000 }],
      agencyIds: ['a'], departmentIds: [], officialIds: [], digitised: false, apologies: [], steps: [], openSteps: [], openElements: [], dossierRev: 1, updatedAt: monday + DAY + 2 * 3_600_000,
    };
    const facts = new MemoryDossierFactsStore();
    await facts.put(record);
    // when the period ends now, at several instants of Wednesday (the crossing is at 17:00 and 1 ms)
    for (const hours of [2, 8, 9, 9.5, 10]) {
      const now = monday + 2 * DAY + hours * 3_600_000;
      const period = { from: monday, to: now };
      const counts = {};
      for (const figures of await readKeyFigures(facts, { period })) addCounts(counts, figures.counts);
      // then the rollups classify it as the facts do at that instant
      const expected = placeInPeriod(record, period)!.classification;
      const tally = tallyOf(counts);
      expect({ hours, inTime: tally.inProcessInTime, overdue: tally.inProcessOverdue }).toEqual({ hours, inTime: expected === 'inTime' ? 1 : 0, overdue: expected === 'inProcessOverdue' ? 1 : 0 });
    }
    expect(placeInPeriod(record, { from: monday, to: monday + 2 * DAY + 8 * 3_600_000 })!.classification).toBe('inTime');
    expect(placeInPeriod(record, { from: monday, to: monday + 2 * DAY + 9.5 * 3_600_000 })!.classification).toBe('inProcessOverdue');
  });
});
