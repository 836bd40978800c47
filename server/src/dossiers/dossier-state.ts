/**
 * @module dossier-state — what a dossier record keeps in `state` besides the engine snapshot (`instance`): the
 * lifecycle snapshot (national status, dossier clock), the counters that number its progress, audit and outbox
 * records (assigned inside the dossier's unit of work, so the revision check makes them gapless), and the data the
 * forms 01–05 print.
 */
import type { Unit } from '../access/authorize';

/** A document handed in with the dossier (form 01 "documents received"). */
export interface ReceivedDocument {
  name: string;
  copyType: 'original' | 'certifiedCopy' | 'copy' | 'electronic';
  quantity: number;
  /** The procedure's component (`RequiredComponent.id`) the counter ticked, when it came from the checklist. */
  componentId?: string;
}

/** Form 02: asked once, in writing, listing every missing component (Circular 01/2018/TT-VPCP). */
export interface SupplementRequestRecord {
  number: number;
  at: number;
  actorId: string;
  stepId?: string;
  missingComponents: { name: string; detail?: string }[];
  reason: string;
  contactOfficial: { name: string; unit?: string; phone?: string; email?: string };
  receivedAt?: number;
}

export interface DossierNote {
  at: number;
  actorId: string;
  action: string;
  reason?: string;
  amount?: number;
}

export interface IncidentNote {
  at: number;
  incidentId: string;
  elementId: string;
  code: string;
  message: string;
  resolved?: boolean;
}

export interface DossierState {
  lifecycle: unknown;
  outboxSeq: number;
  progressSeq: number;
  auditSeq: number;
  /** Every unit the route has reached: who may read the dossier (access policy `routedTo`). */
  routedTo: Unit[];
  documents: ReceivedDocument[];
  receivingOfficial?: { id: string; name: string };
  /** Where the applicant wants the result (form 01); at the counter when absent. */
  resultDelivery?: 'counter' | 'post' | 'online';
  supplementRequests: SupplementRequestRecord[];
  refusal?: DossierNote;
  stop?: DossierNote;
  withdrawal?: DossierNote;
  fees: DossierNote[];
  incidents: IncidentNote[];
  /** The last `decision` a step was completed with (routes the end of the process: reject → status 8). */
  lastDecision?: string;
}

export function emptyDossierState(lifecycle: unknown): DossierState {
  return { lifecycle, outboxSeq: 0, progressSeq: 0, auditSeq: 0, routedTo: [], documents: [], supplementRequests: [], fees: [], incidents: [] };
}

/** The typed view of a stored record's `state`. */
export function dossierStateOf(record: { state: Record<string, unknown> }): DossierState {
  return record.state as unknown as DossierState;
}
