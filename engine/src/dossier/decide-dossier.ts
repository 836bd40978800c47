/**
 * @module decide-dossier — the dossier's behaviour as one decision: `decide(input, command)` takes the dossier with
 * the steps the command needs and returns the dossier as decided with what to write beside it (steps opened and
 * closed, timers armed and cancelled, progress lines, audit entries, outbox messages). `decideNew` does the same for
 * a dossier that does not exist yet (a counter receipt, an online submission). No store, no clock, no HTTP: the
 * server loads, authorizes, decides with this and writes the result in one unit of work.
 *
 * Each command follows the national rules it names: intake (Decree 61/2018/NĐ-CP Art. 19(2) a–c, forms 01–03),
 * supplements (form 02, Circular 01/2018/TT-VPCP; the clock policy of Decree 63/2024/NĐ-CP), fees and the
 * citizen's time (Decision 766/QĐ-TTg), withdrawal (Art. 18), the apology with a new appointment (form 04).
 */
import { startDossierLifecycle } from '../lifecycle/apply-dossier-event';
import type { DossierEmitted, DossierRules } from '../lifecycle/dossier-event';
import type { ProcedureDefinition } from '../model/procedure-definition';
import type { EngineEvent } from '../runtime/engine-event';
import type { InstanceSnapshot } from '../runtime/instance-state';
import type { ReceiptChannel } from '../ports';
import { Refusal } from '../refusal';
import { DecidingDossier, type DecisionInput, type DecisionResult } from './deciding-dossier';
import { SYSTEM_ACTOR, type Actor, type DossierDecision } from './dossier-decision';
import { emptyDossierState, type DossierRecord, type DossierStateRecord, type ReceivedDocument, type StepRecord, type SupplementRequestRecord, type TimerRecord } from './dossier-records';
import { cancelInstance, startProcessing } from './process-effects';
import { FEES_MESSAGE, findNode, modelWaitsFor, moveStepClock, pauseOpenSteps, resumeOpenSteps, SUPPLEMENT_MESSAGE } from './step-clocks';
import type { Calendars } from './timekeeping';

/** A step's outcome, as the procedures library routes on it (procedures/README.md). */
export type StepDecision = 'approve' | 'reject' | 'supplement' | 'return';

/** What the counter decided (Decree 61/2018/NĐ-CP Art. 19(2) c, a, b). */
export type IntakeOutcome =
  | { kind: 'accepted' }
  | { kind: 'supplementRequested'; missingComponents: SupplementRequestRecord['missingComponents']; reason: string }
  | { kind: 'refused'; reason: string };

export type DossierCommand =
  | { type: 'submission.accept' }
  | { type: 'submission.refuse'; reason: string }
  | { type: 'step.claim'; stepId: string }
  | { type: 'step.complete'; stepId: string; decision?: StepDecision; data?: Record<string, unknown>; note?: string }
  | { type: 'step.reassign'; stepId: string; assigneeId: string; reason?: string }
  | { type: 'step.return'; stepId: string; toElementId: string; reason: string }
  | { type: 'supplement.request'; stepId?: string; missingComponents: SupplementRequestRecord['missingComponents']; reason: string; contactOfficial?: SupplementRequestRecord['contactOfficial'] }
  | { type: 'supplement.record'; documents?: ReceivedDocument[]; note?: string }
  | { type: 'fees.request'; amount: number; reason: string }
  | { type: 'fees.record'; amount: number; note?: string }
  | { type: 'dossier.finish'; note?: string }
  | { type: 'processing.stop'; reason: string }
  | { type: 'dossier.withdraw'; reason: string }
  | { type: 'dossier.reappoint'; newAppointmentAt: number; reason: string }
  | { type: 'result.return'; note?: string }
  /** A due timer record, delivered where it belongs: the process instance, a step clock or the dossier clock. */
  | { type: 'timer.fire'; timer: TimerRecord };

/** How a new dossier starts: handed in at the counter (with the counter's outcome) or submitted online. */
export type NewDossierCommand =
  | { type: 'counter.receive'; outcome: IntakeOutcome }
  | { type: 'online.submit' };

