/**
 * @module new-dossier — what online submission and counter receipt share: the pinned procedure version, the
 * validated e-form, a unique dossier code of the receiving agency's day, and the record with its lifecycle.
 */
import { startDossierLifecycle, type DossierEmitted, type ReceiptChannel } from '../../../engine/src/index';
import type { DossierRecord, ProcedureRecord } from '../stores';
import { Refusal } from '../refusal';
import type { TxStores } from './dossier-change';
import { nextDossierCode } from './dossier-code';
import type { DossierDeps } from './dossier-deps';
import { rulesOf } from './dossier-rules';
import { emptyDossierState, type DossierState, type ReceivedDocument } from './dossier-state';
import type { Timekeeping } from './timekeeping';
import { assertFormDataWithinLimits } from './form-data-limits';
import { validateForm } from './validate-form';

export interface NewDossierCommand {
  procedureKey: string;
  /** Latest version when absent; the dossier keeps this version for life. */
  procedureVersion?: number;
  agencyId: string;
  applicant: DossierRecord['applicant'];
  form: Record<string, unknown>;
  documents?: ReceivedDocument[];
  resultDelivery?: DossierState['resultDelivery'];
}

/** `checkSchema: false` keeps only the size bounds: a dossier refused at the counter keeps the e-form as handed in. */
export async function pinProcedure(deps: DossierDeps, command: NewDossierCommand, { checkSchema = true } = {}): Promise<ProcedureRecord> {
  const { procedures } = deps.stores;
  const procedure = command.procedureVersion === undefined ? await procedures.latest(command.procedureKey) : await procedures.get(command.procedureKey, command.procedureVersion);
  if (!procedure) {
    throw new Refusal({ kind: 'notFound', code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure', detail: `No procedure ${command.procedureKey}${command.procedureVersion ? ` version ${command.procedureVersion}` : ''}` });
  }
  if (checkSchema) validateForm(procedure, command.form, deps.formLimits);
  else assertFormDataWithinLimits(command.form, 'form', deps.formLimits);
  return procedure;
}

export async function buildDossier(
  deps: DossierDeps,
  tx: TxStores,
  procedure: ProcedureRecord,
  command: NewDossierCommand,
  start: { type: 'dossier.submitted' | 'dossier.received'; channel: ReceiptChannel; actorId: string; departmentId?: string },
  kit: Timekeeping,
  id: string,
): Promise<{ record: DossierRecord; emitted: DossierEmitted[] }> {
  const at = deps.clock.now();
  // Outside the unit of work `tx` on purpose: a transaction never holds the day's counter (dossier-code.ts).
  const dossierCode = await nextDossierCode(deps.stores.dossiers, command.agencyId, at, id);
  const lifecycle = startDossierLifecycle(kit.dossierMachine, {
    dossierId: id,
    dossierCode,
    channel: start.channel,
    rules: rulesOf(procedure.definition),
    start: { type: start.type, at, actorId: start.actorId, ...(start.departmentId ? { departmentId: start.departmentId } : {}) },
  });
  const state = { ...emptyDossierState(lifecycle.snapshot), documents: command.documents ?? [], ...(command.resultDelivery ? { resultDelivery: command.resultDelivery } : {}) };
  const record: DossierRecord = {
    id,
    rev: 0,
    dossierCode,
    procedureKey: procedure.key,
    procedureVersion: procedure.version,
    agencyId: command.agencyId,
    status: lifecycle.status,
    channel: start.channel,
    applicant: command.applicant,
    form: command.form,
    ...(start.type === 'dossier.submitted' ? { submittedAt: at } : {}),
    ...(lifecycle.context.receivedAt === undefined ? {} : { receivedAt: lifecycle.context.receivedAt }),
    ...(lifecycle.context.appointmentAt === undefined ? {} : { appointmentAt: lifecycle.context.appointmentAt }),
    state: state as unknown as Record<string, unknown>,
    createdAt: at,
    updatedAt: at,
  };
  return { record, emitted: lifecycle.emitted };
}
