/**
 * An independent computation of the dashboard's figures, written from DOMAIN.md's rules over the stored records
 * (dossier records, their progress records and steps), without the server's facts or the engine's statistics:
 * the tests compare the API's answers with it.
 *
 * Rules (DOMAIN.md "Early, on time, overdue, nearly due" and "Statistics … Decision 766/QĐ-TTg"): a dossier counts
 * when received in the period or still processed in it; its end is its first terminal status (3, 7, 8, 9, 10, and
 * 9 before 10), else the end of the period; it is on time when its end less the citizen's supplement time (status 5
 * spans) is not after the appointment and it had at most one supplement request. Finished on time on an earlier
 * Vietnam day is early.
 */
import type { WorkingTime } from '../../../engine/src/index';
import type { DossierRecord, Stores, StepRecord } from '../../../server/src/stores';

export interface IndependentDossier {
  id: string;
  procedureKey: string;
  agencies: Set<string>;
  departments: Set<string>;
  officials: Set<string>;
  channel: number;
  electronic: boolean;
  receivedAt: number;
  appointmentAt?: number;
  endAt?: number;
  finishedAt?: number;
  spans: { from: number; to?: number }[];
  status: number;
  openSteps: StepRecord[];
  /** Every step, open, completed and cancelled (the per-official figures count the steps each official handled). */
  steps: StepRecord[];
}

export type Classification = 'early' | 'onTime' | 'overdue' | 'inTime' | 'inProcessOverdue' | 'pausedInTime' | 'pausedOverdue';

const VN = 7 * 3_600_000;
const vnDay = (at: number) => Math.floor((at + VN) / 86_400_000);

/** Reads every dossier with its progress records and steps from the stores. */
export async function loadIndependent(stores: Stores): Promise<IndependentDossier[]> {
  const dossiers: DossierRecord[] = (await stores.dossiers.list({}, { offset: 0, limit: 1_000_000 })).items;
  const steps = (await stores.steps.list({}, { offset: 0, limit: 10_000_000 })).items;
  const stepsOf = new Map<string, StepRecord[]>();
  for (const step of steps) stepsOf.set(step.dossierId, [...(stepsOf.get(step.dossierId) ?? []), step]);
  const result: IndependentDossier[] = [];
  for (const dossier of dossiers) {
    const progress = await stores.progress.listByDossier(dossier.id);
    const spans: { from: number; to?: number }[] = [];
    let terminal9: number | undefined;
    const otherEnds: number[] = [];
    let previous: number | undefined;
    for (const entry of progress) {
      if (entry.status === 5 && previous !== 5) spans.push({ from: entry.at });
      if (entry.status !== 5 && previous === 5) spans[spans.length - 1]!.to = entry.at;
      if (entry.status === 9 && terminal9 === undefined) terminal9 = entry.at;
      if ([3, 7, 8, 10].includes(entry.status)) otherEnds.push(entry.at);
      previous = entry.status;
    }
    const own = stepsOf.get(dossier.id) ?? [];
    const state = dossier.state as { routedTo?: { agencyId: string; departmentId?: string }[]; receivingOfficial?: { id: string }; documents?: { copyType: string }[] };
    const received = progress.find((entry) => entry.status === 2)?.at;
    result.push({
      id: dossier.id,
      procedureKey: dossier.procedureKey,
      agencies: new Set([dossier.agencyId, ...(state.routedTo ?? []).map((u) => u.agencyId), ...own.flatMap((s) => (s.agencyId ? [s.agencyId] : []))]),
      departments: new Set([...(state.routedTo ?? []).flatMap((u) => (u.departmentId ? [u.departmentId] : [])), ...own.flatMap((s) => (s.departmentId ? [s.departmentId] : []))]),
      officials: new Set([...(state.receivingOfficial ? [state.receivingOfficial.id] : []), ...own.flatMap((s) => (s.assigneeId ? [s.assigneeId] : []))]),
      channel: dossier.channel,
      electronic: (state.documents ?? []).some((d) => d.copyType === 'electronic'),
      receivedAt: received ?? dossier.receivedAt!,
      ...(dossier.appointmentAt === undefined ? {} : { appointmentAt: dossier.appointmentAt }),
      ...(terminal9 !== undefined ? { endAt: terminal9, finishedAt: terminal9 } : otherEnds.length > 0 ? { endAt: Math.min(...otherEnds) } : {}),
      spans,
      status: dossier.status,
      openSteps: own.filter((s) => s.status === 'open'),
      steps: own,
    });
  }
  return result;
}

