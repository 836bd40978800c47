/** @module stepModel — the `steps` collection: one document per activated step, with its clock. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { StepRecord } from '../../stores';
import { foldSearchText } from '../../dossiers/fold-search-text';

/**
 * The dossier's facts the step filters read, copied from the dossier when the step is written (and by the dossier's
 * creation, for the steps a receipt opens before it): its procedure, and its code and applicant's name folded for
 * the inbox search (`foldSearchText`).
 */
export interface StepDossierFacts {
  procedureKey?: string;
  codeSearch?: string;
  nameSearch?: string;
}

export type StepDocument = Omit<StepRecord, 'id'> & { _id: string } & StepDossierFacts;

export function stepFactsOf(dossier: { procedureKey: string; dossierCode: string; applicant: { name: string } }): StepDossierFacts {
  return { procedureKey: dossier.procedureKey, codeSearch: foldSearchText(dossier.dossierCode), nameSearch: foldSearchText(dossier.applicant.name) };
}

const stepSchema = new Schema<StepDocument>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true },
    dossierId: { type: String, required: true },
    stepId: { type: String, required: true },
    elementId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    agencyId: String,
    departmentId: String,
    assigneeId: String,
    status: { type: String, required: true },
    startedAt: { type: Number, required: true },
    claimedAt: Number,
    dueAt: Number,
    nearlyDueAt: Number,
    pausedAt: Number,
    completedAt: Number,
    clock: Schema.Types.Mixed,
    outcome: String,
    procedureKey: String,
    codeSearch: String,
    nameSearch: String,
  },
  { collection: 'steps', versionKey: false, minimize: false, strict: 'throw' },
);
// A department's inbox: open steps of one agency and department, oldest first.
stepSchema.index({ agencyId: 1, departmentId: 1, status: 1, startedAt: 1 });
stepSchema.index({ dossierId: 1, startedAt: 1 });
stepSchema.index({ assigneeId: 1, status: 1, startedAt: 1 });
stepSchema.index({ procedureKey: 1, status: 1 });
stepSchema.index({ elementId: 1, status: 1 });
// The inbox ranked by urgency: each phase is a range of due instants within a unit's (or an official's) open steps.
stepSchema.index({ agencyId: 1, departmentId: 1, status: 1, dueAt: 1 });
stepSchema.index({ assigneeId: 1, status: 1, dueAt: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
stepSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Step', stepSchema);
}

export type StepModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, StepModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function stepModel(connection: Connection): StepModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
