/**
 * @module ProcedureSpec — the compact description of a library procedure from which `generate-library.ts` writes
 * `procedures/<slug>/<slug>.bpmn` (semantics and diagram). Positions are grid cells (column, row within a lane),
 * so the diagram is laid out left to right without hand-written coordinates.
 */
import type { RequiredComponent } from '../../engine/src/index';

export type BudgetUnit = 'workingDays' | 'workingHours' | 'calendarDays' | 'sameDay';

export interface BudgetSpec {
  value?: number;
  unit: BudgetUnit;
  /** The longer total deadline the law allows a dossier that takes this step (Decree 63/2024: 5 with verification). */
  extendsStatutoryTo?: number;
}

/** One rung of the escalation ladder (lt:rung): who is told, how many working hours after the due instant. */
export interface RungSpec {
  afterWorkingHours: number;
  target: 'official' | 'headOfUnit' | 'supervisor';
  reassign?: boolean;
}

export type NearlyDueSpec = { percent: number } | { hoursBefore: number };

/** Step defaults a process, lane or step may carry (lt:nearlyDue, lt:escalation). */
export interface StepDefaults {
  nearlyDue?: NearlyDueSpec;
  escalation?: RungSpec[];
}

export interface AssignmentSpec {
  agency: string;
  department?: string;
}

export interface LaneSpec extends StepDefaults {
  id: string;
  name: string;
  assignment: AssignmentSpec;
}

export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'receiveTask'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'boundaryEvent';

export interface NodeSpec extends StepDefaults {
  id: string;
  kind: NodeKind;
  name: string;
  lane: string;
  /** Grid column (left to right) and row inside the lane (top to bottom, default 0). */
  col: number;
  row?: number;
  budget?: BudgetSpec;
  /** Overrides the lane's agency and department for this step. */
  assignment?: AssignmentSpec;
  /** Receive tasks and message boundary events: the id of a message of the procedure. */
  messageRef?: string;
  /** Call activities: the called agency's share of the statutory deadline (lt:agencyShare, Decree 63/2024). */
  agencyShare?: BudgetSpec;
  /** Call activities: the process id called, whether every variable is passed in, and what comes back. */
  calledElement?: string;
  inputAll?: boolean;
  outputs?: { source: string; target: string }[];
  /** Boundary events: the activity they are attached to (interrupting). */
  attachedTo?: string;
  /** Exclusive gateways: the default sequence flow. */
  defaultFlow?: string;
  /** Where the name of an event or gateway is drawn. */
  labelAt?: 'above' | 'below';
  documentation?: string;
}

/** How a sequence flow is drawn when the automatic route is not the clearest one. */
export type RouteSpec =
  | { kind: 'auto' }
  /** Leave the source at its bottom, run below both nodes, enter the target from below. */
  | { kind: 'below'; depth?: number; enterDx?: number }
  /** Leave the source at its left, run to the target's centre line, enter it from below. */
  | { kind: 'leftUp' }
  /** Like `below`, but turn up just left of the target and enter it from the left (a merge gateway's free side). */
  | { kind: 'belowIntoLeft'; depth?: number }
  /** Leave the source at its right, turn just before the target's column, enter it from the left. */
  | { kind: 'rightThenDown' };

export interface FlowSpec {
  id: string;
  from: string;
  to: string;
  name?: string;
  /** FEEL condition, e.g. `= decision = "supplement"`. */
  condition?: string;
  route?: RouteSpec;
}

export interface PoolSpec extends StepDefaults {
  participantId: string;
  participantName: string;
  processId: string;
  processName: string;
  lanes: LaneSpec[];
  nodes: NodeSpec[];
  flows: FlowSpec[];
}

export interface ProcedureMetadataSpec {
  procedureCode: string;
  name: string;
  statutoryValue: number;
  statutoryUnit: BudgetUnit;
  legalBasis: string;
  supplementPolicy: 'restart' | 'pause' | 'boundedWait';
  supplementWaitValue?: number;
  supplementWaitUnit?: BudgetUnit;
  maxReappointments: number;
  leadAgency: string;
  /** The result document (`resultTitle`, `resultTemplate`, `resultSigner`); absent, the server's default notice. */
  result?: { title: string; template: string; signer: string };
}

/** The procedure's e-form (`lt:formSchema`): the fields of its official declaration form, and a filled-in example. */
export interface EformSpec {
  /** A JSON Schema object: Vietnamese titles, required fields, the national formats (see specs/eform-fields.ts). */
  schema: Record<string, unknown>;
  /** A valid form, as a citizen would fill it: the tests submit it, the seeds use it. */
  example: Record<string, unknown>;
}

export interface ProcedureSpec {
  slug: string;
  name: string;
  procedure: ProcedureMetadataSpec;
  eform: EformSpec;
  /** The components of the dossier (`lt:component`), in the order of the published procedure. */
  components: RequiredComponent[];
  messages: { id: string; name: string }[];
  /** The first pool's process is the one a dossier starts; the others are called by call activities. */
  pools: PoolSpec[];
}