/** The dossier's place at the end of `period`, or undefined when the period does not concern it. */
export function classifyIndependently(d: IndependentDossier, from: number, to: number): Classification | undefined {
  if (d.receivedAt > to) return undefined;
  if (d.endAt !== undefined && d.endAt < from) return undefined;
  const ended = d.endAt !== undefined && d.endAt <= to;
  const judged = ended ? d.endAt! : to;
  let citizen = 0;
  for (const span of d.spans) if (span.from < judged) citizen += Math.min(span.to ?? judged, judged) - span.from;
  const effective = judged - citizen;
  const late = d.spans.length > 1 || (d.appointmentAt !== undefined && effective > d.appointmentAt);
  if (ended) {
    if (late) return 'overdue';
    return d.appointmentAt !== undefined && vnDay(effective) < vnDay(d.appointmentAt) ? 'early' : 'onTime';
  }
  const paused = d.spans.some((span) => span.from <= judged && (span.to === undefined || span.to > judged));
  if (paused) return late ? 'pausedOverdue' : 'pausedInTime';
  return late ? 'inProcessOverdue' : 'inTime';
}

/** An open step's mark at `now` from its stored clock: paused, overdue at dueAt, nearly due at the threshold. */
export function stepMarkIndependently(step: StepRecord, now: number): 'paused' | 'overdue' | 'nearlyDue' | 'due' {
  const clock = (step.clock as { context?: { clock?: { nearlyDueAt?: number; pauses?: { resumedAt?: number }[] } } } | undefined)?.context?.clock;
  const last = clock?.pauses?.at(-1);
  if (last && last.resumedAt === undefined) return 'paused';
  if (step.dueAt !== undefined && now >= step.dueAt) return 'overdue';
  if (clock?.nearlyDueAt !== undefined && now >= clock.nearlyDueAt) return 'nearlyDue';
  return 'due';
}

export interface IndependentSummary {
  received: number;
  processed: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedOverdue: number;
  inProcessInTime: number;
  inProcessOverdue: number;
  pausedInTime: number;
  pausedOverdue: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  digitisationRate: number | null;
  averageProcessingDays: number | null;
  nearlyDueSteps: number;
  overdueSteps: number;
}

const FIELD: Record<Classification, keyof IndependentSummary> = {
  early: 'finishedEarly', onTime: 'finishedOnTime', overdue: 'finishedOverdue', inTime: 'inProcessInTime',
  inProcessOverdue: 'inProcessOverdue', pausedInTime: 'pausedInTime', pausedOverdue: 'pausedOverdue',
};

