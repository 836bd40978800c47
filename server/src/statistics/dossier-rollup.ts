/**
 * @module dossier-rollup — what one dossier adds to the dashboard's rollups (issue 18, statistics at national scale):
 * counters per Vietnam day, week, month and in all, per procedure, receiving agency and route (the agencies and departments
 * it reached), so that a summary, a breakdown or a trend reads a few rollup documents instead of every dossier's facts.
 * Beside them: the trend's counters per day in each month's document and per ISO week in a year document (`series`,
 * so a trend of a year reads one document per key); the delay attribution of a dossier that finished late and the
 * letters of apology, per agency (`delays`); and per official, the steps assigned to them (buckets `od…`, `om…`,
 * `oall`, keyed by procedure, the step's unit and the official), judged as `placeStepInPeriod` judges them.
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
 * Contention: concurrent commands on dossiers of the same procedure and route would increment the same documents, and
 * on MongoDB their transactions would meet write conflicts, each loser's whole command run again. Measured under load
 * (`bench/load-bench.ts`, the database's own count): 6–7 transactions started per intake. So a key in a bucket is
 * spread over write slots (`_id` ends `#n`, slot 0 without it): the mongoose adapter gives each unit of work in flight
 * its own slot (`mongo/rollup-write-slots.ts`), and the readers add the slots up as they add up keys. A slot alone
 * may hold any part of a sum, negative counts included (a change takes away where it was added before, in any slot).
 */
import { classifyFinished, classifyOpen, endOfDossier } from '../../../engine/src/index';
import { placeInPeriod, toStatisticsFacts, type DossierClassification } from './classify-dossier-facts';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
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

/**
 * Which rollup document a dossier counts in besides its bucket: procedure, receiving agency and route. An official's
 * step rollups (buckets `o…`) name the official and the step's unit instead (`agencyIds`/`departmentIds` of one).
 */
export interface RollupKey {
  procedureKey: string;
  /** The receiving agency. */
  agencyId: string;
  /**
   * The province whose rollup this is (the sharding and tenancy key of docs/production.md): facts are province-free
   * records, so the store that writes the rollup sets it from the writing province (`writingProvince()`), and
   * `rollupId` then carries it, so that two provinces' rollups of the same key never meet in one document.
   */
  provinceCode?: string;
  /** Every agency and department the route reached, sorted (the breakdown keys and the scope filter). */
  agencyIds: string[];
  departmentIds: string[];
  /** Step rollups: the official the steps were assigned to. */
  officialId?: string;
}

/** Counters under a name inside a document: per instant (`crossings`), per day or week (`series`), per agency (`delays`). */
export type NestedCounts = Record<string, Record<string, number>>;
export const NESTED = ['crossings', 'series', 'delays'] as const;
export type NestedField = (typeof NESTED)[number];

/** One rollup document: the counters of the events of one bucket (`d2025-03-05`, `w2025-03-03`, `m2025-03`, `all`) and key. */
export interface RollupDocument extends RollupKey {
  bucket: string;
  counts: Partial<Record<RollupCounter, number>>;
  /** Day documents: the crossings into overdue, per instant (ms as a string) — a period ending now skips later ones. */
  crossings?: NestedCounts;
  /**
   * The trend's counters (`TREND_COUNTERS`) per day in a month document and per ISO week (its Monday) in a year
   * document (`y2025`): a trend of whole months or years reads one document per key instead of one per point.
   */
  series?: NestedCounts;
  /**
   * Delay attribution per agency (its id with `.` written `%2E`, a field name): `delayed` dossiers it answers for
   * (finished late, `attributeDelay` at the end), `overrunMs` its steps overran in them, `apologies` (form 04) it issued.
   */
  delays?: NestedCounts;
  /** The stored form the document was last written in (`ROLLUP_FORMAT`); read only to decide a rebuild. */
  format?: number;
}

/** An increment to one rollup document (`$inc` of each counter). */
export type RollupIncrement = RollupDocument;

export interface RollupEvent {
  at: number;
  counter: string;
  n: number;
  crossing?: boolean;
  /** A delay counter of this agency (`delays`), not a document counter. */
  delayOf?: string;
}

