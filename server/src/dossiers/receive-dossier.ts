/**
 * @module receive-dossier — how a dossier comes to exist: handed in at the one-stop section (Decree 61/2018/NĐ-CP
 * Art. 19(2): received, asked on the spot for what is missing, or refused — forms 01, 02, 03) or submitted online
 * (Decree 45/2020/NĐ-CP: status 1, a code at once). Either way the procedure version is pinned for life, the e-form
 * validated against it, and the dossier numbered in the receiving agency's day; the engine decides the rest
 * (engine/src/dossier/decide-dossier.ts `carryOutNew`). Every outcome is a dossier with its code, so the form the
 * citizen takes home can be printed and looked up.
 */
import type { IntakeOutcome, NewDossier, ReceiptChannel, ReceivedDocument } from '../../../engine/src/index';
import { Refusal } from '../../../engine/src/index';
import type { DossierRecord, ProcedureRecord } from '../stores';
import { procedureRetired } from '../procedures/procedure-retired';
import { nextDossierCode } from './dossier-code';
import type { Actor, DossierDeps } from './dossier-deps';
import { assertFormDataWithinLimits } from './form-data-limits';
import { runNewDossier } from './run-dossier-change';
import { validateForm } from './validate-form';

export type { IntakeOutcome } from '../../../engine/src/index';

export interface NewDossierCommand {
  procedureKey: string;
  /** Latest version when absent; the dossier keeps this version for life. */
  procedureVersion?: number;
  agencyId: string;
  applicant: DossierRecord['applicant'];
  form: Record<string, unknown>;
  documents?: ReceivedDocument[];
  resultDelivery?: NewDossier['resultDelivery'];
  /** A dossier submitted on the national portal: the portal's code, kept on the dossier (national-portal/). */
  nationalPortal?: NewDossier['nationalPortal'];
}

export interface ReceiveDossierCommand extends NewDossierCommand {
  /** 1 in person (default), 3 public post. */
  channel?: ReceiptChannel;
  /** Accepted when absent. */
  outcome?: IntakeOutcome;
}

/** `checkSchema: false` keeps only the size bounds: a dossier refused at the counter keeps the e-form as handed in. */
export async function pinProcedure(deps: DossierDeps, command: NewDossierCommand, { checkSchema = true } = {}): Promise<ProcedureRecord> {
  const { procedures } = deps.stores;
  const procedure = command.procedureVersion === undefined ? await procedures.latest(command.procedureKey) : await procedures.get(command.procedureKey, command.procedureVersion);
  if (!procedure) {
    throw new Refusal({ kind: 'notFound', code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure', detail: `No procedure ${command.procedureKey}${command.procedureVersion ? ` version ${command.procedureVersion}` : ''}` });
  }
  // A retired procedure starts nothing new, whichever version is asked for; dossiers under way never come here again.
  const { retirement } = command.procedureVersion === undefined ? procedure : ((await procedures.latest(command.procedureKey)) ?? {});
  if (retirement) throw procedureRetired(command.procedureKey, retirement);
  if (checkSchema) validateForm(procedure, command.form, deps.formLimits);
  else assertFormDataWithinLimits(command.form, 'form', deps.formLimits);
  return procedure;
}

/** The new record's fields; its code is taken outside the unit of work on purpose (dossier-code.ts). */
function newDossierOf(deps: DossierDeps, procedure: ProcedureRecord, command: NewDossierCommand, channel: ReceiptChannel) {
  return async (id: string): Promise<NewDossier> => ({
    id,
    dossierCode: await nextDossierCode(deps.stores.dossiers, command.agencyId, deps.clock.now(), id),
    procedureKey: procedure.key,
    procedureVersion: procedure.version,
    agencyId: command.agencyId,
    channel,
    applicant: command.applicant,
    form: command.form,
    ...(command.documents ? { documents: command.documents } : {}),
    ...(command.resultDelivery ? { resultDelivery: command.resultDelivery } : {}),
    ...(command.nationalPortal ? { nationalPortal: command.nationalPortal } : {}),
  });
}

export async function receiveDossier(deps: DossierDeps, command: ReceiveDossierCommand, actor: Actor): Promise<DossierRecord> {
  const outcome = command.outcome ?? { kind: 'accepted' };
  const procedure = await pinProcedure(deps, command, { checkSchema: outcome.kind !== 'refused' });
  return runNewDossier(deps, procedure, actor, newDossierOf(deps, procedure, command, command.channel ?? 1), { type: 'counter.receive', outcome });
}

export async function submitDossier(deps: DossierDeps, command: NewDossierCommand, actor: Actor): Promise<DossierRecord> {
  const procedure = await pinProcedure(deps, command);
  return runNewDossier(deps, procedure, actor, newDossierOf(deps, procedure, command, 2), { type: 'online.submit' });
}
