/**
 * @module DossierChange — the server's side of one decision on one dossier: the engine's `DecidingDossier` (which
 * decides in memory, engine/src/dossier) given the steps a command needs, and `save`, which writes what it decided in
 * the same unit of work: the dossier first (revision-checked), then its steps, timers, progress, audit and outbox
 * entries (the outbox joined to the unit explicitly, `outbox.within(tx.unit)`). Following the lifecycle rule "save
 * the snapshot with the revision check and only then act on what was emitted", a conflicting writer never leaves
 * records behind; on `ConcurrencyConflict` the whole unit is retried.
 */
import { DecidingDossier, type DecisionInput } from '../../../engine/src/index';
import type { DossierRecord, ProcedureRecord, StepRecord, TxStores } from '../stores';
import type { DossierDeps } from './dossier-deps';

export class DossierChange extends DecidingDossier {
  constructor(
    readonly deps: DossierDeps,
    readonly tx: TxStores,
    readonly procedure: ProcedureRecord,
    input: Omit<DecisionInput, 'definition'>,
    private readonly isNew = false,
  ) {
    super({ ...input, definition: procedure.definition });
  }

  /** The step `id` of this dossier as decided so far, loading it when it is not open (a command names a closed one). */
  async loadStep(id: string): Promise<StepRecord | undefined> {
    const known = this.step(id);
    if (known) return known;
    const stored = await this.tx.steps.get(id);
    if (!stored || stored.dossierId !== this.dossier.id) return undefined;
    this.addLoadedStep(stored);
    return stored;
  }

  /**
   * Writes the dossier (create, or update with the revision check), then what was decided with it: one write per
   * collection (the steps, the timers, the progress lines, the audit entries, the outbox entries), one after the
   * other (MongoDB runs a transaction's operations in sequence; mongoose leaves parallel ones undefined). Returns the dossier as saved and every step the change had in hand
   * (open, created, changed), from which the dashboard's facts are written.
   */
  async save(): Promise<{ dossier: DossierRecord; known: StepRecord[] }> {
    const decided = this.result();
    const { tx } = this;
    this.dossier = this.isNew ? await tx.dossiers.create(decided.dossier) : await tx.dossiers.update(decided.dossier);
    await tx.steps.writeMany(this.dossier, decided.createdSteps, decided.changedSteps);
    await tx.timers.writeMany(decided.timers);
    await tx.progress.appendMany(decided.progress);
    await tx.audit.appendMany(decided.audit);
    if (decided.outbox.length > 0) await this.deps.outbox.within(tx.unit).enqueue(decided.outbox);
    const known = new Map(this.openSteps().map((step) => [step.id, step]));
    for (const step of decided.createdSteps) known.set(step.id, { ...step, rev: 0 });
    for (const step of decided.changedSteps) known.set(step.id, { ...step, rev: step.rev + 1 });
    return { dossier: this.dossier, known: [...known.values()] };
  }
}