/** The record fields of a dossier that does not exist yet; the server has chosen its id and code. */
export interface NewDossier {
  id: string;
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  agencyId: string;
  channel: ReceiptChannel;
  applicant: DossierRecord['applicant'];
  form: Record<string, unknown>;
  documents?: ReceivedDocument[];
  resultDelivery?: DossierStateRecord['resultDelivery'];
  nationalPortal?: DossierRecord['nationalPortal'];
}

export type NewDecisionInput = Omit<DecisionInput, 'dossier' | 'steps'> & { dossier: NewDossier };

export function stepNotFound(id: string): Refusal {
  return new Refusal({ kind: 'notFound', code: 'STEP_NOT_FOUND', title: 'No such step', detail: `No step with id ${id}` });
}

export function stepNotOpen(step: StepRecord): Refusal {
  return new Refusal({
    kind: 'conflict',
    code: 'STEP_NOT_OPEN',
    title: 'The step is no longer open',
    detail: `Step "${step.name}" was ${step.status} at ${step.completedAt === undefined ? 'an earlier time' : new Date(step.completedAt).toISOString()}.`,
  });
}

/** The per-dossier rule snapshot taken from the pinned version at intake: an old dossier keeps its rules (DOMAIN.md "Legal frame"). */
export function rulesOf(definition: ProcedureDefinition): DossierRules {
  const procedure = definition.procedure;
  const process = definition.processes.find((p) => p.isExecutable) ?? definition.processes[0];
  return {
    supplementPolicy: procedure?.supplementPolicy ?? { kind: 'pause' },
    ...(procedure?.statutoryBudget ? { statutoryBudget: procedure.statutoryBudget } : {}),
    ...(procedure?.maxReappointments === undefined ? {} : { maxReappointments: procedure.maxReappointments }),
    ...(process?.nearlyDue ? { nearlyDue: process.nearlyDue } : {}),
    ...(process?.escalation ? { escalation: process.escalation } : {}),
  };
}

/** Decides `command` on an existing dossier. */
export async function decide(input: DecisionInput, command: DossierCommand): Promise<DecisionResult> {
  const decision = new DecidingDossier(input);
  await carryOut(decision, command);
  return decision.result();
}

/** Decides how a new dossier starts: its record, its lifecycle from the first status, and the counter's outcome. */
export async function decideNew(input: NewDecisionInput, command: NewDossierCommand): Promise<DecisionResult> {
  const opened = openNew(input, command);
  const decision = new DecidingDossier({ ...input, dossier: opened.dossier, steps: [] });
  await carryOutNew(decision, opened.emitted, command);
  return decision.result();
}

/** The new dossier's record and what its lifecycle emitted on starting (`carryOutNew` acts on it). */
export function openNew(input: NewDecisionInput, command: NewDossierCommand): { dossier: DossierRecord; emitted: DossierEmitted[] } {
  const { dossier: init, actor, at } = input;
  // A refused dossier was never received: it starts as handed in (1) and is refused (3), as an online submission.
  const received = command.type === 'counter.receive' && command.outcome.kind !== 'refused';
  const start = {
    type: received ? ('dossier.received' as const) : ('dossier.submitted' as const),
    at,
    actorId: actor.id,
    ...(command.type === 'counter.receive' && actor.departmentId ? { departmentId: actor.departmentId } : {}),
  };
  const lifecycle = startDossierLifecycle(input.calendars.forAgency(init.agencyId).dossierMachine, {
    dossierId: init.id,
    dossierCode: init.dossierCode,
    channel: init.channel,
    rules: rulesOf(input.definition),
    start,
  });
  const state: DossierStateRecord = { ...emptyDossierState(lifecycle.snapshot), documents: init.documents ?? [], ...(init.resultDelivery ? { resultDelivery: init.resultDelivery } : {}) };
  const dossier: DossierRecord = {
    id: init.id,
    rev: 0,
    dossierCode: init.dossierCode,
    procedureKey: init.procedureKey,
    procedureVersion: init.procedureVersion,
    agencyId: init.agencyId,
    status: lifecycle.status,
    channel: init.channel,
    applicant: init.applicant,
    form: init.form,
    ...(init.nationalPortal ? { nationalPortal: init.nationalPortal } : {}),
    ...(command.type === 'online.submit' ? { submittedAt: at } : {}),
    ...(lifecycle.context.receivedAt === undefined ? {} : { receivedAt: lifecycle.context.receivedAt }),
    ...(lifecycle.context.appointmentAt === undefined ? {} : { appointmentAt: lifecycle.context.appointmentAt }),
    state: state as unknown as Record<string, unknown>,
    createdAt: at,
    updatedAt: at,
  };
  return { dossier, emitted: lifecycle.emitted };
}

