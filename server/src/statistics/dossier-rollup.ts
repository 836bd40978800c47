/**
 * @module dossier-rollup — what one dossier adds to the dashboard's rollups (issue 18, statistics at national scale):
 * counters per Vietnam day, week, month and in all, per procedure, receiving agency and route (the agencies and departments
 * it reached), so that a summary, a breakdown or a trend reads a few rollup documents instead of every dossier's facts.
 *
 * A dossier contributes dated events, each derived from its facts with the same judgement as `placeInPeriod`
 * (Decision 766/QĐ-TTg): its start (received in the period), its receipt and its status 9 (the trend), its end with
 * the finished classification (early, on time, overdue), and its classification while open as a timeline: +1 to a class
 * when it starts to hold, −1 when it stops. "In process at the end of the period" is then the sum of the open events
 * up to that instant. The instant an open dossier turns overdue (its appointment plus the citizen's time) is known in
 * advance and may lie in the future: such crossings are also kept per instant in the day's document, so that a period
 * ending now leaves out those later today.
 *
 * A change of a dossier applies `contribution(after) − contribution(before)` by `$inc` in the dossier's unit of work:
 * retried or rolled back with it, and the rollups stay the sum of the stored facts (`rollupIncrements`).
 *
 * Contention: concurrent commands on dossiers of the same procedure and route increment the same documents, so on
 * MongoDB their transactions meet write conflicts and one is run again (`connection.transaction` retries them). Not
 * measured under load yet; if it shows, spread each key over a few slot documents (a hash of the dossier id in `_id`),
 * which the queries add up as they already add up keys.
 */
import { endOfDossier } from '../../../engine/src/index';
import { placeInPeriod, toStatisticsFacts, type DossierClassification } from './classify-dossier-facts';
import type { DossierFactsRecord } from './dossier-facts-record';
import { vietnamDayOf } from './stats-scope';

export const ROLLUP_COUNTERS = [
  'started', 'startedOnline', 'startedDigitised', 'received', 'finished', 'processingMs',
  'endEarly', 'endOnTime', 'endOverdue', 'openInTime', 'openOverdue', 'openPausedInTime', 'openPausedOverdue',
] as const;
/**
 * `started`: received (or refused at intake) — the summary's "received"; `received`: receipts alone (the trend);
 * `finished` and `processingMs`: status 9 and the working time it took (the average processing time); `end*`: the
 * finished classification at the end; `open*`: the open classification's timeline.
 */
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** Which rollup document a dossier counts in besides its bucket: procedure, receiving agency and route. */
export interface RollupKey {
  procedureKey: string;
  /** The receiving agency. */
  agencyId: string;
  /** The receiving agency's province (the sharding and tenancy key of docs/production.md), when the facts carry it. */
  provinceCode?: string;
  /** Every agency and department the route reached, sorted (the breakdown keys and the scope filter). */
  agencyIds: string[];
  departmentIds: string[];
}

/** One rollup document: the counters of the events of one bucket (`d2025-03-05`, `w2025-03-03`, `m2025-03`, `all`) and key. */
export interface RollupDocument extends RollupKey {
  bucket: string;
  counts: Partial<Record<RollupCounter, number>>;
  /** Day documents: the crossings into overdue, per instant (ms as a string) — a period ending now skips later ones. */
  crossings?: Record<string, Partial<Record<RollupCounter, number>>>;
}

/** An increment to one rollup document (`$inc` of each counter). */
export type RollupIncrement = RollupDocument;

interface RollupEvent {
  at: number;
  counter: RollupCounter;
  n: number;
  crossing?: boolean;
}

const OPEN: Partial<Record<DossierClassification, RollupCounter>> = {
  inTime: 'openInTime',
  inProcessOverdue: 'openOverdue',
  pausedInTime: 'openPausedInTime',
  pausedOverdue: 'openPausedOverdue',
};
const END: Partial<Record<DossierClassification, RollupCounter>> = { early: 'endEarly', onTime: 'endOnTime', overdue: 'endOverdue' };

