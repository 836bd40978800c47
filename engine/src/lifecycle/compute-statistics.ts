/**
 * @module computeStatistics — the figures supervisors are judged by (Decision 766/QĐ-TTg, service index): on-time
 * rate, average processing time in the procedure's unit, online rate; over plain dossier facts, for a period and a
 * scope, in one pass (it runs over 100,000 dossiers for the dashboard).
 *
 * Rules applied (DOMAIN.md "Statistics"): a dossier counts when it was received in the period or was still being
 * processed in it; its end is its first terminal status (3, 7, 8, 9, 10 — 9 wins over 10, the result was ready when
 * it reached the one-stop section), or the end of the period when it has none yet; it is on time when its end, less
 * the citizen's supplement time (supplement completed − supplement requested), is not after the appointment; more
 * than one supplement request makes it overdue.
 */
import type { BudgetUnit } from '../model/procedure-definition';
import type { ReceiptChannel } from '../ports';
import { WORKING_DAY_MS, WORKING_HOUR_MS, type WorkingTime } from './working-time';

export type TerminalStatus = 3 | 7 | 8 | 9 | 10;

export interface SupplementSpan {
  requestedAt: number;
  /** Absent while the citizen has not answered. */
  completedAt?: number;
}

/** What the statistics need to know of one dossier (a projection of the dossier record and its lifecycle). */
export interface DossierFacts {
  dossierId: string;
  procedureCode?: string;
  agencyId?: string;
  departmentIds?: readonly string[];
  officialIds?: readonly string[];
  channel: ReceiptChannel;
  /** Online submissions refused at intake have no receipt: their submission counts instead. */
  submittedAt?: number;
  receivedAt?: number;
  /** The appointment on the receipt (form 01). */
  appointmentAt?: number;
  terminalAt?: Partial<Record<TerminalStatus, number>>;
  supplements?: readonly SupplementSpan[];
}

export interface StatisticsScope {
  procedureCode?: string;
  agencyId?: string;
  departmentId?: string;
  officialId?: string;
}

export interface StatisticsOptions {
  period: { from: number; to: number };
  scope?: StatisticsScope;
  /** Unit of the average processing time; working units need `workingTime`. Default: working days when given. */
  unit?: Exclude<BudgetUnit, 'sameDay'>;
  /** One calendar for every dossier, or each dossier's own (its receiving agency's, issue 18). */
  workingTime?: WorkingTime | ((dossier: DossierFacts) => WorkingTime);
}

export interface DossierStatistics {
  /** Dossiers received or processed in the period: the denominator of the on-time rate. */
  dossiers: number;
  onTime: number;
  overdue: number;
  /** `onTime / dossiers`, undefined when there is none. */
  onTimeRate?: number;
  /** Dossiers received in the period, and those of them received online (channel 2). */
  received: number;
  online: number;
  onlineRate?: number;
  /** Average time from receipt to status 9, less the citizen's time, over dossiers finished in the period. */
  averageProcessing?: { value: number; unit: Exclude<BudgetUnit, 'sameDay'>; finished: number };
}

/** Computes the Decision 766 figures of the dossiers in `options.scope` for `options.period`. */
export function computeStatistics(facts: Iterable<DossierFacts>, options: StatisticsOptions): DossierStatistics {
  checkUnit(options);
  const tally = createTally();
  for (const dossier of facts) if (inScope(dossier, options.scope)) count(tally, dossier, options);
  return summarise(tally, options);
}

/** The same figures per key (agency, department, official …) in one pass; a dossier may count under several keys. */
export function computeStatisticsBy(
  facts: Iterable<DossierFacts>,
  keysOf: (dossier: DossierFacts) => string | readonly string[] | undefined,
  options: StatisticsOptions,
): Map<string, DossierStatistics> {
  checkUnit(options);
  const tallies = new Map<string, Tally>();
  for (const dossier of facts) {
    if (!inScope(dossier, options.scope)) continue;
    const keys = keysOf(dossier);
    for (const key of typeof keys === 'string' ? [keys] : (keys ?? [])) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = createTally()));
      count(tally, dossier, options);
    }
  }
  return new Map([...tallies].map(([key, tally]) => [key, summarise(tally, options)]));
}

/** End of a dossier for the statistics: status 9 first, else its earliest terminal status. */
export function endOfDossier(dossier: DossierFacts): number | undefined {
  const terminal = dossier.terminalAt;
  if (!terminal) return undefined;
  if (terminal[9] !== undefined) return terminal[9];
  const ends = [terminal[3], terminal[7], terminal[8], terminal[10]].filter((at): at is number => at !== undefined);
  return ends.length > 0 ? Math.min(...ends) : undefined;
}

