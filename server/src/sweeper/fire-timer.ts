/**
 * @module fire-timer — one due TimerRecord delivered where it belongs, in one unit of work with its `markFired`:
 * a BPMN timer to the process instance (`timer.due`), a step clock's nearly-due, overdue or escalation rung to the
 * step clock, the dossier clock's and the supplement window's to the dossier lifecycle. The clocks remember what
 * fired, so a second delivery (another process, a restart) tells nobody twice; the fired mark and the work commit
 * together, so a timer whose lease was taken over is not worked on by its old owner.
 */
import { carryOut, Refusal } from '../../../engine/src/index';
import type { TimerRecord } from '../stores';
import { SYSTEM_ACTOR, type DossierDeps } from '../dossiers/dossier-deps';
import { runDossierChange } from '../dossiers/run-dossier-change';

export type FireOutcome = 'fired' | 'skipped';

/** Thrown inside the unit of work to undo it when the lease is no longer ours. */
class LeaseLost extends Error {}

export async function fireTimer(deps: DossierDeps, timer: TimerRecord, owner: string): Promise<FireOutcome> {
  try {
    await runDossierChange(deps, timer.dossierId, SYSTEM_ACTOR, async (change) => {
      const current = await change.tx.timers.get(timer.id);
      if (!current || current.status !== 'scheduled' || current.leaseOwner !== owner) throw new LeaseLost();
      if (current.stepId) await change.loadStep(current.stepId); // a closed step is not loaded with the open ones; its stopped clock ignores the timer
      await carryOut(change, { type: 'timer.fire', timer: current });
      if (!(await change.tx.timers.markFired(timer.id, owner, change.at))) throw new LeaseLost();
    });
    return 'fired';
  } catch (error) {
    if (error instanceof LeaseLost) return 'skipped';
    // A timer of a dossier that no longer exists has nobody to wake: consume it instead of retrying it for ever.
    if (error instanceof Refusal && error.code === 'DOSSIER_NOT_FOUND') {
      return (await deps.stores.timers.markFired(timer.id, owner, deps.clock.now())) ? 'fired' : 'skipped';
    }
    throw error;
  }
}