export const dayBucket = (at: number): string => `d${vietnamDayOf(at)}`;
export const monthBucket = (at: number): string => `m${vietnamDayOf(at).slice(0, 7)}`;
/** The ISO week (from Monday, Vietnam days) of an instant, named by its Monday: the weekly trend reads these. */
export const weekBucket = (at: number): string => {
  const day = new Date(`${vietnamDayOf(at)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return `w${day.toISOString().slice(0, 10)}`;
};
export const ALL_BUCKET = 'all';

export function rollupKeyOf(record: DossierFactsRecord): RollupKey {
  const province = (record as { provinceCode?: string }).provinceCode;
  return {
    procedureKey: record.procedureKey,
    agencyId: record.agencyId,
    ...(province === undefined ? {} : { provinceCode: province }),
    agencyIds: [...record.agencyIds].sort(),
    departmentIds: [...record.departmentIds].sort(),
  };
}

/** The document id of a key in a bucket. */
export function rollupId(bucket: string, key: RollupKey): string {
  return [bucket, key.provinceCode ?? '', key.procedureKey, key.agencyId, key.agencyIds.join(','), key.departmentIds.join(',')].join('|');
}

/** The dated events a dossier's facts contribute (none before it is received). */
export function rollupEventsOf(record: DossierFactsRecord): RollupEvent[] {
  const closedAtIntake = record.terminalAt[3] !== undefined || record.terminalAt[7] !== undefined;
  const startAt = record.receivedAt ?? (closedAtIntake ? record.submittedAt : undefined);
  const events: RollupEvent[] = [];
  if (record.receivedAt !== undefined) events.push({ at: record.receivedAt, counter: 'received', n: 1 });
  const finishedAt = record.terminalAt[9];
  if (finishedAt !== undefined) events.push({ at: finishedAt, counter: 'finished', n: 1 });
  if (startAt === undefined) return events;
  events.push({ at: startAt, counter: 'started', n: 1 });
  if (record.channel === 2) events.push({ at: startAt, counter: 'startedOnline', n: 1 });
  if (record.digitised) events.push({ at: startAt, counter: 'startedDigitised', n: 1 });
  if (finishedAt !== undefined && record.processingMs !== undefined) events.push({ at: finishedAt, counter: 'processingMs', n: record.processingMs });
  const endAt = record.endAt ?? endOfDossier(toStatisticsFacts(record));
  const pieces = openTimeline(record, startAt, endAt);
  pieces.forEach((piece, index) => {
    const until = pieces[index + 1]?.at ?? endAt;
    events.push({ at: piece.at, counter: piece.counter, n: 1, ...(piece.crossing ? { crossing: true } : {}) });
    if (until !== undefined) events.push({ at: until, counter: piece.counter, n: -1, ...(pieces[index + 1]?.crossing ? { crossing: true } : {}) });
  });
  if (endAt !== undefined) {
    const place = placeInPeriod(record, { from: Number.NEGATIVE_INFINITY, to: endAt });
    const counter = place && END[place.classification];
    if (counter) events.push({ at: endAt, counter, n: 1 });
  }
  return events;
}

/** The increments that turn the rollups of `before` into those of `after` (either may be absent); zero ones dropped. */
export function rollupIncrements(before: DossierFactsRecord | undefined, after: DossierFactsRecord | undefined): RollupIncrement[] {
  const byId = new Map<string, RollupIncrement>();
  const add = (record: DossierFactsRecord, sign: 1 | -1) => {
    const key = rollupKeyOf(record);
    for (const event of rollupEventsOf(record)) {
      for (const bucket of [dayBucket(event.at), weekBucket(event.at), monthBucket(event.at), ALL_BUCKET]) {
        const id = rollupId(bucket, key);
        let increment = byId.get(id);
        if (!increment) byId.set(id, (increment = { bucket, ...key, counts: {} }));
        increment.counts[event.counter] = (increment.counts[event.counter] ?? 0) + sign * event.n;
        if (event.crossing && bucket.startsWith('d')) {
          const at = ((increment.crossings ??= {})[String(event.at)] ??= {});
          at[event.counter] = (at[event.counter] ?? 0) + sign * event.n;
        }
      }
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  return [...byId.values()].flatMap((increment) => {
    const counts = nonZero(increment.counts);
    const crossings = Object.fromEntries(Object.entries(increment.crossings ?? {}).map(([at, n]) => [at, nonZero(n)] as const).filter(([, n]) => Object.keys(n).length > 0));
    if (Object.keys(counts).length === 0 && Object.keys(crossings).length === 0) return [];
    return [{ ...increment, counts, ...(Object.keys(crossings).length > 0 ? { crossings } : {}) }];
  });
}

/** Merges increments of many dossiers into one per document (seeding and rebuilding write each document once). */
export function mergeIncrements(increments: Iterable<RollupIncrement>, into = new Map<string, RollupIncrement>()): Map<string, RollupIncrement> {
  for (const increment of increments) {
    const id = rollupId(increment.bucket, increment);
    const known = into.get(id);
    if (!known) {
      into.set(id, structuredClone(increment));
      continue;
    }
    addCounts(known.counts, increment.counts);
    for (const [at, n] of Object.entries(increment.crossings ?? {})) addCounts(((known.crossings ??= {})[at] ??= {}), n);
  }
  return into;
}

export function addCounts(into: Partial<Record<RollupCounter, number>>, counts: Partial<Record<RollupCounter, number>>, sign = 1): void {
  for (const [counter, n] of Object.entries(counts) as [RollupCounter, number][]) into[counter] = (into[counter] ?? 0) + sign * n;
}

function nonZero(counts: Partial<Record<RollupCounter, number>>): Partial<Record<RollupCounter, number>> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}

interface Piece {
  at: number;
  counter: RollupCounter;
  crossing?: boolean;
}

/**
 * The open classification of the dossier from `startAt` until `endAt` (or for ever), as `placeInPeriod` judges it at
 * each instant: it changes only where a supplement span or a fee wait (status 6) begins or ends, and once inside a
 * stretch between those, when the end less the citizen's time passes the appointment.
 */
function openTimeline(record: DossierFactsRecord, startAt: number, endAt: number | undefined): Piece[] {
  const classAt = (at: number): RollupCounter | undefined => {
    const place = placeInPeriod(record, { from: Number.NEGATIVE_INFINITY, to: at });
    return place ? OPEN[place.classification] : undefined;
  };
  const inside = (at: number) => at >= startAt && (endAt === undefined || at < endAt);
  const marks = [startAt, ...record.supplements.flatMap((span) => [span.requestedAt, span.completedAt ?? startAt]), ...(record.status === 6 ? [record.updatedAt] : [])];
  const points = [...new Set(marks.filter(inside))].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const push = (piece: Piece) => {
    if (pieces.at(-1)?.counter !== piece.counter) pieces.push(piece);
  };
  points.forEach((from, index) => {
    const to = points[index + 1] ?? endAt ?? Number.POSITIVE_INFINITY;
    const counter = classAt(from);
    if (!counter) return;
    push({ at: from, counter });
    if (counter === 'openOverdue' || counter === 'openPausedOverdue' || record.appointmentAt === undefined) return;
    const crossing = crossingIn(classAt, counter, from, to, record.appointmentAt + citizenMsAt(record, from) + 1);
    if (crossing !== undefined) push({ at: crossing, counter: classAt(crossing)!, crossing: true });
  });
  return pieces;
}

/** The first instant in (from, to) whose class is not `counter`: the computed candidate if it is that, else a search. */
function crossingIn(classAt: (at: number) => RollupCounter | undefined, counter: RollupCounter, from: number, to: number, candidate: number): number | undefined {
  if (candidate > from && candidate < to && classAt(candidate) !== counter && classAt(candidate - 1) === counter) return candidate;
  if (!Number.isFinite(to) || classAt(to - 1) === counter) return undefined;
  let low = from;
  let high = to - 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (classAt(middle) === counter) low = middle;
    else high = middle;
  }
  return high;
}

function citizenMsAt(record: DossierFactsRecord, at: number): number {
  let total = 0;
  for (const span of record.supplements) if (span.requestedAt < at) total += Math.min(span.completedAt ?? at, at) - span.requestedAt;
  return total;
}
