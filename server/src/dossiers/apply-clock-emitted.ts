/**
 * @module applyClockEmitted — carries out what a clock emitted (the step clock of a step, or the dossier clock of
 * the lifecycle): timer requests become persisted TimerRecords found later by the sweeper's indexed `dueAt` query
 * (never an in-memory timer), and the nearly-due, overdue and escalation marks become notifications for officials
 * (Decree 61/2018 Art. 17: heads of unit answer for late dossiers), the window warning one for the citizen.
 */
import type { ClockEmitted } from '../../../engine/src/index';
import type { StepRecord } from '../stores';
import type { DossierChange } from './dossier-change';

export type ClockSource = 'dossier' | 'step';

/** The TimerRecord id of a clock's timer; clock timer ids already start with the step or dossier id. */
export const clockTimerRecordId = (timerId: string): string => `clock:${timerId}`;

export async function applyClockEmitted(change: DossierChange, source: ClockSource, item: ClockEmitted, step?: StepRecord): Promise<void> {
  const dossierId = change.dossier.id;
  switch (item.type) {
    case 'timer.requested':
      change.scheduleTimer({
        id: clockTimerRecordId(item.timerId),
        kind: item.kind,
        dossierId,
        ...(step ? { stepId: step.id } : {}),
        dueAt: item.dueAt,
        payload: { source, timerId: item.timerId, ...(item.rung === undefined ? {} : { rung: item.rung }) },
      });
      return;
    case 'timer.cancelled':
      change.cancelTimer(clockTimerRecordId(item.timerId));
      return;
    case 'supplement.window_closing':
      change.notifyCitizen('supplement.window_closing', { windowDueAt: item.windowDueAt });
      return;
    case 'supplement.window_closed':
      await change.audit('supplement.window_closed', { windowDueAt: item.windowDueAt });
      return;
    default: {
      const unit = step
        ? { stepId: step.id, stepName: step.name, agencyId: step.agencyId, departmentId: step.departmentId, assigneeId: step.assigneeId }
        : { agencyId: change.dossier.agencyId };
      const extra = 'rung' in item ? { rung: item.rung, target: item.target, reassign: item.reassign } : { dueAt: item.dueAt };
      change.notifyOfficials(item.type, { ...unit, at: item.at, ...extra });
      await change.audit(item.type, extra, step?.id);
    }
  }
}
