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

  /** Writes the dossier (create, or update with the revision check), then what was decided with it. */
  async save(): Promise<DossierRecord> {
    const decided = this.result();
    const { tx } = this;
    this.dossier = this.isNew ? await tx.dossiers.create(decided.dossier) : await tx.dossiers.update(decided.dossier);
    for (const step of decided.createdSteps) await tx.steps.create(step);
    for (const step of decided.changedSteps) await tx.steps.update(step);
    for (const write of decided.timers) {
      if ('schedule' in write) await tx.timers.schedule(write.schedule);
      else await tx.timers.cancel(write.cancel);
    }
    for (const entry of decided.progress) await tx.progress.append(entry);
    for (const record of decided.audit) await tx.audit.append(record);
    if (decided.outbox.length > 0) await this.deps.outbox.within(tx.unit).enqueue(decided.outbox);
    return this.dossier;
  }
}