/** Acts on the start of a new dossier and on how it started (the counter's outcome, or an online submission). */
export async function carryOutNew(decision: DossierDecision, emitted: readonly DossierEmitted[], command: NewDossierCommand): Promise<void> {
  const { actor, dossier } = decision;
  await decision.applyLifecycleEmitted(emitted);
  const details = { procedureKey: dossier.procedureKey, procedureVersion: dossier.procedureVersion, channel: dossier.channel };
  if (command.type === 'online.submit') {
    decision.audit('dossier.submitted', details);
    return;
  }
  decision.state.receivingOfficial = { id: actor.id, name: actor.name ?? actor.id };
  const who = { actorId: actor.id, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) };
  const { outcome } = command;
  if (outcome.kind === 'refused') {
    decision.audit('dossier.submitted', details);
    await decision.applyLifecycle({ type: 'dossier.refused', at: decision.at, ...who, reason: outcome.reason });
    decision.state.refusal = { at: decision.at, actorId: actor.id, action: 'dossier.refused', reason: outcome.reason };
    decision.audit('dossier.refused', { reason: outcome.reason, atCounter: true });
    return;
  }
  decision.audit('dossier.received', { ...details, appointmentAt: dossier.appointmentAt });
  if (outcome.kind === 'accepted') return startProcessing(decision);
  decision.state.supplementRequests.push({ number: 1, at: decision.at, actorId: actor.id, missingComponents: outcome.missingComponents, reason: outcome.reason, contactOfficial: { name: actor.name ?? actor.id } });
  const missing = outcome.missingComponents.map((component) => component.name);
  await decision.applyLifecycle({ type: 'supplement.requested', at: decision.at, actorId: actor.id, missing, note: outcome.reason });
  decision.audit('supplement.requested', { number: 1, missingComponents: outcome.missingComponents, reason: outcome.reason, atCounter: true });
}

/** The open step `stepId` of the decision, or the refusal saying why not. */
export function openStepOf(decision: DossierDecision, stepId: string): StepRecord {
  const step = decision.step(stepId);
  if (!step || step.dossierId !== decision.dossier.id) throw stepNotFound(stepId);
  if (step.status !== 'open') throw stepNotOpen(step);
  return step;
}

