/**
 * @module applyDossierEvent — the guarded entry to the dossier lifecycle: what the rules forbid (finishing a dossier
 * that was never received, a third apology letter when one is allowed …) is refused with an `EngineError`, and
 * nothing changes. Timer deliveries and calendar changes are never refused: late or duplicate ones do nothing.
 */
import { EngineError } from '../errors';
import type { DossierStatus } from '../ports';
import { applyMachineEvent, startMachine, type MachineStep } from './apply-machine-event';
import type {
  DossierEmitted,
  DossierEvent,
  DossierLifecycleContext,
  DossierLifecycleInput,
} from './dossier-event';
import type { DossierLifecycleMachine } from './dossier-lifecycle-machine';
import { dossierStatusOf } from './progress-record';

export interface DossierStep extends MachineStep<DossierEmitted> {
  status: DossierStatus;
  context: DossierLifecycleContext;
}

const HOST_EVENTS = new Set<DossierEvent['type']>(['timer.due', 'clock.tick', 'calendar.changed']);

/** Creates the lifecycle of a dossier just submitted online or received at the counter. */
export function startDossierLifecycle(machine: DossierLifecycleMachine, input: DossierLifecycleInput): DossierStep {
  return describe(startMachine(machine, input));
}

/** Applies `event` to a persisted dossier snapshot, or throws `TRANSITION_NOT_ALLOWED` / `REAPPOINTMENT_LIMIT_REACHED`. */
export function applyDossierEvent(machine: DossierLifecycleMachine, snapshot: unknown, event: DossierEvent): DossierStep {
  if (HOST_EVENTS.has(event.type)) return describe(applyMachineEvent(machine, snapshot, event));
  return describe(
    applyMachineEvent(machine, snapshot, event, (current) => {
      const { context } = current;
      const status = dossierStatusOf(current.value);
      const limit = context.rules.maxReappointments ?? 1;
      if (event.type === 'dossier.reappointed' && current.status === 'active' && context.reappointments.length >= limit) {
        throw new EngineError({
          code: 'REAPPOINTMENT_LIMIT_REACHED',
          message: `dossier ${context.dossierCode ?? context.dossierId} already has ${context.reappointments.length} apology letter(s); the procedure allows ${limit}`,
          instanceId: context.dossierId,
        });
      }
      if (current.status !== 'active' || !current.can(event)) {
        throw new EngineError({
          code: 'TRANSITION_NOT_ALLOWED',
          message: `${event.type} is not allowed for dossier ${context.dossierCode ?? context.dossierId} in status ${status}`,
          instanceId: context.dossierId,
        });
      }
    }),
  );
}

function describe(step: MachineStep<DossierEmitted>): DossierStep {
  const context = (step.snapshot as { context: DossierLifecycleContext }).context;
  return { ...step, status: dossierStatusOf(step.value), context };
}