/** The summary figures of `dossiers` for the period, with the open steps that `stepFilter` keeps. */
export function summariseIndependently(dossiers: IndependentDossier[], from: number, to: number, now: number, time: WorkingTime, stepFilter: (step: StepRecord) => boolean = () => true): IndependentSummary {
  const s: IndependentSummary = { received: 0, processed: 0, finishedEarly: 0, finishedOnTime: 0, finishedOverdue: 0, inProcessInTime: 0, inProcessOverdue: 0, pausedInTime: 0, pausedOverdue: 0, onTimeRate: null, onlineRate: null, digitisationRate: null, averageProcessingDays: null, nearlyDueSteps: 0, overdueSteps: 0 };
  let onTime = 0, online = 0, electronic = 0, finished = 0, workingMs = 0;
  for (const d of dossiers) {
    // Steps open now, of the dossiers received by the end of the period (the server's rule for a past period).
    for (const step of d.receivedAt <= to ? d.openSteps : []) {
      if (!stepFilter(step)) continue;
      const mark = stepMarkIndependently(step, now);
      if (mark === 'nearlyDue') s.nearlyDueSteps += 1;
      if (mark === 'overdue') s.overdueSteps += 1;
    }
    const c = classifyIndependently(d, from, to);
    if (!c) continue;
    s.processed += 1;
    (s[FIELD[c]] as number) += 1;
    if (c === 'early' || c === 'onTime' || c === 'inTime' || c === 'pausedInTime') onTime += 1;
    if (d.receivedAt >= from) {
      s.received += 1;
      if (d.channel === 2) online += 1;
      if (d.electronic) electronic += 1;
    }
    if (d.finishedAt !== undefined && d.finishedAt >= from && d.finishedAt <= to) {
      finished += 1;
      const paused = d.spans.reduce((sum, span) => sum + time.workingTimeBetween(span.from, Math.min(span.to ?? d.finishedAt!, d.finishedAt!)), 0);
      workingMs += time.workingTimeBetween(d.receivedAt, d.finishedAt) - paused;
    }
  }
  s.onTimeRate = s.processed > 0 ? onTime / s.processed : null;
  s.onlineRate = s.received > 0 ? online / s.received : null;
  s.digitisationRate = s.received > 0 ? electronic / s.received : null;
  s.averageProcessingDays = finished > 0 ? workingMs / finished / (8 * 3_600_000) : null;
  return s;
}

/**
 * The figures of one official over the steps assigned to them (DOMAIN.md: classified per step, each hand-over), from
 * the stored steps and their clocks: a step counts when it started by the end of the period and was not completed
 * before it; completed in the period it is early (an earlier Vietnam day than due), on time (not after due) or
 * overdue; else at the end of the period it is paused (an open pause), in time or overdue against its due instant.
 */
export function summariseOfficialIndependently(dossiers: IndependentDossier[], officialId: string, from: number, to: number, now: number): Pick<IndependentSummary, 'received' | 'processed' | 'finishedEarly' | 'finishedOnTime' | 'finishedOverdue' | 'inProcessInTime' | 'inProcessOverdue' | 'pausedInTime' | 'pausedOverdue' | 'nearlyDueSteps' | 'overdueSteps' | 'onTimeRate'> {
  const s = { received: 0, processed: 0, finishedEarly: 0, finishedOnTime: 0, finishedOverdue: 0, inProcessInTime: 0, inProcessOverdue: 0, pausedInTime: 0, pausedOverdue: 0, nearlyDueSteps: 0, overdueSteps: 0, onTimeRate: null as number | null };
  let onTime = 0;
  for (const d of dossiers) {
    if (d.receivedAt > to) continue; // the server reads the dossiers received by the end of the period
    for (const step of d.steps) {
      if (step.assigneeId !== officialId || step.status === 'cancelled') continue;
      if (step.status === 'open') {
        const mark = stepMarkIndependently(step, now);
        if (mark === 'nearlyDue') s.nearlyDueSteps += 1;
        if (mark === 'overdue') s.overdueSteps += 1;
      }
      if (step.startedAt > to) continue;
      const completedAt = step.status === 'completed' ? step.completedAt : undefined;
      if (completedAt !== undefined && completedAt < from) continue;
      s.processed += 1;
      if (step.startedAt >= from) s.received += 1;
      const due = step.dueAt ?? Infinity;
      if (completedAt !== undefined && completedAt <= to) {
        if (completedAt > due) s.finishedOverdue += 1;
        else if (vnDay(completedAt) < vnDay(due)) (s.finishedEarly += 1, (onTime += 1));
        else (s.finishedOnTime += 1, (onTime += 1));
        continue;
      }
      const pauses = (step.clock as { context?: { clock?: { pauses?: { at: number; resumedAt?: number }[] } } } | undefined)?.context?.clock?.pauses ?? [];
      const open = pauses.find((p) => p.at <= to && (p.resumedAt === undefined || p.resumedAt > to));
      const late = (open?.at ?? to) > due;
      if (open) late ? (s.pausedOverdue += 1) : ((s.pausedInTime += 1), (onTime += 1));
      else late ? (s.inProcessOverdue += 1) : ((s.inProcessInTime += 1), (onTime += 1));
    }
  }
  s.onTimeRate = s.processed > 0 ? onTime / s.processed : null;
  return s;
}
