/**
 * @module DossierChange — one unit of work on one dossier: load, decide, save. It loads the dossier and its open
 * steps, lets a use case decide on them in memory (no read or write reaches the store while deciding: the steps
 * opened, closed and re-clocked, the timers armed and cancelled, the progress, audit and outbox records are kept as
 * they are decided), and `save` writes all of it in the same transaction: the dossier first (revision-checked), then
 * its steps, timers, progress, audit and outbox entries. Following the lifecycle rule "save the snapshot with the
 * revision check and only then act on what was emitted", a conflicting writer never leaves records behind; on
 * `ConcurrencyConflict` the whole unit is retried.
 */
import { applyDossierEvent, createEngine, type DossierEmitted, type DossierEvent, type EngineEvent, type ProgressRecord, type RunResult } from '../../../engine/src/index';
import type { DossierRecord, ProcedureRecord, Stores } from '../stores';
import type { OutboxEntry, OutboxKind, OutboxStore } from '../outbox/outbox-store';
import type { AuditRecord, ProgressEntry, StepRecord, TimerRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { dossierStateOf, type DossierState } from './dossier-state';
import type { Timekeeping } from './timekeeping';
import { applyClockEmitted } from './apply-clock-emitted';
import { applyEngineEffects } from './apply-engine-effects';

export type TxStores = Omit<Stores, 'transaction'>;

/** A timer decided in the change, written in order at save (arming then cancelling one is harmless). */
type TimerWrite = { schedule: Omit<TimerRecord, 'status'> } | { cancel: string };

export class DossierChange {
  readonly at: number;
  private readonly entries: OutboxEntry[] = [];
  private readonly isNew: boolean;
  /** The dossier's steps as decided: the open ones loaded, the ones opened since, and any a use case asked for. */
  private readonly steps = new Map<string, StepRecord>();
  private readonly createdSteps = new Set<string>();
  private readonly changedSteps = new Set<string>();
  private readonly timerWrites: TimerWrite[] = [];
  private readonly audits: AuditRecord[] = [];
  private readonly progressEntries: ProgressEntry[] = [];
  /** Set by request-supplement for the wait it is about to open (form 02 data goes with `supplement.requested`). */
  pendingSupplement?: { missing: string[]; note: string };

  constructor(
    readonly deps: DossierDeps,
    readonly tx: TxStores,
    public dossier: DossierRecord,
    readonly procedure: ProcedureRecord,
    readonly kit: Timekeeping,
    readonly actor: Actor,
    options: { isNew?: boolean } = {},
  ) {
    this.at = deps.clock.now();
    this.isNew = options.isNew === true;
  }

  get state(): DossierState {
    return dossierStateOf(this.dossier);
  }

  /** Adds an outbox entry with the dossier's next `seq` (order per dossier for the deliverer). */
  enqueue(kind: OutboxKind, payload: Record<string, unknown>): void {
    const seq = ++this.state.outboxSeq;
    this.entries.push({ id: `${this.dossier.id}:${seq}`, dossierId: this.dossier.id, seq, kind, payload, createdAt: this.at });
  }

  /** Loads the dossier's open steps, before deciding (a new dossier has none). */
  async loadOpenSteps(): Promise<void> {
    if (this.isNew) return;
    const page = await this.tx.steps.list({ dossierId: this.dossier.id, status: ['open'] }, { offset: 0, limit: 1000 });
    for (const step of page.items) this.steps.set(step.id, step);
  }

  /** The step `id` of this dossier as decided so far, loading it when it is not open (a use case names a closed one). */
  async loadStep(id: string): Promise<StepRecord | undefined> {
    const known = this.steps.get(id);
    if (known) return known;
    const stored = await this.tx.steps.get(id);
    if (!stored || stored.dossierId !== this.dossier.id) return undefined;
    this.steps.set(id, stored);
    return stored;
  }

  /** The step `id` as decided so far (open steps and those loaded or opened in this change). */
  step(id: string): StepRecord | undefined {
    return this.steps.get(id);
  }

  /** The dossier's open steps, in the order they opened. */
  openSteps(): StepRecord[] {
    return [...this.steps.values()].filter((step) => step.status === 'open');
  }

  /** A step the route opened; written at save. */
  createStep(record: Omit<StepRecord, 'rev'>): void {
    this.steps.set(record.id, { ...record, rev: 0 });
    this.createdSteps.add(record.id);
  }

  /** A step's new state (claimed, re-clocked, closed); written once at save, with the revision it was loaded at. */
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

  /** Appends an audit record: who, when, what, from which step (append-only). */
  async audit(action: string, details: Record<string, unknown> = {}, stepId?: string): Promise<void> {
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

  /** Stores a progress record and tells the outbox (and the portal sync, on a status change). */
  async recordProgress(record: ProgressRecord): Promise<void> {
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

  /** Applies a lifecycle event (guarded: refusals are EngineErrors) and acts on what it emitted. */
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

  /** Acts on what the lifecycle emitted: progress records, apology letters, the dossier clock's timers and marks. */
  async applyLifecycleEmitted(emitted: readonly DossierEmitted[]): Promise<void> {
    for (const item of emitted) {
      if (item.type === 'progress.recorded') await this.recordProgress(item.record);
      else if (item.type === 'dossier.reappointed') this.notifyCitizen('dossier.reappointed', { newAppointmentAt: item.newAppointmentAt, reason: item.reason });
      else await applyClockEmitted(this, 'dossier', item);
    }
  }

  /** Delivers an event to the process instance and carries out its effects. */
  async deliver(event: EngineEvent): Promise<RunResult> {
    const result = await this.engine().deliver(this.procedure.definition, this.dossier.instance as never, event);
    this.dossier.instance = result.snapshot;
    await applyEngineEffects(this, result.effects);
    return result;
  }

  /** Starts the process instance on the dossier's pinned procedure version. */
  async startInstance(variables: Record<string, unknown>): Promise<RunResult> {
    const result = await this.engine().start(this.procedure.definition, { variables, instanceId: this.dossier.id });
    this.dossier.instance = result.snapshot;
    await applyEngineEffects(this, result.effects);
    return result;
  }

  isInstanceRunning(): boolean {
    const snapshot = this.dossier.instance as { st?: string } | undefined;
    return snapshot !== undefined && snapshot.st === 'running';
  }

  /** Writes the dossier (create, or update with the revision check), then what was decided with it. */
  async save(): Promise<DossierRecord> {
    this.dossier.updatedAt = this.at;
    this.dossier = this.isNew ? await this.tx.dossiers.create(this.dossier) : await this.tx.dossiers.update(this.dossier);
    for (const id of this.createdSteps) {
      const { rev: _rev, ...created } = this.steps.get(id)!;
      await this.tx.steps.create(created);
    }
    for (const id of this.changedSteps) await this.tx.steps.update(this.steps.get(id)!);
    for (const write of this.timerWrites) {
      if ('schedule' in write) await this.tx.timers.schedule(write.schedule);
      else await this.tx.timers.cancel(write.cancel);
    }
    for (const entry of this.progressEntries) await this.tx.progress.append(entry);
    for (const record of this.audits) await this.tx.audit.append(record);
    // An adapter whose outbox joins the transaction hands it in with the stores; otherwise the injected one.
    const outbox = (this.tx as TxStores & { outbox?: OutboxStore }).outbox ?? this.deps.outbox;
    if (this.entries.length > 0) await outbox.enqueue(this.entries);
    return this.dossier;
  }

  private engine() {
    return createEngine({ clock: { now: () => this.at } });
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
