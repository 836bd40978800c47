/**
 * @module reproject-open-deadlines — after a calendar change (a holiday declared after intake, a local closure, a
 * swapped Saturday), every open step clock and dossier clock is re-projected on the new calendar (`calendar.changed`),
 * its timers rescheduled, and each dossier whose deadlines moved gets an audit note explaining why (DOMAIN.md: every
 * computed due date must be explainable; open deadlines are re-projected).
 */
import { formatLocalInstant, reprojectDeadlines, type Budget, type WorkingCalendar } from '../../../engine/src/index';
import type { Actor, DossierDeps } from '../dossiers/dossier-deps';
import { runDossierChange } from '../dossiers/run-dossier-change';
import { applyStepClock, clockContextOf } from '../dossiers/step-clock';

const ACTIVE = [2, 4, 5, 6] as const;
const PAGE = 500;

export interface ReprojectionResult {
  dossiers: number;
  moved: { dossierId: string; dossierCode: string; deadlines: { id: string; previousDueAt: number; dueAt: number; text: string }[] }[];
}

/** Re-projects every active dossier; `previous` is the calendar before the change (for the explanation). */
export async function reprojectOpenDeadlines(deps: DossierDeps, previous: WorkingCalendar, actor: Actor, reason: string): Promise<ReprojectionResult> {
  const result: ReprojectionResult = { dossiers: 0, moved: [] };
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.stores.dossiers.list({ status: [...ACTIVE] }, { offset, limit: PAGE });
    for (const { id } of page.items) {
      result.dossiers += 1;
      const { result: moved, dossier } = await runDossierChange(deps, id, actor, async (change) => {
        const deadlines: ReprojectionResult['moved'][number]['deadlines'] = [];
        const note = (deadlineId: string, budget: Budget, startAt: number, before: number | undefined, after: number | undefined) => {
          if (before === undefined || after === undefined || before === after) return;
          const [explained] = reprojectDeadlines(previous, change.kit.calendar, [{ id: deadlineId, startAt, budget }]);
          const text = explained?.text.vi ?? `Hạn chuyển từ ${formatLocalInstant(before, 'vi')} sang ${formatLocalInstant(after, 'vi')}`;
          deadlines.push({ id: deadlineId, previousDueAt: before, dueAt: after, text });
        };
        const beforeAppointment = change.dossier.appointmentAt;
        const beforeClock = (change.state.lifecycle as { context?: { clock?: { dueAt: number; budget: Budget; epochStartAt: number } } }).context?.clock;
        await change.applyLifecycle({ type: 'calendar.changed', at: change.at });
        const afterClock = (change.state.lifecycle as { context?: { clock?: { dueAt: number } } }).context?.clock;
        if (beforeClock) note(change.dossier.id, beforeClock.budget, beforeClock.epochStartAt, beforeClock.dueAt, afterClock?.dueAt);
        for (const step of change.openSteps()) {
          const clock = clockContextOf(step)?.clock;
          const next = await applyStepClock(change, step, { type: 'calendar.changed', at: change.at });
          if (next === step) continue;
          change.updateStep(next);
          if (clock) note(step.id, clock.budget, clock.epochStartAt, step.dueAt, next.dueAt);
        }
        if (deadlines.length > 0) {
          await change.audit('calendar.changed', { reason, appointmentAt: beforeAppointment, deadlines });
          change.notifyOfficials('deadlines.reprojected', { reason, deadlines: deadlines.map((d) => ({ id: d.id, dueAt: d.dueAt, text: d.text })) });
        }
        return deadlines;
      });
      if (moved.length > 0) result.moved.push({ dossierId: id, dossierCode: dossier.dossierCode, deadlines: moved });
    }
    if (page.items.length < PAGE) break;
  }
  return result;
}
