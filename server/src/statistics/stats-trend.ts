/**
 * @module stats-trend — the trend charts: per day, ISO week (from Monday) or month of the period, the dossiers
 * received, finished (status 9) and the on-time rate of those that ended in it (Decision 766/QĐ-TTg, from the
 * engine's `computeStatisticsBy`). Buckets are Vietnam (UTC+7) calendar days. Read from the rollups (whole months' and
 * years' trend `series`, issue 18), or from the facts within one official's scope.
 */
import { computeStatisticsBy, endOfDossier } from '../../../engine/src/index';
import { Refusal } from '../../../engine/src/index';
import { toStatisticsFacts } from './classify-dossier-facts';
import type { StatsDeps } from './stats-deps';
import { startOfVietnamDay, vietnamDayOf, type StatsScope } from './stats-scope';
import { factsInScope } from './stats-summary';
import { addCounts, type RollupCounter } from './dossier-rollup';
import { keyInScope, trendRanges } from './rollup-figures';

export type TrendInterval = 'day' | 'week' | 'month';

export interface TrendPoint {
  periodStart: string;
  received: number;
  finished: number;
  onTimeRate: number | null;
}

const MAX_POINTS = 1_000;

/** The first day (yyyy-mm-dd) of the bucket holding instant `at`. */
export function bucketOf(at: number, interval: TrendInterval): string {
  const day = vietnamDayOf(at);
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function bucketsOf(period: { from: number; to: number }, interval: TrendInterval): string[] {
  const buckets: string[] = [];
  let day = bucketOf(period.from, interval);
  while (startOfVietnamDay(day) <= period.to) {
    if (buckets.length >= MAX_POINTS) throw new Refusal({ kind: 'invalid', code: 'PERIOD_TOO_LONG', title: 'Too many points', detail: `At most ${MAX_POINTS} ${interval}s.` });
    buckets.push(day);
    const next = new Date(`${day}T00:00:00Z`);
    if (interval === 'day') next.setUTCDate(next.getUTCDate() + 1);
    else if (interval === 'week') next.setUTCDate(next.getUTCDate() + 7);
    else next.setUTCMonth(next.getUTCMonth() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return buckets;
}

/** Finds the bucket of an instant by binary search over the buckets' start instants (no date formatting per dossier). */
function bucketFinder(starts: readonly string[]): (at: number) => string | undefined {
  const instants = starts.map(startOfVietnamDay);
  return (at) => {
    let low = 0;
    let high = instants.length - 1;
    if (high < 0 || at < instants[0]!) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (instants[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return starts[low];
  };
}

export async function statsTrend(deps: StatsDeps, scope: StatsScope, interval: TrendInterval): Promise<{ points: TrendPoint[] }> {
  if (scope.officialId === undefined) return rollupTrend(deps, scope, interval);
  return trendFromFacts(deps, scope, interval);
}

/**
 * From the rollups: the documents of the period's edges (days, or weeks and days) and of its whole months, each added
 * to the point its day falls in, and the `series` of its whole months (per day) or years (per week) added point by
 * point; the rate of a point is over the dossiers that ended in it (`end*` counters, judged at their end).
 */
async function rollupTrend(deps: StatsDeps, scope: StatsScope, interval: TrendInterval): Promise<{ points: TrendPoint[] }> {
  const starts = bucketsOf(scope.period, interval);
  const bucket = bucketFinder(starts);
  const ranges = trendRanges(vietnamDayOf(scope.period.from), vietnamDayOf(scope.period.to), interval);
  const narrowed = {
    ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}),
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
    ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
  };
  const [documents, series] = await Promise.all(
    [ranges.counts, ranges.series].map((each, index) => (each.length === 0 ? [] : deps.facts.rollups({ ranges: each, ...narrowed, read: index === 0 ? 'counts' : 'series' }))),
  );
  const counts = new Map(starts.map((start) => [start, {} as Partial<Record<RollupCounter, number>>]));
  const addAt = (day: string, n: Partial<Record<RollupCounter, number>>) => {
    const start = bucket(startOfVietnamDay(day));
    if (start !== undefined) addCounts(counts.get(start)!, n);
  };
  for (const document of documents!) {
    // A month's or a week's document counts at its first day (only whole ones inside the period are read).
    if (keyInScope(document, scope)) addAt(document.bucket.startsWith('m') ? `${document.bucket.slice(1)}-01` : document.bucket.slice(1), document.counts);
  }
  for (const document of series!) {
    // Per day of a month, or per week (its Monday) of a year.
    if (keyInScope(document, scope)) for (const [day, n] of Object.entries(document.series ?? {})) addAt(day, n);
  }
  return {
    points: starts.map((start) => {
      const n = counts.get(start)!;
      const ended = (n.endEarly ?? 0) + (n.endOnTime ?? 0) + (n.endOverdue ?? 0);
      return { periodStart: start, received: n.received ?? 0, finished: n.finished ?? 0, onTimeRate: ended > 0 ? ((n.endEarly ?? 0) + (n.endOnTime ?? 0)) / ended : null };
    }),
  };
}

export async function trendFromFacts(deps: StatsDeps, scope: StatsScope, interval: TrendInterval): Promise<{ points: TrendPoint[] }> {
  const { from, to } = scope.period;
  const starts = bucketsOf(scope.period, interval);
  const bucket = bucketFinder(starts);
  const points = new Map(starts.map((start) => [start, { periodStart: start, received: 0, finished: 0, onTimeRate: null as number | null }]));
  const records = await factsInScope(deps, scope);
  const ended = [];
  const endBucket = new Map<string, string>();
  for (const record of records) {
    const startAt = record.receivedAt;
    if (startAt !== undefined && startAt >= from && startAt <= to) points.get(bucket(startAt)!)!.received += 1;
    const finishedAt = record.terminalAt[9];
    if (finishedAt !== undefined && finishedAt >= from && finishedAt <= to) points.get(bucket(finishedAt)!)!.finished += 1;
    const facts = toStatisticsFacts(record);
    const endAt = endOfDossier(facts);
    if (endAt !== undefined && endAt >= from && endAt <= to) {
      ended.push(facts);
      endBucket.set(record.dossierId, bucket(endAt)!);
    }
  }
  // Each dossier that ended in the period is judged at its end: the rate of the bucket it ended in.
  const rates = computeStatisticsBy(ended, (facts) => endBucket.get(facts.dossierId), { period: scope.period });
  for (const [start, figures] of rates) {
    const point = points.get(start);
    if (point) point.onTimeRate = figures.onTimeRate ?? null;
  }
  return { points: [...points.values()] };
}