/** Whether the dossier counts as on time when judged at `endAt`. */
export function isOnTime(dossier: DossierFacts, endAt: number): boolean {
  const supplements = dossier.supplements ?? [];
  if (supplements.length > 1) return false;
  if (dossier.appointmentAt === undefined) return true;
  return endAt - citizenMs(supplements, endAt) <= dossier.appointmentAt;
}

interface Tally {
  dossiers: number;
  onTime: number;
  received: number;
  online: number;
  finished: number;
  processingMs: number;
}

function checkUnit(options: StatisticsOptions): void {
  if (options.unit && options.unit !== 'calendarDays' && !options.workingTime) {
    throw new Error(`computeStatistics: unit ${options.unit} needs a workingTime to count working time`);
  }
}

const createTally = (): Tally => ({ dossiers: 0, onTime: 0, received: 0, online: 0, finished: 0, processingMs: 0 });

function inScope(dossier: DossierFacts, scope: StatisticsScope | undefined): boolean {
  if (!scope) return true;
  if (scope.procedureCode !== undefined && dossier.procedureCode !== scope.procedureCode) return false;
  if (scope.agencyId !== undefined && dossier.agencyId !== scope.agencyId) return false;
  if (scope.departmentId !== undefined && !dossier.departmentIds?.includes(scope.departmentId)) return false;
  return scope.officialId === undefined || dossier.officialIds?.includes(scope.officialId) === true;
}

function count(tally: Tally, dossier: DossierFacts, options: StatisticsOptions): void {
  const { from, to } = options.period;
  // A submission not yet accepted (status 1) is not a received dossier; one refused (3) or withdrawn (7) at intake is.
  const closedAtIntake = dossier.terminalAt?.[3] !== undefined || dossier.terminalAt?.[7] !== undefined;
  const startAt = dossier.receivedAt ?? (closedAtIntake ? dossier.submittedAt : undefined);
  if (startAt === undefined || startAt > to) return;
  const endAt = endOfDossier(dossier);
  if (endAt !== undefined && endAt < from) return;
  const judgedAt = endAt !== undefined && endAt <= to ? endAt : to;
  tally.dossiers += 1;
  if (isOnTime(dossier, judgedAt)) tally.onTime += 1;
  if (startAt >= from) {
    tally.received += 1;
    if (dossier.channel === 2) tally.online += 1;
  }
  const finishedAt = dossier.terminalAt?.[9];
  if (finishedAt !== undefined && finishedAt >= from && finishedAt <= to) {
    tally.finished += 1;
    tally.processingMs += processingMs(dossier, startAt, finishedAt, options);
  }
}

function processingMs(dossier: DossierFacts, startAt: number, endAt: number, options: StatisticsOptions): number {
  const time = typeof options.workingTime === 'function' ? options.workingTime(dossier) : options.workingTime;
  const unit = options.unit ?? (time ? 'workingDays' : 'calendarDays');
  if (unit === 'calendarDays' || !time) return endAt - startAt - citizenMs(dossier.supplements ?? [], endAt);
  const paused = (dossier.supplements ?? []).reduce(
    (sum, span) => sum + time.workingTimeBetween(span.requestedAt, Math.min(span.completedAt ?? endAt, endAt)),
    0,
  );
  return time.workingTimeBetween(startAt, endAt) - paused;
}

function citizenMs(supplements: readonly SupplementSpan[], endAt: number): number {
  let total = 0;
  for (const span of supplements) {
    if (span.requestedAt < endAt) total += Math.min(span.completedAt ?? endAt, endAt) - span.requestedAt;
  }
  return total;
}

function summarise(tally: Tally, options: StatisticsOptions): DossierStatistics {
  const unit = options.unit ?? (options.workingTime ? 'workingDays' : 'calendarDays');
  const unitMs = unit === 'workingDays' ? WORKING_DAY_MS : unit === 'workingHours' ? WORKING_HOUR_MS : 86_400_000;
  return {
    dossiers: tally.dossiers,
    onTime: tally.onTime,
    overdue: tally.dossiers - tally.onTime,
    ...(tally.dossiers > 0 ? { onTimeRate: tally.onTime / tally.dossiers } : {}),
    received: tally.received,
    online: tally.online,
    ...(tally.received > 0 ? { onlineRate: tally.online / tally.received } : {}),
    ...(tally.finished > 0
      ? { averageProcessing: { value: tally.processingMs / tally.finished / unitMs, unit, finished: tally.finished } }
      : {}),
  };
}
