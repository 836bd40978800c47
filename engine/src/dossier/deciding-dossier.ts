/**
 * @module deciding-dossier — one decision on one dossier, in memory: the dossier and the steps it was given, changed
 * as the lifecycle, the step clocks and the process instance decide, and the records the decision leaves (timers
 * armed and cancelled, progress lines, audit entries, outbox messages), numbered from the dossier's own counters so
 * the revision check of the write makes them gapless. Nothing here reads or writes a store: the server loads what a
 * command needs, decides with this, and writes `result()` in one unit of work (the lifecycle rule "save the snapshot
 * with the revision check and only then act on what was emitted").
 *
 * The three behaviours are joined here by plain calls, not by a parent statechart with a child actor per step clock:
 * a decision is one synchronous run over snapshots that are stored between commands, so an actor system would be
 * created, restored and stopped on every command only to be read back out (the cost `bench:decide` shows the
 * lifecycle's actors already have). xstate is kept where its states carry business meaning — the dossier lifecycle
 * (the national statuses) and each step clock (on track, nearly due, overdue, escalated, paused) — and the BPMN
 * stepper is a reducer (engine/src/runtime).
 *
 * One engine serves every decision: its machines are built once per definition and kept (a WeakMap inside the
 * engine), never per event. The engine reads the instant through a slot each decision sets for its own call; calls
 * are queued one after another so no decision reads another's instant.
 */
import { applyDossierEvent } from '../lifecycle/apply-dossier-event';
import type { DossierEmitted, DossierEvent } from '../lifecycle/dossier-event';
import type { ProgressRecord } from '../lifecycle/progress-record';
import type { ProcedureDefinition } from '../model/procedure-definition';
import { createEngine } from '../runtime/create-engine';
import type { EngineEvent } from '../runtime/engine-event';
import type { InstanceSnapshot } from '../runtime/instance-state';
import type { RunResult } from '../runtime/settle-handlers';
import { applyClockEmitted } from './clock-emitted';
import type { Actor, DossierDecision } from './dossier-decision';
import { dossierStateOf, type AuditRecord, type DossierRecord, type DossierStateRecord, type OutboxEntry, type OutboxKind, type ProgressEntry, type StepRecord, type TimerRecord } from './dossier-records';
import { applyEngineEffects } from './process-effects';
import type { Calendars, Timekeeping } from './timekeeping';

/** A timer decided, written in order (arming then cancelling one is harmless). */
export type TimerWrite = { schedule: Omit<TimerRecord, 'status'> } | { cancel: string };

/** What a decision leaves to be written, in this order: the dossier (revision-checked), then the rest. */
export interface DecisionResult {
  dossier: DossierRecord;
  createdSteps: Omit<StepRecord, 'rev'>[];
  changedSteps: StepRecord[];
  timers: TimerWrite[];
  progress: ProgressEntry[];
  audit: AuditRecord[];
  outbox: OutboxEntry[];
}

export interface DecisionInput {
  dossier: DossierRecord;
  /** The dossier's open steps, and any closed one a command names. */
  steps: readonly StepRecord[];
  definition: ProcedureDefinition;
  calendars: Calendars;
  actor: Actor;
  at: number;
}

let engineAt = 0;
let engineQueue: Promise<unknown> = Promise.resolve();
const engine = createEngine({ clock: { now: () => engineAt } });

function runEngine<T>(at: number, call: () => Promise<T>): Promise<T> {
  const run = engineQueue.then(() => {
    engineAt = at;
    return call();
  });
  engineQueue = run.catch(() => undefined);
  return run;
}

export class DecidingDossier implements DossierDecision {
  readonly at: number;
  readonly actor: Actor;
  readonly definition: ProcedureDefinition;
  dossier: DossierRecord;
  pendingSupplement?: { missing: string[]; note: string };
  private readonly calendars: Calendars;
  private readonly steps = new Map<string, StepRecord>();
  private readonly createdSteps = new Set<string>();
  private readonly changedSteps = new Set<string>();
  private readonly timerWrites: TimerWrite[] = [];
  private readonly audits: AuditRecord[] = [];
  private readonly progressEntries: ProgressEntry[] = [];
  private readonly entries: OutboxEntry[] = [];

  constructor(input: DecisionInput) {
    this.at = input.at;
    this.actor = input.actor;
    this.definition = input.definition;
    this.dossier = input.dossier;
    this.calendars = input.calendars;
    for (const step of input.steps) this.steps.set(step.id, step);
  }

  get state(): DossierStateRecord {
    return dossierStateOf(this.dossier);
  }

  get kit(): Timekeeping {
    return this.calendars.forAgency(this.dossier.agencyId);
  }

  kitFor(agencyId: string | undefined): Timekeeping {
    return this.calendars.forAgency(agencyId ?? this.dossier.agencyId);
  }

  /** A step loaded after the decision began (a command named a closed one). */
  addLoadedStep(step: StepRecord): void {
    if (!this.steps.has(step.id)) this.steps.set(step.id, step);
  }

  step(id: string): StepRecord | undefined {
    return this.steps.get(id);
  }

  openSteps(): StepRecord[] {
    return [...this.steps.values()].filter((step) => step.status === 'open');
  }

  createStep(record: Omit<StepRecord, 'rev'>): void {
    this.steps.set(record.id, { ...record, rev: 0 });
    this.createdSteps.add(record.id);
  }

  updateStep(record: StepRecord): void {
    this.steps.set(record.id, record);
    if (!this.createdSteps.has(record.id)) this.changedSteps.add(record.id);
  }