/** What the trend reads per day, week or month. */
export const TREND_COUNTERS: readonly RollupCounter[] = ['received', 'finished', 'endEarly', 'endOnTime', 'endOverdue'];
const TREND = new Set<string>(TREND_COUNTERS);

const OPEN: Partial<Record<DossierClassification, RollupCounter>> = {
  inTime: 'openInTime',
  inProcessOverdue: 'openOverdue',
  pausedInTime: 'openPausedInTime',
  pausedOverdue: 'openPausedOverdue',
};
const END: Partial<Record<DossierClassification, RollupCounter>> = { early: 'endEarly', onTime: 'endOnTime', overdue: 'endOverdue' };

/** The Vietnam day of an instant and its ISO week (named by its Monday), month and year: cached per day (each event asks). */
interface DayNames {
  day: string;
  week: string;
  month: string;
  year: string;
}
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const dayNames = new Map<number, DayNames>();
function dayNamesOf(at: number): DayNames {
  const index = Math.floor((at + VIETNAM_OFFSET_MS) / DAY_MS);
  let names = dayNames.get(index);
  if (!names) {
    const day = vietnamDayOf(at);
    const monday = new Date(`${day}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    names = { day, week: monday.toISOString().slice(0, 10), month: day.slice(0, 7), year: day.slice(0, 4) };
    if (dayNames.size >= 100_000) dayNames.clear();
    dayNames.set(index, names);
  }
  return names;
}

export const dayBucket = (at: number): string => `d${dayNamesOf(at).day}`;
export const monthBucket = (at: number): string => `m${dayNamesOf(at).month}`;
/** The ISO week (from Monday, Vietnam days) of an instant, named by its Monday: the weekly trend reads these. */
export const weekBucket = (at: number): string => `w${dayNamesOf(at).week}`;
export const yearBucket = (at: number): string => `y${dayNamesOf(at).year}`;
export const ALL_BUCKET = 'all';
/** The prefix of an official's step rollups' buckets (`od2025-03-05`, `om2025-03`, `oall`). */
export const OFFICIAL_PREFIX = 'o';

/** An agency id as a field name (no `.`, which MongoDB reads as a path). */
export const toFieldName = (id: string): string => id.replaceAll('%', '%25').replaceAll('.', '%2E').replace(/^\$/, '%24');
export const fromFieldName = (name: string): string => decodeURIComponent(name);

export function rollupKeyOf(record: DossierFactsRecord): RollupKey {
  return {
    procedureKey: record.procedureKey,
    agencyId: record.agencyId,
    agencyIds: [...record.agencyIds].sort(),
    departmentIds: [...record.departmentIds].sort(),
  };
}

/**
 * The stored form of the rollups: documents written in an older form are rebuilt from the facts at start-up
 * (`rebuild-rollups.ts`). 2: an official's documents name the official in their `_id` (two officials of one unit
 * shared a document before), and write slots.
 */
export const ROLLUP_FORMAT = 2;

/**
 * The document id of a key in a bucket; a key with its province gets an id no other province's key has, an official's
 * key one no other official's has, and write slot `n` > 0 its own (`#n`).
 */
export function rollupId(bucket: string, key: RollupKey, slot = 0): string {
  const id = [bucket, key.provinceCode ?? '', key.procedureKey, key.agencyId, key.agencyIds.join(','), key.departmentIds.join(',')].join('|');
  return (key.officialId === undefined ? id : `${id}|${key.officialId}`) + (slot > 0 ? `#${slot}` : '');
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
    if (counter === 'endOverdue' && record.lateness) {
      const { responsibleAgencyId, overruns } = record.lateness;
      if (responsibleAgencyId !== undefined) events.push({ at: endAt, counter: 'delayed', n: 1, delayOf: responsibleAgencyId });
      for (const overrun of overruns) if (overrun.overrunMs > 0) events.push({ at: endAt, counter: 'overrunMs', n: overrun.overrunMs, delayOf: overrun.agencyId });
    }
  }
  for (const letter of record.apologies) if (letter.agencyId !== undefined) events.push({ at: letter.at, counter: 'apologies', n: 1, delayOf: letter.agencyId });
  return events;
}

/** What one dossier contributes: its events per rollup key, the dossier's own and each of its officials' steps'. */
export interface RollupContribution {
  key: RollupKey;
  /** `''` for the dossier's documents, `OFFICIAL_PREFIX` for a step's. */
  prefix: string;
  events: RollupEvent[];
}

export function rollupContributions(record: DossierFactsRecord): RollupContribution[] {
  const contributions: RollupContribution[] = [{ key: rollupKeyOf(record), prefix: '', events: rollupEventsOf(record) }];
  for (const step of record.steps.length > 0 ? record.steps : record.openSteps) {
    if (step.assigneeId !== undefined) contributions.push({ key: stepRollupKeyOf(record, step), prefix: OFFICIAL_PREFIX, events: stepEventsOf(step) });
  }
  return contributions;
}

/** Adds contributions (`sign` −1: takes them away) to the increments per document id in `into`. */
export function addContributions(into: Map<string, RollupIncrement>, contributions: readonly RollupContribution[], sign: 1 | -1 = 1): void {
  for (const { key, prefix, events } of contributions) {
    const keyId = rollupId('', key);
    for (const event of events) addEvent(into, key, keyId, event, sign, prefix);
  }
}

/** The increments that turn the rollups of `before` into those of `after` (either may be absent); zero ones dropped. */
export function rollupIncrements(before: DossierFactsRecord | undefined, after: DossierFactsRecord | undefined): RollupIncrement[] {
  const byId = new Map<string, RollupIncrement>();
  if (before) addContributions(byId, rollupContributions(before), -1);
  if (after) addContributions(byId, rollupContributions(after), 1);
  return [...byId.values()].flatMap((increment) => {
    const counts = nonZero(increment.counts);
    const nested = Object.fromEntries(
      NESTED.map((field) => [field, Object.fromEntries(Object.entries(increment[field] ?? {}).map(([name, n]) => [name, nonZero(n)] as const).filter(([, n]) => Object.keys(n).length > 0))] as const).filter(([, n]) => Object.keys(n).length > 0),
    );
    if (Object.keys(counts).length === 0 && Object.keys(nested).length === 0) return [];
    const { crossings: _c, series: _s, delays: _d, ...rest } = increment;
    return [{ ...rest, counts, ...nested }];
  });
}

/**
 * Adds one event to the documents it counts in: a dossier's day, week, month and `all` (the trend's counters also
 * in the month's and the year's `series`), a step's `od`, `om` and `oall`; a delay counter in the day's and month's `delays`.
 */
function addEvent(byId: Map<string, RollupIncrement>, key: RollupKey, keyId: string, event: RollupEvent, sign: 1 | -1, prefix: string): void {
  const n = sign * event.n;
  const target = (bucket: string): RollupIncrement => {
    // rollupId(bucket, key), the key's part joined once per contribution
    const id = bucket + keyId;
    let increment = byId.get(id);
    if (!increment) byId.set(id, (increment = { bucket, ...key, counts: {} }));
    return increment;
  };
  const bump = (into: Record<string, number>) => {
    into[event.counter] = (into[event.counter] ?? 0) + n;
  };
  const nested = (increment: RollupIncrement, field: NestedField, name: string) => ((increment[field] ??= {})[name] ??= {});
  const names = dayNamesOf(event.at);
  const day = `${prefix}d${names.day}`;
  const month = `${prefix}m${names.month}`;
  if (event.delayOf !== undefined) {
    for (const bucket of [day, month]) bump(nested(target(bucket), 'delays', toFieldName(event.delayOf)));
    return;
  }
  const buckets = prefix ? [day, month, prefix + ALL_BUCKET] : [day, `w${names.week}`, month, ALL_BUCKET];
  for (const bucket of buckets) bump(target(bucket).counts as Record<string, number>);
  if (event.crossing) bump(nested(target(day), 'crossings', String(event.at)));
  if (!prefix && TREND.has(event.counter)) {
    bump(nested(target(month), 'series', names.day));
    bump(nested(target(`y${names.year}`), 'series', names.week));
  }
}

/** An official's step rollup key: the procedure, the step's own unit and the official it was assigned to. */
export function stepRollupKeyOf(record: DossierFactsRecord, step: StepFacts): RollupKey {
  const province = (record as { provinceCode?: string }).provinceCode;
  return {
    procedureKey: record.procedureKey,
    agencyId: step.agencyId ?? '',
    ...(province === undefined ? {} : { provinceCode: province }),
    agencyIds: step.agencyId === undefined ? [] : [step.agencyId],
    departmentIds: step.departmentId === undefined ? [] : [step.departmentId],
    ...(step.assigneeId === undefined ? {} : { officialId: step.assigneeId }),
  };
}

/**
 * The dated events of a step an official handled, judged as `placeStepInPeriod` judges it (official-step-tally.ts):
 * its start (`started`), its completion with its classification, `finished` and its working time (`processingMs`), and
 * its open classification as a timeline — it changes where a pause begins or ends and when the step passes its due
 * instant (a crossing, which may lie later today).
 */
export function stepEventsOf(step: StepFacts): RollupEvent[] {
  if (step.assigneeId === undefined || step.status === 'cancelled') return [];
  const events: RollupEvent[] = [{ at: step.startedAt, counter: 'started', n: 1 }];
  const endAt = step.status === 'completed' ? step.completedAt : undefined;
  const dueAt = step.dueAt ?? Number.POSITIVE_INFINITY;
  if (endAt !== undefined) {
    events.push({ at: endAt, counter: END[classifyFinished({ finishedAt: endAt, dueAt })]!, n: 1 }, { at: endAt, counter: 'finished', n: 1 });
    if (step.workingMs !== undefined) events.push({ at: endAt, counter: 'processingMs', n: step.workingMs });
  }
  const classAt = (at: number): RollupCounter => {
    const pausedAt = step.pauses.find((span) => span.from <= at && (span.to === undefined || span.to > at))?.from;
    const open = classifyOpen({ at, dueAt, ...(pausedAt === undefined ? {} : { pausedAt }) });
    return OPEN[open === 'overdue' ? 'inProcessOverdue' : open]!;
  };
  const crossingAt = Number.isFinite(dueAt) ? dueAt + 1 : undefined;
  const marks = [step.startedAt, ...step.pauses.flatMap((span) => (span.to === undefined ? [span.from] : [span.from, span.to])), ...(crossingAt === undefined ? [] : [crossingAt])];
  const points = [...new Set(marks.filter((at) => at >= step.startedAt && (endAt === undefined || at < endAt)))].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (const at of points) {
    const counter = classAt(at);
    if (pieces.at(-1)?.counter !== counter) pieces.push({ at, counter, ...(at === crossingAt ? { crossing: true } : {}) });
  }
  pieces.forEach((piece, index) => {
    const next = pieces[index + 1];
    events.push({ at: piece.at, counter: piece.counter, n: 1, ...(piece.crossing ? { crossing: true } : {}) });
    if (next) events.push({ at: next.at, counter: piece.counter, n: -1, ...(next.crossing ? { crossing: true } : {}) });
    else if (endAt !== undefined) events.push({ at: endAt, counter: piece.counter, n: -1 });
  });
  return events;
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
    addNested(known, increment);
  }
  return into;
}

/** Adds the counters of `increment` (its own and its nested ones) to `into`. */
export function addNested(into: RollupDocument, increment: RollupDocument): void {
  addCounts(into.counts, increment.counts);
  for (const field of NESTED) for (const [name, n] of Object.entries(increment[field] ?? {})) addCounts(((into[field] ??= {})[name] ??= {}), n);
}

export function addCounts<K extends string>(into: Partial<Record<K, number>>, counts: Partial<Record<K, number>>, sign = 1): void {
  for (const [counter, n] of Object.entries(counts) as [K, number][]) into[counter] = (into[counter] ?? 0) + sign * n;
}

function nonZero<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0)) as Partial<Record<K, number>>;
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
