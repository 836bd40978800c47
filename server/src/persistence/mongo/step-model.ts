/** @module stepModel — the `steps` collection: one document per activated step, with its clock. */
import { Schema, type Connection } from 'mongoose';
import type { StepRecord } from '../../../../engine/src/index';

/** `procedureKey` is copied from the dossier when the step is written, so steps can be listed by procedure. */
export type StepDocument = Omit<StepRecord, 'id'> & { _id: string; procedureKey?: string };

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
    dueAt: Number,
    completedAt: Number,
    clock: Schema.Types.Mixed,
    outcome: String,
    procedureKey: String,
  },
  { collection: 'steps', versionKey: false, minimize: false, strict: 'throw' },
);
// A department's inbox: open steps of one agency and department, oldest first.
stepSchema.index({ agencyId: 1, departmentId: 1, status: 1, startedAt: 1 });
stepSchema.index({ dossierId: 1, startedAt: 1 });
stepSchema.index({ assigneeId: 1, status: 1, startedAt: 1 });
stepSchema.index({ procedureKey: 1, status: 1 });
stepSchema.index({ elementId: 1, status: 1 });

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
