/**
 * @module rollup-figures — the dashboard's dossier figures read from the rollups (`dossier-rollup.ts`) instead of every
 * dossier's facts: for a period, the documents of the whole months inside it and of the days at its edges give what
 * happened in it (received, finished and how, the processing time); the documents of everything ever, less those after
 * the period's end (and less the crossings into overdue later today when it ends now), give what was in process at its
 * end and in which class. The same figures as `placeInPeriod` and `computeStatistics` over the facts (Decision
 * 766/QĐ-TTg), per rollup key: procedure, receiving agency and route.
 */
import { WORKING_DAY_MS } from '../../../engine/src/index';
import { ALL_BUCKET, addCounts, rollupId, type RollupCounter, type RollupDocument, type RollupKey } from './dossier-rollup';
import type { DossierTally } from './dossier-tally';
import type { BucketRange, DossierFactsStore } from './dossier-facts-store';
import { vietnamDayOf } from './stats-scope';

type Counts = Partial<Record<RollupCounter, number>>;

/** One rollup key's figures for a period: what happened in it, and the open classes at its end. */
export interface KeyFigures {
  key: RollupKey;
  counts: Counts;
}

/** Per-row figures the dashboard shows beside the tally. */
export interface RollupRates {
  onTimeRate: number | null;
  averageProcessingDays: number | null;
  onlineRate: number | null;
  digitisationRate: number | null;
}

