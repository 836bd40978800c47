/**
 * @module stats-trend — the trend charts: per day, ISO week (from Monday) or month of the period, the dossiers
 * received, finished (status 9) and the on-time rate of those that ended in it (Decision 766/QĐ-TTg, from the
 * engine's `computeStatisticsBy`). Buckets are Vietnam (UTC+7) calendar days.
 */
import { computeStatisticsBy, endOfDossier } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';
import { toStatisticsFacts } from './classify-dossier-facts';
import type { StatsDeps } from './stats-deps';
import { startOfVietnamDay, vietnamDayOf, type StatsScope } from './stats-scope';
import { factsInScope } from './stats-summary';

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
    if (buckets.length >= MAX_POINTS) throw new HttpProblem({ status: 400, code: 'PERIOD_TOO_LONG', title: 'Too many points', detail: `At most ${MAX_POINTS} ${interval}s.` });
    buckets.push(day);
    const next = new Date(`${day}T00:00:00Z`);
    if (interval === 'day') next.setUTCDate(next.getUTCDate() + 1);
    else if (interval === 'week') next.setUTCDate(next.getUTCDate() + 7);
    else next.setUTCMonth(next.getUTCMonth() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return buckets;
}

export async function statsTrend(deps: StatsDeps, scope: StatsScope, interval: TrendInterval): Promise<{ points: TrendPoint[] }> {
  const { from, to } = scope.period;
  const points = new Map(bucketsOf(scope.period, interval).map((start) => [start, { periodStart: start, received: 0, finished: 0, onTimeRate: null as number | null }]));
  const records = await factsInScope(deps, scope);
  const ended = [];
  for (const record of records) {
    const startAt = record.receivedAt;
    if (startAt !== undefined && startAt >= from && startAt <= to) points.get(bucketOf(startAt, interval))!.received += 1;
    const finishedAt = record.terminalAt[9];
    if (finishedAt !== undefined && finishedAt >= from && finishedAt <= to) points.get(bucketOf(finishedAt, interval))!.finished += 1;
    const facts = toStatisticsFacts(record);
    const endAt = endOfDossier(facts);
    if (endAt !== undefined && endAt >= from && endAt <= to) ended.push(facts);
  }
  // Each dossier that ended in the period is judged at its end: the rate of the bucket it ended in.
  const rates = computeStatisticsBy(ended, (facts) => bucketOf(endOfDossier(facts)!, interval), { period: scope.period });
  for (const [start, figures] of rates) {
    const point = points.get(start);
    if (point) point.onTimeRate = figures.onTimeRate ?? null;
  }
  return { points: [...points.values()] };
}