/** Carries out `command` on the decision (the server's unit of work calls this on its own decision). */
export async function carryOut(decision: DossierDecision, command: DossierCommand): Promise<void> {
  const { actor, at } = decision;
  const by = { at, actorId: actor.id };
  switch (command.type) {
    case 'submission.accept':
      decision.state.receivingOfficial = { id: actor.id, name: actor.name ?? actor.id };
      await decision.applyLifecycle({ type: 'dossier.received', ...by, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) });
      decision.audit('dossier.received', { appointmentAt: decision.dossier.appointmentAt });
      return startProcessing(decision);
    case 'submission.refuse':
      await decision.applyLifecycle({ type: 'dossier.refused', ...by, reason: command.reason });
      decision.state.refusal = { ...by, action: 'dossier.refused', reason: command.reason };
      decision.audit('dossier.refused', { reason: command.reason });
      return;
    case 'step.claim': {
      const open = openStepOf(decision, command.stepId);
      if (open.assigneeId !== undefined && open.assigneeId !== actor.id) {
        throw new Refusal({ kind: 'conflict', code: 'STEP_CLAIMED', title: 'The step is claimed by another official', detail: `Step "${open.name}" is assigned to ${open.assigneeId}.` });
      }
      // A second claim by the same official keeps the first instant: the wait for an official ended then.
      decision.updateStep({ ...open, assigneeId: actor.id, claimedAt: open.claimedAt ?? at });
      decision.audit('step.claimed', { elementId: open.elementId }, open.id);
      return;
    }
    case 'step.complete':
      return completeStep(decision, openStepOf(decision, command.stepId), command);
    case 'step.reassign': {
      const open = openStepOf(decision, command.stepId);
      // A reassignment hands the step from one official to another, never back to the unit's inbox (DOMAIN.md:
      // escalation may reassign): the unit's wait for an official ended at the first claim, so `claimedAt` is kept
      // and the hand-over counts as the unit's working time. A step returned to an earlier one opens as a new step
      // record (returnStep below), unclaimed: its wait for an official starts again.
      decision.updateStep({ ...open, assigneeId: command.assigneeId });
      decision.audit('step.reassigned', { elementId: open.elementId, from: open.assigneeId ?? null, to: command.assigneeId, ...(command.reason ? { reason: command.reason } : {}) }, open.id);
      decision.notifyOfficials('step.reassigned', { stepId: open.id, stepName: open.name, agencyId: open.agencyId, departmentId: open.departmentId, assigneeId: command.assigneeId });
      return;
    }
    case 'step.return':
      return returnStep(decision, openStepOf(decision, command.stepId), command);
    case 'supplement.request':
      return requestSupplement(decision, command);
    case 'supplement.record':
      return recordSupplement(decision, command);
    case 'fees.request':
      await decision.applyLifecycle({ type: 'fees.requested', ...by, note: command.reason });
      decision.state.fees.push({ ...by, action: 'fees.requested', reason: command.reason, amount: command.amount });
      pauseOpenSteps(decision, 'fees');
      decision.audit('fees.requested', { amount: command.amount, reason: command.reason });
      return;
    case 'fees.record': {
      await decision.applyLifecycle({ type: 'fees.paid', ...by, ...(command.note ? { note: command.note } : {}) });
      decision.state.fees.push({ ...by, action: 'fees.paid', amount: command.amount });
      resumeOpenSteps(decision);
      const waiting = decision.openSteps().some((step) => step.kind === 'receiveTask');
      if (waiting && decision.isInstanceRunning()) await decision.deliver({ type: 'message.received', name: FEES_MESSAGE });
      decision.audit('fees.paid', { amount: command.amount, ...(command.note ? { note: command.note } : {}) });
      return;
    }
    case 'dossier.finish':
      await decision.applyLifecycle({ type: 'dossier.finished', ...by, ...(command.note ? { note: command.note } : {}) });
      await cancelInstance(decision);
      decision.audit('dossier.finished', command.note ? { note: command.note } : {});
      return;
    case 'processing.stop':
      await decision.applyLifecycle({ type: 'processing.stopped', ...by, reason: command.reason, note: command.reason } as never);
      decision.state.stop = { ...by, action: 'processing.stopped', reason: command.reason };
      await cancelInstance(decision);
      decision.audit('processing.stopped', { reason: command.reason });
      return;
    case 'dossier.withdraw':
      await decision.applyLifecycle({ type: 'dossier.withdrawn', ...by, reason: command.reason, note: command.reason } as never);
      decision.state.withdrawal = { ...by, action: 'dossier.withdrawn', reason: command.reason };
      await cancelInstance(decision);
      decision.audit('dossier.withdrawn', { reason: command.reason });
      return;
    case 'dossier.reappoint': {
      const current = decision.dossier.appointmentAt;
      if (current !== undefined && command.newAppointmentAt <= current) {
        throw new Refusal({ kind: 'unprocessable', code: 'APPOINTMENT_NOT_LATER', title: 'The new appointment must be later', detail: `The current appointment is ${new Date(current).toISOString()}.` });
      }
      await decision.applyLifecycle({ type: 'dossier.reappointed', ...by, newAppointmentAt: command.newAppointmentAt, reason: command.reason, ...(actor.agencyId ? { agencyId: actor.agencyId } : {}) });
      decision.audit('dossier.reappointed', { previousAppointmentAt: current, newAppointmentAt: command.newAppointmentAt, reason: command.reason });
      return;
    }
    case 'result.return':
      await decision.applyLifecycle({ type: 'result.returned', ...by, ...(command.note ? { note: command.note } : {}) });
      decision.audit('result.returned', command.note ? { note: command.note } : {});
      return;
    case 'timer.fire':
      return fireTimer(decision, command.timer);
  }
}

