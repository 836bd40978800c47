/**
 * @module fire-timer — one due TimerRecord delivered where it belongs, in one unit of work with its `markFired`:
 * a BPMN timer to the process instance (`timer.due`), a step clock's nearly-due, overdue or escalation rung to the
 * step clock, the dossier clock's and the supplement window's to the dossier lifecycle. The clocks remember what
 * fired, so a second delivery (another process, a restart) tells nobody twice; the fired mark and the work commit
 * together, so a timer whose lease was taken over is not worked on by its old owner.
 */
import type { InstanceSnapshot } from '../../../engine/src/index';
import type { TimerRecord } from '../stores';
import { SYSTEM_ACTOR, type DossierDeps } from '../dossiers/dossier-deps';
import { Refusal } from '../refusal';
import type { DossierChange } from '../dossiers/dossier-change';
import { cancelInstance } from '../dossiers/end-process';
import { runDossierChange } from '../dossiers/run-dossier-change';
import { applyStepClock } from '../dossiers/step-clock';

const WINDOW_CLOSED_MESSAGE = 'supplement.window_closed';

function waitsForMessage(change: DossierChange, name: string): boolean {
  const instance = change.dossier.instance as InstanceSnapshot | undefined;
  return change.isInstanceRunning() && Object.values(instance?.w ?? {}).some((wait) => wait.k === 'message' && wait.nm === name);
}

export type FireOutcome = 'fired' | 'skipped';

/** Thrown inside the unit of work to undo it when the lease is no longer ours. */
class LeaseLost extends Error {}

export async function fireTimer(deps: DossierDeps, timer: TimerRecord, owner: string): Promise<FireOutcome> {
  try {
    await runDossierChange(deps, timer.dossierId, SYSTEM_ACTOR, async (change) => {
      const current = await change.tx.timers.get(timer.id);
      if (!current || current.status !== 'scheduled' || current.leaseOwner !== owner) throw new LeaseLost();
      await deliverTimer(change, current);
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

async function deliverTimer(change: DossierChange, timer: TimerRecord): Promise<void> {
  const payload = timer.payload as { source?: string; timerId?: string; rung?: number };
  const timerId = payload.timerId ?? timer.id;
  switch (payload.source) {
    case 'engine':
      if (change.isInstanceRunning()) await change.deliver({ type: 'timer.due', timerId });
      return;
    case 'step': {
      const step = timer.stepId ? await change.loadStep(timer.stepId) : undefined;
      if (!step) return;
      const next = await applyStepClock(change, step, { type: 'timer.due', at: change.at, kind: timer.kind, timerId, ...(payload.rung === undefined ? {} : { rung: payload.rung }) });
      if (next !== step) change.updateStep(next);
      return;
    }
    default: {
      const before = change.dossier.status;
      await change.applyLifecycle({ type: 'timer.due', at: change.at, kind: timer.kind, timerId });
      // Decree 63/2024/NĐ-CP: the citizen's window closed without the supplement, the dossier is rejected and its route ends.
      if (before === 5 && (change.dossier.status === 3 || change.dossier.status === 8)) {
        change.state.stop = { at: change.at, actorId: SYSTEM_ACTOR.id, action: 'supplement.window_closed', reason: 'Quá thời hạn bổ sung hồ sơ' };
        // A model that draws the rejection (boundary on its wait, procedures/README.md) ends there; others are cancelled.
        if (waitsForMessage(change, WINDOW_CLOSED_MESSAGE)) await change.deliver({ type: 'message.received', name: WINDOW_CLOSED_MESSAGE });
        await cancelInstance(change);
      }
    }
  }
}