const lastDayOfMonth = (month: string): string => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, index, 0)).getUTCDate()).padStart(2, '0')}`;
};
const nextMonth = (month: string): string => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 7);
};

/** The buckets that hold exactly the events of the Vietnam days from `fromDay` to `toDay`: whole months, edge days. */
export function periodRanges(fromDay: string, toDay: string, options: { days?: boolean; weeks?: boolean } = {}): BucketRange[] {
  if (options.days) return [{ from: `d${fromDay}`, to: `d${toDay}` }];
  if (options.weeks) return weekRanges(fromDay, toDay);
  const ranges: BucketRange[] = [];
  const fromMonth = fromDay.slice(0, 7);
  const toMonth = toDay.slice(0, 7);
  const firstWhole = fromDay.endsWith('-01') ? fromMonth : nextMonth(fromMonth);
  const lastWhole = toDay === lastDayOfMonth(toMonth) ? toMonth : previousMonth(toMonth);
  if (firstWhole > lastWhole) return [{ from: `d${fromDay}`, to: `d${toDay}` }];
  if (firstWhole !== fromMonth) ranges.push({ from: `d${fromDay}`, to: `d${lastDayOfMonth(fromMonth)}` });
  ranges.push({ from: `m${firstWhole}`, to: `m${lastWhole}` });
  if (lastWhole !== toMonth) ranges.push({ from: `d${toMonth}-01`, to: `d${toDay}` });
  return ranges;
}

/** Whole ISO weeks inside the days (their Monday's `w` documents), the days before the first and after the last. */
function weekRanges(fromDay: string, toDay: string): BucketRange[] {
  const shift = (day: string, days: number) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };
  const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const firstMonday = weekday(fromDay) === 0 ? fromDay : shift(fromDay, 7 - weekday(fromDay));
  const lastMonday = shift(toDay, -weekday(toDay));
  const lastWhole = weekday(toDay) === 6 ? lastMonday : shift(lastMonday, -7);
  if (firstMonday > lastWhole) return [{ from: `d${fromDay}`, to: `d${toDay}` }];
  const ranges: BucketRange[] = [{ from: `w${firstMonday}`, to: `w${lastWhole}` }];
  if (firstMonday > fromDay) ranges.push({ from: `d${fromDay}`, to: `d${shift(firstMonday, -1)}` });
  const afterWhole = shift(lastWhole, 7);
  if (afterWhole <= toDay) ranges.push({ from: `d${afterWhole}`, to: `d${toDay}` });
  return ranges;
}

/**
 * The buckets a trend reads: `counts` of day, week and month documents, and `series` of the documents that keep the
 * trend's counters per point — month documents per day for a daily trend, year documents per ISO week for a weekly
 * one — so that a trend of whole months or years reads one document per key and month or year, not one per point.
 */
export function trendRanges(fromDay: string, toDay: string, interval: 'day' | 'week' | 'month'): { counts: BucketRange[]; series: BucketRange[] } {
  if (interval === 'month') return { counts: periodRanges(fromDay, toDay), series: [] };
  if (interval === 'day') {
    const ranges = periodRanges(fromDay, toDay);
    return { counts: ranges.filter((range) => !range.from.startsWith('m')), series: ranges.filter((range) => range.from.startsWith('m')) };
  }
  const firstYear = Number(fromDay.slice(0, 4)) + (fromDay.endsWith('-01-01') ? 0 : 1);
  const lastYear = Number(toDay.slice(0, 4)) - (toDay.endsWith('-12-31') ? 0 : 1);
  if (firstYear > lastYear) return { counts: weekRanges(fromDay, toDay), series: [] };
  const counts: BucketRange[] = [];
  if (fromDay < `${firstYear}-01-01`) counts.push(...weekRanges(fromDay, `${firstYear - 1}-12-31`));
  if (toDay > `${lastYear}-12-31`) counts.push(...weekRanges(`${lastYear + 1}-01-01`, toDay));
  return { counts, series: [{ from: `y${firstYear}`, to: `y${lastYear}` }] };
}

function previousMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 2, 1)).toISOString().slice(0, 7);
}

/**
 * The buckets a period's figures read: its own, those after its end (in its last month and later months), and `all`;
 * with `prefix` an official's step rollups' (`od…`, `om…`, `oall`).
 */
export function figureRanges(period: { from: number; to: number }, prefix = ''): BucketRange[] {
  const toDay = vietnamDayOf(period.to);
  const toMonth = toDay.slice(0, 7);
  const ranges = [...periodRanges(vietnamDayOf(period.from), toDay), { from: `d${toDay}`, to: `d${toMonth}-99` }, { from: `m${toMonth}-`, to: 'm~' }, { from: ALL_BUCKET, to: ALL_BUCKET }];
  return ranges.map((range) => ({ from: prefix + range.from, to: prefix + range.to }));
}

const within = (bucket: string, ranges: readonly BucketRange[]) => ranges.some((range) => bucket >= range.from && bucket <= range.to);

/** Per rollup key: the counters of the period's events, and the open classes summed up to the period's end. */
export function figuresByKey(documents: readonly RollupDocument[], period: { from: number; to: number }, prefix = ''): KeyFigures[] {
  const toDay = vietnamDayOf(period.to);
  const own = periodRanges(vietnamDayOf(period.from), toDay);
  const later = (bucket: string) => (bucket.startsWith('d') ? bucket > `d${toDay}` && bucket <= `d${toDay.slice(0, 7)}-99` : bucket.startsWith('m') && bucket > `m${toDay.slice(0, 7)}`);
  const byKey = new Map<string, KeyFigures>();
  for (const document of documents) {
    const id = rollupId('', document);
    let figures = byKey.get(id);
    if (!figures) {
      const { bucket: _bucket, counts: _counts, crossings: _crossings, series: _series, delays: _delays, format: _format, ...key } = document;
      byKey.set(id, (figures = { key, counts: {} }));
    }
    const bucket = document.bucket.slice(prefix.length);
    if (within(bucket, own)) addCounts(figures.counts, withoutOpen(document.counts));
    if (bucket === ALL_BUCKET) addCounts(figures.counts, onlyOpen(document.counts));
    if (later(bucket)) addCounts(figures.counts, onlyOpen(document.counts), -1);
    if (bucket === `d${toDay}`) {
      // A period ending now: the crossings into overdue due later today have not happened yet.
      for (const [at, counts] of Object.entries(document.crossings ?? {})) if (Number(at) > period.to) addCounts(figures.counts, onlyOpen(counts), -1);
    }
  }
  return [...byKey.values()];
}

const isOpenCounter = (counter: string) => counter.startsWith('open');
const onlyOpen = (counts: Counts): Counts => Object.fromEntries(Object.entries(counts).filter(([counter]) => isOpenCounter(counter)));
const withoutOpen = (counts: Counts): Counts => Object.fromEntries(Object.entries(counts).filter(([counter]) => !isOpenCounter(counter)));

/** The tally's dossier columns (the step columns are counted from the open steps). */
export function tallyOf(counts: Counts): Omit<DossierTally, 'nearlyDueSteps' | 'overdueSteps' | 'orphanedSteps'> {
  const n = (counter: RollupCounter) => counts[counter] ?? 0;
  const tally = {
    received: n('started'),
    finishedEarly: n('endEarly'),
    finishedOnTime: n('endOnTime'),
    finishedOverdue: n('endOverdue'),
    inProcessInTime: n('openInTime'),
    inProcessOverdue: n('openOverdue'),
    pausedInTime: n('openPausedInTime'),
    pausedOverdue: n('openPausedOverdue'),
  };
  const processed = tally.finishedEarly + tally.finishedOnTime + tally.finishedOverdue + tally.inProcessInTime + tally.inProcessOverdue + tally.pausedInTime + tally.pausedOverdue;
  return { ...tally, processed };
}

/** The rates of `computeStatistics` from the counters (on-time over processed, working days per status 9, online, digitised). */
export function ratesOf(counts: Counts): RollupRates {
  const n = (counter: RollupCounter) => counts[counter] ?? 0;
  const tally = tallyOf(counts);
  const onTime = tally.finishedEarly + tally.finishedOnTime + tally.inProcessInTime + tally.pausedInTime;
  return {
    onTimeRate: tally.processed > 0 ? onTime / tally.processed : null,
    averageProcessingDays: n('finished') > 0 ? n('processingMs') / n('finished') / WORKING_DAY_MS : null,
    onlineRate: n('started') > 0 ? n('startedOnline') / n('started') : null,
    digitisationRate: n('started') > 0 ? n('startedDigitised') / n('started') : null,
  };
}

/** Whether the dossiers of a rollup key belong to the scope: as `dossierInScope`, for every scope but an official's. */
export function keyInScope(key: RollupKey, scope: { procedureKey?: string; agencyIds?: readonly string[]; departmentId?: string }): boolean {
  if (scope.procedureKey !== undefined && key.procedureKey !== scope.procedureKey) return false;
  if (scope.agencyIds && !key.agencyIds.some((id) => scope.agencyIds!.includes(id))) return false;
  return scope.departmentId === undefined || key.departmentIds.includes(scope.departmentId);
}

/**
 * The figures per rollup key of a period and scope, read from the store's rollups in one query; with `prefix`
 * (`OFFICIAL_PREFIX`) per official, procedure and step unit, counting steps.
 */
export async function readKeyFigures(
  facts: Pick<DossierFactsStore, 'rollups'>,
  scope: { period: { from: number; to: number }; procedureKey?: string; agencyIds?: readonly string[]; departmentId?: string },
  prefix = '',
): Promise<KeyFigures[]> {
  const documents = await facts.rollups({
    ranges: figureRanges(scope.period, prefix),
    ...(scope.procedureKey === undefined ? {} : { procedureKey: scope.procedureKey }),
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
    ...(scope.departmentId === undefined ? {} : { departmentId: scope.departmentId }),
  });
  return figuresByKey(documents, scope.period, prefix).filter((figures) => keyInScope(figures.key, scope));
}