async function completeStep(decision: DossierDecision, step: StepRecord, command: { decision?: StepDecision; data?: Record<string, unknown>; note?: string }): Promise<void> {
  const outcome = command.decision ?? 'approve';
  decision.state.lastDecision = outcome;
  // The outcome is kept before the engine closes the step, so the record says how it ended.
  decision.updateStep({ ...step, outcome, assigneeId: step.assigneeId ?? decision.actor.id });
  decision.audit('step.completed', { elementId: step.elementId, decision: outcome, ...(command.note ? { note: command.note } : {}), data: command.data ?? {} }, step.id);
  await decision.deliver({ type: 'task.completed', stepId: step.stepId, variables: { ...(command.data ?? {}), decision: outcome } });
}

/** Back to an earlier user task of the same scope: the open step is cancelled and the earlier one opens with a fresh clock. */
async function returnStep(decision: DossierDecision, open: StepRecord, command: { toElementId: string; reason: string }): Promise<void> {
  const from = findNode(decision.definition, open.elementId);
  const target = findNode(decision.definition, command.toElementId);
  if (!target || target.kind !== 'userTask' || target.scopeId !== from?.scopeId || target.id === open.elementId) {
    throw new Refusal({
      kind: 'unprocessable',
      code: 'RETURN_TARGET_INVALID',
      title: 'A step can only be returned to another user task of its route',
      detail: `${command.toElementId} is not another user task in the scope of ${open.elementId}.`,
    });
  }
  decision.state.lastDecision = 'return';
  decision.updateStep({ ...open, outcome: 'return', assigneeId: open.assigneeId ?? decision.actor.id });
  decision.audit('step.returned', { elementId: open.elementId, toElementId: command.toElementId, reason: command.reason }, open.id);
  const event = { type: 'step.returned', stepId: open.stepId, toElementId: command.toElementId, reason: command.reason } as unknown as EngineEvent;
  await decision.deliver(event);
}

/**
 * Form 02: asked once, in writing, listing every missing component. When the model draws a supplement wait the step
 * is completed with the decision `supplement` and the route goes there; otherwise the open steps pause where they are.
 */
async function requestSupplement(decision: DossierDecision, command: Extract<DossierCommand, { type: 'supplement.request' }>): Promise<void> {
  const { actor } = decision;
  if (decision.dossier.status !== 2 && decision.dossier.status !== 4) {
    throw new Refusal({ kind: 'conflict', code: 'TRANSITION_NOT_ALLOWED', title: 'Not allowed in the dossier\'s current status', detail: `A supplement can be requested in status 2 or 4; the dossier is in status ${decision.dossier.status}.` });
  }
  const request: SupplementRequestRecord = {
    number: decision.state.supplementRequests.length + 1,
    at: decision.at,
    actorId: actor.id,
    ...(command.stepId ? { stepId: command.stepId } : {}),
    missingComponents: command.missingComponents,
    reason: command.reason,
    contactOfficial: command.contactOfficial ?? { name: actor.name ?? actor.id },
  };
  decision.state.supplementRequests.push(request);
  decision.pendingSupplement = { missing: command.missingComponents.map((c) => c.name), note: command.reason };
  if (command.stepId) {
    const step = openStepOf(decision, command.stepId);
    if (modelWaitsFor(decision.definition, 'supplement')) await completeStep(decision, step, { decision: 'supplement', note: command.reason });
  }
  if ((decision.dossier.status as number) !== 5) {
    await decision.applyLifecycle({ type: 'supplement.requested', at: decision.at, actorId: actor.id, missing: decision.pendingSupplement.missing, note: command.reason });
    pauseOpenSteps(decision, 'supplement');
  }
  decision.audit('supplement.requested', { number: request.number, missingComponents: request.missingComponents, reason: request.reason }, command.stepId);
}

