/**
 * @module process-effects — carries out what the process instance emitted: an opened step becomes a step record
 * routed to the agency and department of its assignment, with a step clock on that agency's calendar; a closed step
 * stops its clock and keeps its classification (form 05); BPMN timers become timer records; the end of the process
 * finishes the dossier (status 9), or stops it (8) when the last decision was a rejection (procedures/README.md);
 * incidents are kept on the dossier and audited. Also the two ways the dossier starts and ends its instance.
 */
import type { EngineEffect, StepActivatedEffect } from '../runtime/engine-effect';
import type { DossierDecision } from './dossier-decision';
import type { StepRecord } from './dossier-records';
import { applyStepClock, findNode, pauseOpenSteps, startStepClock, stepRecordId, waitKindOf } from './step-clocks';

export const engineTimerRecordId = (dossierId: string, timerId: string): string => `engine:${dossierId}:${timerId}`;

export async function applyEngineEffects(decision: DossierDecision, effects: readonly EngineEffect[]): Promise<void> {
  const dossierId = decision.dossier.id;
  for (const effect of effects) {
    switch (effect.type) {
      case 'step.activated':
        await activateStep(decision, effect);
        break;
      case 'step.completed':
      case 'step.cancelled':
        closeStep(decision, effect.stepId, effect.type === 'step.completed' ? 'completed' : 'cancelled');
        break;
      case 'timer.scheduled':
        decision.scheduleTimer({
          id: engineTimerRecordId(dossierId, effect.timerId),
          kind: 'bpmn.timer',
          dossierId,
          dueAt: effect.dueAt,
          payload: { source: 'engine', timerId: effect.timerId, elementId: effect.elementId },
        });
        break;
      case 'timer.cancelled':
        decision.cancelTimer(engineTimerRecordId(dossierId, effect.timerId));
        break;
      case 'process.completed':
        await endProcess(decision);
        break;
      case 'incident.raised':
        decision.state.incidents.push({ at: decision.at, incidentId: effect.incidentId, elementId: effect.elementId, code: effect.code, message: effect.message });
        decision.audit('incident.raised', { incidentId: effect.incidentId, elementId: effect.elementId, code: effect.code, message: effect.message });
        break;
      case 'incident.resolved':
        for (const incident of decision.state.incidents) if (incident.incidentId === effect.incidentId) incident.resolved = true;
        decision.audit('incident.resolved', { incidentId: effect.incidentId });
        break;
      case 'element.entered':
        break;
      default:
        decision.audit(`engine.${effect.type}`, { ...effect });
    }
  }
}

async function activateStep(decision: DossierDecision, effect: StepActivatedEffect): Promise<void> {
  const node = findNode(decision.definition, effect.elementId);
  const assignment = effect.assignment;
  const base: Omit<StepRecord, 'rev'> = {
    id: stepRecordId(decision.dossier.id, effect.stepId),
    dossierId: decision.dossier.id,
    stepId: effect.stepId,
    elementId: effect.elementId,
    name: effect.name ?? node?.name ?? effect.elementId,
    kind: effect.kind,
    ...(assignment ? { agencyId: assignment.agencyId, ...(assignment.departmentId ? { departmentId: assignment.departmentId } : {}) } : {}),
    status: 'open',
    startedAt: decision.at,
  };
  if (assignment && !decision.state.routedTo.some((u) => u.agencyId === assignment.agencyId && u.departmentId === assignment.departmentId)) {
    decision.state.routedTo.push({ agencyId: assignment.agencyId, ...(assignment.departmentId ? { departmentId: assignment.departmentId } : {}) });
  }
  const wait = waitKindOf(node);
  if (wait) {
    // The citizen's turn: the step clocks stop counting and the dossier shows status 5 or 6.
    pauseOpenSteps(decision, wait);
    decision.createStep(base);
    const pending = decision.pendingSupplement;
    if (wait === 'supplement' && (decision.dossier.status === 2 || decision.dossier.status === 4)) {
      await decision.applyLifecycle({ type: 'supplement.requested', at: decision.at, actorId: decision.actor.id, stepElementId: effect.elementId, ...(pending ? { missing: pending.missing, note: pending.note } : {}) });
    }
    if (wait === 'fees' && decision.dossier.status === 4) {
      await decision.applyLifecycle({ type: 'fees.requested', at: decision.at, actorId: decision.actor.id, stepElementId: effect.elementId });
    }
    return;
  }
  const record = effect.budget ? startStepClock(decision, base, { budget: effect.budget, nearlyDue: effect.nearlyDue, escalation: effect.escalation }) : base;
  decision.createStep(record);
  decision.notifyOfficials('step.activated', { stepId: record.id, stepName: record.name, agencyId: record.agencyId, departmentId: record.departmentId, dueAt: record.dueAt });
  if (decision.dossier.status === 4) {
    // A hand-over is a progress record (the control slip, form 05): the new unit, the step's start and due time.
    await decision.applyLifecycle({
      type: 'step.handed_over',
      at: decision.at,
      actorId: decision.actor.id,
      ...(record.departmentId ? { departmentId: record.departmentId } : {}),
      stepElementId: record.elementId,
      stepStartAt: record.startedAt,
      ...(record.dueAt === undefined ? {} : { stepDueAt: record.dueAt }),
      note: record.name,
    });
  }
}

function closeStep(decision: DossierDecision, stepId: string, status: 'completed' | 'cancelled'): void {
  const step = decision.step(stepRecordId(decision.dossier.id, stepId));
  if (!step || step.status !== 'open') return;
  const clocked = applyStepClock(decision, step, { type: status === 'completed' ? 'step.completed' : 'step.cancelled', at: decision.at });
  decision.updateStep({ ...clocked, status, completedAt: decision.at });
}

async function endProcess(decision: DossierDecision): Promise<void> {
  const { status } = decision.dossier;
  if (status !== 2 && status !== 4) return;
  const rejected = decision.state.lastDecision === 'reject';
  const fields = { at: decision.at, actorId: decision.actor.id };
  if (rejected || status === 2) {
    const reason = 'Hồ sơ không đủ điều kiện giải quyết';
    // The refusal letter (form 03) is printed from this note.
    decision.state.stop = { at: decision.at, actorId: decision.actor.id, action: 'processing.stopped', reason };
    await decision.applyLifecycle({ type: 'processing.stopped', ...fields, reason });
  } else await decision.applyLifecycle({ type: 'dossier.finished', ...fields });
  // Anything still open (an unfinished parallel branch) no longer counts.
  for (const step of decision.openSteps()) closeStep(decision, step.stepId, 'cancelled');
}

/**
 * A dossier that leaves processing before its route ends (withdrawn, stopped, finished by hand, rejected when the
 * supplement window closed): the process instance is cancelled, so its open steps close and their clocks stop.
 */
export async function cancelInstance(decision: DossierDecision): Promise<void> {
  if (decision.isInstanceRunning()) await decision.deliver({ type: 'instance.cancelled' });
}

/** Status 4: the dossier enters processing and its instance starts, the e-form fields as process variables. */
export async function startProcessing(decision: DossierDecision): Promise<void> {
  const { dossier, actor } = decision;
  await decision.applyLifecycle({ type: 'processing.started', at: decision.at, actorId: actor.id, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) });
  await decision.startInstance({ ...dossier.form, dossierCode: dossier.dossierCode, channel: dossier.channel });
  decision.audit('processing.started', { procedureKey: dossier.procedureKey, procedureVersion: dossier.procedureVersion });
}
