/**
 * @module reproject-open-deadlines — after a calendar change (a holiday declared after intake, a local closure, a
 * swapped Saturday), the open clocks that calendar governs are re-projected (`calendar.changed`), their timers
 * rescheduled, and each dossier whose deadlines moved gets an audit note explaining why (DOMAIN.md: every computed
 * due date must be explainable; open deadlines are re-projected). A step's clock counts on the calendar of the agency
 * holding it, a dossier's on the receiving agency's (issue 18): an agency layer's change touches only that agency's
 * open steps and the dossiers it received; a province or national change touches every open clock.
 */
import { formatLocalInstant, reprojectDeadlines, type Budget, type CalendarLevel, type DossierStatus, type ExplanationEntry } from '../../../engine/src/index';
import type { Actor, DossierDeps } from '../dossiers/dossier-deps';
import { runDossierChange } from '../dossiers/run-dossier-change';
import { applyStepClock, clockContextOf } from '../../../engine/src/index';
import type { CalendarSource } from '../dossiers/timekeeping';

const ACTIVE: DossierStatus[] = [2, 4, 5, 6];
const PAGE = 500;

/** The layer that changed: its scope (the agency's or province's id) and level. */
export interface CalendarChange {
  scope: string;
  level: CalendarLevel;
}

export interface MovedDeadline {
  id: string;
  previousDueAt: number;
  dueAt: number;
  text: string;
  /** The changed days in the deadline's window, each naming its layer (`layer`) and day (`date`). */
  changes: ExplanationEntry[];
}

export interface ReprojectionResult {
  /** Dossiers looked at: those with a clock the changed layer governs. */
  dossiers: number;
  moved: { dossierId: string; dossierCode: string; deadlines: MovedDeadline[] }[];
}

/** The ids of active dossiers with a clock on the changed layer's calendar, in a stable order. */
async function governedDossierIds(deps: DossierDeps, change: CalendarChange): Promise<string[]> {
  const ids = new Set<string>();
  const byAgency = change.level === 'agency' ? { agencyId: change.scope } : {};
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.stores.dossiers.listSummaries({ status: ACTIVE, ...byAgency }, { offset, limit: PAGE });
    for (const { id } of page.items) ids.add(id);
    if (page.items.length < PAGE) break;
  }
  if (change.level === 'agency') {
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.stores.steps.list({ status: ['open'], agencyId: change.scope }, { offset, limit: PAGE });
      for (const step of page.items) ids.add(step.dossierId);
      if (page.items.length < PAGE) break;
    }
  }
  return [...ids];
}

/**
 * Re-projects the clocks `change` governs; `previous` answers the calendars as they were before the change (for the
 * explanation), `deps.calendars` as they are now.
 */
export async function reprojectOpenDeadlines(
  deps: DossierDeps,
  previous: CalendarSource,
  change: CalendarChange,
  actor: Actor,
  reason: string,
): Promise<ReprojectionResult> {
  const governs = (agencyId: string | undefined): boolean => change.level !== 'agency' || agencyId === change.scope;
  const result: ReprojectionResult = { dossiers: 0, moved: [] };
  for (const id of await governedDossierIds(deps, change)) {
    result.dossiers += 1;
    const { result: moved, dossier } = await runDossierChange(deps, id, actor, async (work) => {
      const deadlines: MovedDeadline[] = [];
      const appointmentAt = work.dossier.appointmentAt;
      const explain = async (agencyId: string | undefined, deadlineId: string, budget: Budget, startAt: number, before: number | undefined, after: number | undefined) => {
        if (before === undefined || after === undefined || before === after) return;
        const [was, now] = await Promise.all([previous.forAgency(agencyId), deps.calendars.forAgency(agencyId)]);
        const [explained] = reprojectDeadlines(was.calendar, now.calendar, [{ id: deadlineId, startAt, budget }]);
        const text = explained?.text.vi ?? `Hạn chuyển từ ${formatLocalInstant(before, 'vi')} sang ${formatLocalInstant(after, 'vi')}`;
        deadlines.push({ id: deadlineId, previousDueAt: before, dueAt: after, text, changes: explained?.changes ?? [] });
      };
      if (governs(work.dossier.agencyId)) {
        const clockOf = () => (work.state.lifecycle as { context?: { clock?: { dueAt: number; budget: Budget; epochStartAt: number } } }).context?.clock;
        const before = clockOf();
        await work.applyLifecycle({ type: 'calendar.changed', at: work.at });
        if (before) await explain(work.dossier.agencyId, work.dossier.id, before.budget, before.epochStartAt, before.dueAt, clockOf()?.dueAt);
      }
      for (const step of work.openSteps()) {
        if (!governs(step.agencyId)) continue;
        const clock = clockContextOf(step)?.clock;
        const next = await applyStepClock(work, step, { type: 'calendar.changed', at: work.at });
        if (next === step) continue;
        work.updateStep(next);
        if (clock) await explain(step.agencyId, step.id, clock.budget, clock.epochStartAt, step.dueAt, next.dueAt);
      }
      if (deadlines.length > 0) {
        await work.audit('calendar.changed', { reason, layer: change, appointmentAt, deadlines });
        work.notifyOfficials('deadlines.reprojected', { reason, deadlines: deadlines.map((d) => ({ id: d.id, dueAt: d.dueAt, text: d.text })) });
      }
      return deadlines;
    });
    if (moved.length > 0) result.moved.push({ dossierId: id, dossierCode: dossier.dossierCode, deadlines: moved });
  }
  return result;
}