/** The supplement arrives (5 → 4): clocks resume or restart by policy, and the modelled wait hears `supplement.received`. */
async function recordSupplement(decision: DossierDecision, command: { documents?: ReceivedDocument[]; note?: string }): Promise<void> {
  await decision.applyLifecycle({ type: 'supplement.received', at: decision.at, actorId: decision.actor.id, ...(command.note ? { note: command.note } : {}) });
  const request = decision.state.supplementRequests.at(-1);
  if (request) request.receivedAt = decision.at;
  decision.state.documents.push(...(command.documents ?? []));
  // Asked for at the counter before processing began: the route starts now, on the complete dossier.
  if (decision.dossier.instance === undefined) {
    const { dossier } = decision;
    await decision.startInstance({ ...dossier.form, dossierCode: dossier.dossierCode, channel: dossier.channel });
    decision.audit('processing.started', { procedureKey: dossier.procedureKey, procedureVersion: dossier.procedureVersion });
  }
  resumeOpenSteps(decision);
  const isSupplementWait = (elementId: string) => findNode(decision.definition, elementId)?.messageName === SUPPLEMENT_MESSAGE;
  const waiting = decision.openSteps().some((step) => step.kind === 'receiveTask' && isSupplementWait(step.elementId));
  if (waiting && decision.isInstanceRunning()) await decision.deliver({ type: 'message.received', name: SUPPLEMENT_MESSAGE });
  decision.audit('supplement.received', { documents: command.documents ?? [], ...(command.note ? { note: command.note } : {}) });
}

const WINDOW_CLOSED_MESSAGE = 'supplement.window_closed';

/** The clocks remember what fired, so a second delivery of the same timer tells nobody twice. */
async function fireTimer(decision: DossierDecision, timer: TimerRecord): Promise<void> {
  const payload = timer.payload as { source?: string; timerId?: string; rung?: number };
  const timerId = payload.timerId ?? timer.id;
  switch (payload.source) {
    case 'engine':
      if (decision.isInstanceRunning()) await decision.deliver({ type: 'timer.due', timerId });
      return;
    case 'step': {
      const step = timer.stepId ? decision.step(timer.stepId) : undefined;
      if (step) moveStepClock(decision, step, { type: 'timer.due', at: decision.at, kind: timer.kind, timerId, ...(payload.rung === undefined ? {} : { rung: payload.rung }) });
      return;
    }
    default: {
      const before = decision.dossier.status;
      await decision.applyLifecycle({ type: 'timer.due', at: decision.at, kind: timer.kind, timerId });
      // Decree 63/2024/NĐ-CP: the citizen's window closed without the supplement, the dossier is rejected and its route ends.
      if (before === 5 && (decision.dossier.status === 3 || decision.dossier.status === 8)) {
        decision.state.stop = { at: decision.at, actorId: SYSTEM_ACTOR.id, action: 'supplement.window_closed', reason: 'Quá thời hạn bổ sung hồ sơ' };
        // A model that draws the rejection (boundary on its wait, procedures/README.md) ends there; others are cancelled.
        const instance = decision.dossier.instance as InstanceSnapshot | undefined;
        const waits = decision.isInstanceRunning() && Object.values(instance?.w ?? {}).some((wait) => wait.k === 'message' && wait.nm === WINDOW_CLOSED_MESSAGE);
        if (waits) await decision.deliver({ type: 'message.received', name: WINDOW_CLOSED_MESSAGE });
        await cancelInstance(decision);
      }
    }
  }
}
