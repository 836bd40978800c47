/**
 * @module clock-emitted — carries out what a clock emitted (the step clock of a step, or the dossier clock of the
 * lifecycle): timer requests become timer records the server stores and its sweeper finds by their indexed `dueAt`
 * (never an in-memory timer), and the nearly-due, overdue and escalation marks become notifications for officials
 * (Decree 61/2018 Art. 17: heads of unit answer for late dossiers), the window warning one for the citizen.
 */
import type { ClockEmitted } from '../lifecycle/working-clock';
import type { DossierDecision } from './dossier-decision';
import type { StepRecord } from './dossier-records';

export type ClockSource = 'dossier' | 'step';

/** The timer record id of a clock's timer; clock timer ids already start with the step or dossier id. */
export const clockTimerRecordId = (timerId: string): string => `clock:${timerId}`;

export function applyClockEmitted(decision: DossierDecision, source: ClockSource, item: ClockEmitted, step?: StepRecord): void {
  const dossierId = decision.dossier.id;
  switch (item.type) {
    case 'timer.requested':
      decision.scheduleTimer({
        id: clockTimerRecordId(item.timerId),
        kind: item.kind,
        dossierId,
        ...(step ? { stepId: step.id } : {}),
        dueAt: item.dueAt,
        payload: { source, timerId: item.timerId, ...(item.rung === undefined ? {} : { rung: item.rung }) },
      });
      return;
    case 'timer.cancelled':
      decision.cancelTimer(clockTimerRecordId(item.timerId));
      return;
    case 'supplement.window_closing':
      decision.notifyCitizen('supplement.window_closing', { windowDueAt: item.windowDueAt });
      return;
    case 'supplement.window_closed':
      decision.audit('supplement.window_closed', { windowDueAt: item.windowDueAt });
      return;
    default: {
      const unit = step
        ? { stepId: step.id, stepName: step.name, agencyId: step.agencyId, departmentId: step.departmentId, assigneeId: step.assigneeId }
        : { agencyId: decision.dossier.agencyId };
      const extra = 'rung' in item ? { rung: item.rung, target: item.target, reassign: item.reassign } : { dueAt: item.dueAt };
      decision.notifyOfficials(item.type, { ...unit, at: item.at, ...extra });
      decision.audit(item.type, extra, step?.id);
    }
  }
}