  scheduleTimer(timer: Omit<TimerRecord, 'status'>): void {
    this.timerWrites.push({ schedule: timer });
  }

  cancelTimer(id: string): void {
    this.timerWrites.push({ cancel: id });
  }

  /** Adds an outbox entry with the dossier's next `seq` (order per dossier for the deliverer). */
  enqueue(kind: OutboxKind, payload: Record<string, unknown>): void {
    const seq = ++this.state.outboxSeq;
    this.entries.push({ id: `${this.dossier.id}:${seq}`, dossierId: this.dossier.id, seq, kind, payload, createdAt: this.at });
  }

  /** An audit entry: who, when, what, from which step (append-only). */
  audit(action: string, details: Record<string, unknown> = {}, stepId?: string): void {
    const seq = ++this.state.auditSeq;
    this.audits.push({
      id: `${this.dossier.id}:audit:${seq}`,
      dossierId: this.dossier.id,
      at: this.at,
      actorId: this.actor.id,
      action,
      ...(stepId === undefined ? {} : { stepId }),
      details: { dossierCode: this.dossier.dossierCode, ...details },
    });
  }

  /** A progress line, told to the outbox (and to the portal sync and the citizen, on a status change). */
  recordProgress(record: ProgressRecord): void {
    const seq = ++this.state.progressSeq;
    const entry = { ...record, id: `${this.dossier.id}:${seq}`, seq, dossierCode: this.dossier.dossierCode };
    this.progressEntries.push(entry);
    this.enqueue('dossier.progress_recorded', { ...entry });
    if (record.previousStatus !== record.status) {
      this.enqueue('dossier.status_changed', { dossierCode: this.dossier.dossierCode, status: record.status, previousStatus: record.previousStatus ?? null, at: record.at });
      const citizen = CITIZEN_NOTICES[record.status];
      const supplement = record.status === 5 && this.pendingSupplement ? { missing: this.pendingSupplement.missing, reason: this.pendingSupplement.note } : {};
      const appointmentAt = this.dossier.appointmentAt === undefined ? {} : { appointmentAt: this.dossier.appointmentAt };
      if (citizen) this.notifyCitizen(citizen, { status: record.status, ...appointmentAt, ...supplement, ...(record.note ? { reason: record.note } : {}) });
    }
  }

  notifyCitizen(event: string, details: Record<string, unknown> = {}): void {
    const { applicant, dossierCode } = this.dossier;
    this.enqueue('notification.citizen', { event, dossierCode, applicant: { name: applicant.name, phone: applicant.phone, email: applicant.email }, ...details });
  }

  notifyOfficials(event: string, details: Record<string, unknown>): void {
    this.enqueue('notification.official', { event, dossierCode: this.dossier.dossierCode, ...details });
  }

  async applyLifecycle(event: DossierEvent): Promise<void> {
    const step = applyDossierEvent(this.kit.dossierMachine, this.state.lifecycle, event);
    this.state.lifecycle = step.snapshot;
    const { context } = step;
    Object.assign(this.dossier, {
      status: step.status,
      ...(context.receivedAt === undefined ? {} : { receivedAt: context.receivedAt }),
      ...(context.appointmentAt === undefined ? {} : { appointmentAt: context.appointmentAt }),
      ...(context.finishedAt === undefined ? {} : { finishedAt: context.finishedAt }),
      ...(context.returnedAt === undefined ? {} : { returnedAt: context.returnedAt }),
    });
    await this.applyLifecycleEmitted(step.emitted);
  }

  async applyLifecycleEmitted(emitted: readonly DossierEmitted[]): Promise<void> {
    for (const item of emitted) {
      if (item.type === 'progress.recorded') this.recordProgress(item.record);
      else if (item.type === 'dossier.reappointed') this.notifyCitizen('dossier.reappointed', { newAppointmentAt: item.newAppointmentAt, reason: item.reason });
      else applyClockEmitted(this, 'dossier', item);
    }
  }

  async deliver(event: EngineEvent): Promise<RunResult> {
    const snapshot = this.dossier.instance as InstanceSnapshot;
    const result = await runEngine(this.at, () => engine.deliver(this.definition, snapshot, event));
    this.dossier.instance = result.snapshot;
    await applyEngineEffects(this, result.effects);
    return result;
  }

  async startInstance(variables: Record<string, unknown>): Promise<RunResult> {
    const result = await runEngine(this.at, () => engine.start(this.definition, { variables, instanceId: this.dossier.id }));
    this.dossier.instance = result.snapshot;
    await applyEngineEffects(this, result.effects);
    return result;
  }

  isInstanceRunning(): boolean {
    const snapshot = this.dossier.instance as { st?: string } | undefined;
    return snapshot !== undefined && snapshot.st === 'running';
  }

  /** What the decision leaves to be written; the dossier stamped with the decision's instant. */
  result(): DecisionResult {
    this.dossier.updatedAt = this.at;
    return {
      dossier: this.dossier,
      createdSteps: [...this.createdSteps].map((id) => {
        const { rev: _rev, ...created } = this.steps.get(id)!;
        return created;
      }),
      changedSteps: [...this.changedSteps].map((id) => this.steps.get(id)!),
      timers: this.timerWrites,
      progress: this.progressEntries,
      audit: this.audits,
      outbox: this.entries,
    };
  }
}

/** What the citizen is told on each status (server issue: received / supplement requested / result ready). */
const CITIZEN_NOTICES: Partial<Record<number, string>> = {
  2: 'dossier.received',
  3: 'dossier.refused',
  5: 'supplement.requested',
  8: 'processing.stopped',
  9: 'result.ready',
};
