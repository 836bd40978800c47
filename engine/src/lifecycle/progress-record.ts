/**
 * @module ProgressRecord — one line of a dossier's progress (tiến trình), written on every status change and every
 * hand-over: the fields the National Public Service Portal sync carries (DOMAIN.md "A progress record carries …").
 */
import type { DossierStatus } from '../ports';

export interface ProgressRecord {
  dossierId: string;
  dossierCode?: string;
  status: DossierStatus;
  previousStatus?: DossierStatus;
  at: number;
  /** The official who acted. */
  actorId?: string;
  departmentId?: string;
  stepElementId?: string;
  /** Start of the step (NgayBatDau). */
  stepStartAt: number;
  /** Due instant of the step (NgayKetThucTheoQuyDinh); absent when the procedure has no statutory budget. */
  stepDueAt?: number;
  /** What was done: the event that caused the change, e.g. `supplement.requested`. */
  action: string;
  note?: string;
}

/** The internal states of the dossier lifecycle and the national status code each one shows. */
export const DOSSIER_STATUS_OF_STATE = {
  submitted: 1,
  received: 2,
  refused: 3,
  inProcess: 4,
  waitingSupplement: 5,
  waitingFees: 6,
  withdrawn: 7,
  stopped: 8,
  finished: 9,
  returned: 10,
} as const satisfies Record<string, DossierStatus>;

export type DossierState = keyof typeof DOSSIER_STATUS_OF_STATE;

/** National status of a lifecycle state value (`'waitingFees'` → 6). */
export function dossierStatusOf(stateValue: unknown): DossierStatus {
  const status = (DOSSIER_STATUS_OF_STATE as Record<string, DossierStatus>)[String(stateValue)];
  if (status === undefined) throw new Error(`no national status for dossier state ${JSON.stringify(stateValue)}`);
  return status;
}
