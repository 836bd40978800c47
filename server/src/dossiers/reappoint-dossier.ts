/**
 * @module reappoint-dossier — the apology with a new appointment (form 04): issued by the agency that caused the
 * delay, the new date later than the old, at most `maxReappointments` times (DOMAIN.md "Overdue consequences").
 */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { runDossierChange } from './run-dossier-change';
import { Refusal } from '../refusal';

export async function reappointDossier(deps: DossierDeps, dossierId: string, command: { newAppointmentAt: number; reason: string }, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    const current = change.dossier.appointmentAt;
    if (current !== undefined && command.newAppointmentAt <= current) {
      throw new Refusal({ kind: 'unprocessable', code: 'APPOINTMENT_NOT_LATER', title: 'The new appointment must be later', detail: `The current appointment is ${new Date(current).toISOString()}.` });
    }
    await change.applyLifecycle({ type: 'dossier.reappointed', at: change.at, actorId: actor.id, newAppointmentAt: command.newAppointmentAt, reason: command.reason, ...(actor.agencyId ? { agencyId: actor.agencyId } : {}) });
    await change.audit('dossier.reappointed', { previousAppointmentAt: current, newAppointmentAt: command.newAppointmentAt, reason: command.reason });
  });
  return dossier;
}
