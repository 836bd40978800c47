/**
 * @module applyEngineEffects — carries out what the process instance emitted: an opened step becomes a StepRecord
 * routed to the agency and department of its assignment, with a step clock whose timers are stored; a closed step
 * stops its clock and keeps its classification (form 05); BPMN timers become TimerRecords; the end of the process
 * finishes the dossier (status 9), or stops it (8) when the last decision was a rejection (procedures/README.md);
 * incidents are kept on the dossier and audited.
 */
import type { EngineEffect, StepActivatedEffect } from '../../../engine/src/index';
import type { StepRecord } from '../stores';
import type { DossierChange } from './dossier-change';
import { findNode, pauseOpenSteps, stepRecordId, waitKindOf } from './open-steps';
import { applyStepClock, startStepClock } from './step-clock';

export const engineTimerRecordId = (dossierId: string, timerId: string): string => `engine:${dossierId}:${timerId}`;

export async function applyEngineEffects(change: DossierChange, effects: readonly EngineEffect[]): Promise<void> {
  const dossierId = change.dossier.id;
  for (const effect of effects) {
    switch (effect.type) {
      case 'step.activated':
        await activateStep(change, effect);
        break;
      case 'step.completed':
      case 'step.cancelled':
        await closeStep(change, effect.stepId, effect.type === 'step.completed' ? 'completed' : 'cancelled');
        break;
      case 'timer.scheduled':
        change.scheduleTimer({
          id: engineTimerRecordId(dossierId, effect.timerId),
          kind: 'bpmn.timer',
          dossierId,
          dueAt: effect.dueAt,
          payload: { source: 'engine', timerId: effect.timerId, elementId: effect.elementId },
        });
        break;
      case 'timer.cancelled':
        change.cancelTimer(engineTimerRecordId(dossierId, effect.timerId));
        break;
      case 'process.completed':
        await endProcess(change);
        break;
      case 'incident.raised':
        change.state.incidents.push({ at: change.at, incidentId: effect.incidentId, elementId: effect.elementId, code: effect.code, message: effect.message });
        await change.audit('incident.raised', { incidentId: effect.incidentId, elementId: effect.elementId, code: effect.code, message: effect.message });
        break;
      case 'incident.resolved':
        for (const incident of change.state.incidents) if (incident.incidentId === effect.incidentId) incident.resolved = true;
        await change.audit('incident.resolved', { incidentId: effect.incidentId });
        break;
      case 'element.entered':
        break;
      default:
        await change.audit(`engine.${effect.type}`, { ...effect });
    }
  }
}

async function activateStep(change: DossierChange, effect: StepActivatedEffect): Promise<void> {
  const node = findNode(change.procedure.definition, effect.elementId);
  const assignment = effect.assignment;
  const base: Omit<StepRecord, 'rev'> = {
    id: stepRecordId(change.dossier.id, effect.stepId),
    dossierId: change.dossier.id,
    stepId: effect.stepId,
    elementId: effect.elementId,
    name: effect.name ?? node?.name ?? effect.elementId,
    kind: effect.kind,
    ...(assignment ? { agencyId: assignment.agencyId, ...(assignment.departmentId ? { departmentId: assignment.departmentId } : {}) } : {}),
    status: 'open',
    startedAt: change.at,
  };
  if (assignment && !change.state.routedTo.some((u) => u.agencyId === assignment.agencyId && u.departmentId === assignment.departmentId)) {
    change.state.routedTo.push({ agencyId: assignment.agencyId, ...(assignment.departmentId ? { departmentId: assignment.departmentId } : {}) });
  }
  const wait = waitKindOf(node);
  if (wait) {
    // The citizen's turn: the step clocks stop counting and the dossier shows status 5 or 6.
    await pauseOpenSteps(change, wait);
    change.createStep(base);
    const pending = change.pendingSupplement;
    if (wait === 'supplement' && (change.dossier.status === 2 || change.dossier.status === 4)) {
      await change.applyLifecycle({ type: 'supplement.requested', at: change.at, actorId: change.actor.id, stepElementId: effect.elementId, ...(pending ? { missing: pending.missing, note: pending.note } : {}) });
    }
    if (wait === 'fees' && change.dossier.status === 4) {
      await change.applyLifecycle({ type: 'fees.requested', at: change.at, actorId: change.actor.id, stepElementId: effect.elementId });
    }
    return;
  }
  const record = effect.budget ? await startStepClock(change, base, { budget: effect.budget, nearlyDue: effect.nearlyDue, escalation: effect.escalation }) : base;
  change.createStep(record);
  change.notifyOfficials('step.activated', { stepId: record.id, stepName: record.name, agencyId: record.agencyId, departmentId: record.departmentId, dueAt: record.dueAt });
  if (change.dossier.status === 4) {
    // A hand-over is a progress record (the control slip, form 05): the new unit, the step's start and due time.
    await change.applyLifecycle({
      type: 'step.handed_over',
      at: change.at,
      actorId: change.actor.id,
      ...(record.departmentId ? { departmentId: record.departmentId } : {}),
      stepElementId: record.elementId,
      stepStartAt: record.startedAt,
      ...(record.dueAt === undefined ? {} : { stepDueAt: record.dueAt }),
      note: record.name,
    });
  }
}

async function closeStep(change: DossierChange, stepId: string, status: 'completed' | 'cancelled'): Promise<void> {
  const step = change.step(stepRecordId(change.dossier.id, stepId));
  if (!step || step.status !== 'open') return;
  const clocked = await applyStepClock(change, step, { type: status === 'completed' ? 'step.completed' : 'step.cancelled', at: change.at });
  change.updateStep({ ...clocked, status, completedAt: change.at });
}

async function endProcess(change: DossierChange): Promise<void> {
  const { status } = change.dossier;
  if (status !== 2 && status !== 4) return;
  const rejected = change.state.lastDecision === 'reject';
  const fields = { at: change.at, actorId: change.actor.id };
  if (rejected || status === 2) {
    const reason = 'Hồ sơ không đủ điều kiện giải quyết';
    // The refusal letter (form 03) is printed from this note.
    change.state.stop = { at: change.at, actorId: change.actor.id, action: 'processing.stopped', reason };
    await change.applyLifecycle({ type: 'processing.stopped', ...fields, reason });
  } else await change.applyLifecycle({ type: 'dossier.finished', ...fields });
  // Anything still open (an unfinished parallel branch) no longer counts.
  for (const step of change.openSteps()) await closeStep(change, step.stepId, 'cancelled');
}
