/**
 * @module ProcedureDefinition — the plain, JSON-serialisable data that the parser produces from BPMN XML and the
 * runtime executes. Nothing here refers to bpmn-moddle: parse once, execute plain data (as bpmn-elements does).
 */

/** Units a time budget is counted in (DOMAIN.md "Time"). */
export type BudgetUnit = 'workingDays' | 'workingHours' | 'calendarDays' | 'sameDay';

/** A time budget: value + unit, e.g. `{ value: 0.5, unit: 'workingDays' }` for a half day. */
export interface Budget {
  value: number;
  unit: BudgetUnit;
}

/** Supplement policy of a procedure (DOMAIN.md "Supplements, fees and pauses"). */
export type SupplementPolicy =
  | { kind: 'restart' }
  | { kind: 'pause' }
  | { kind: 'boundedWait'; waitBudget: Budget };

/** When a step counts as nearly due: a share of its budget used, or a number of working hours before due. */
export type NearlyDueThreshold =
  | { kind: 'percentOfBudget'; percent: number }
  | { kind: 'workingHoursBefore'; hours: number };

/** Who is told, in order, when a step is overdue. Each rung fires once (issue 4). */
export interface EscalationRung {
  /** Working hours after the due instant at which this rung fires (0 = at the due instant). */
  afterWorkingHours: number;
  target: 'official' | 'headOfUnit' | 'supervisor';
  /** Reassign the step to the head of unit's choice when this rung fires. */
  reassign?: boolean;
}

/** Agency (cơ quan) and department (phòng ban) responsible for a step. */
export interface Assignment {
  agencyId: string;
  departmentId?: string;
}

/** Procedure metadata carried by `lt:procedure` in the definitions' extension elements. */
export interface ProcedureMetadata {
  /** National procedure code (mã TTHC), e.g. `1.009664`. */
  procedureCode: string;
  name?: string;
  statutoryBudget?: Budget;
  legalBasis?: string;
  supplementPolicy: SupplementPolicy;
  /** How many times the appointment may be moved by an apology letter (form 04); default 1. */
  maxReappointments?: number;
  /** Lead agency (cơ quan chủ trì). */
  leadAgencyId?: string;
  /** JSON Schema of the e-form, as a JSON string (validated by the server). */
  formSchema?: string;
  /** The components (thành phần hồ sơ) the citizen brings, in the order of the procedure's published list. */
  components?: RequiredComponent[];
  /** The result document (kết quả giải quyết) the last unit issues and signs; absent, the server's default notice. */
  result?: ResultDocumentDeclaration;
}

/**
 * The procedure's result document as analysts declare it on `lt:procedure` (`resultTitle`, `resultTemplate`,
 * `resultSigner`): an electronic result signed by the competent agency has the paper one's legal value (Decree
 * 45/2020/NĐ-CP). The template is plain text, one paragraph a line, with `{{placeholders}}` filled
 * from the dossier (RESULT_PLACEHOLDERS, or `{{form.<field>}}` for a field of the e-form).
 */
export interface ResultDocumentDeclaration {
  /** E.g. "Giấy chứng nhận đăng ký đầu tư"; printed in capitals. */
  title?: string;
  template?: string;
  /** The signer's title over the signature, e.g. "Giám đốc". */
  signer?: string;
}

/** The placeholders a result template may name, besides `form.<field>`. */
export const RESULT_PLACEHOLDERS = [
  'dossierCode',
  'applicant.name',
  'applicant.address',
  'applicant.idNumber',
  'procedure.name',
  'procedure.code',
  'procedure.legalBasis',
  'agency.name',
  'receivedAt',
  'issuedAt',
] as const;

/**
 * One component of the dossier as the published procedure lists it (`lt:component` in `lt:procedure`): what the
 * counter ticks on its checklist, what the citizen uploads online, and what form 02 lists when it is missing.
 */
export interface RequiredComponent {
  /** Stable within the procedure, e.g. `to-khai`; attachments and supplement requests name it. */
  id: string;
  /** As published, e.g. "Tờ khai đăng ký khai sinh (Mẫu 01)". */
  name: string;
  /** What the counter receives: an original, a certified copy, a plain copy (shown with the original) or electronic. */
  copyType: 'original' | 'certifiedCopy' | 'copy' | 'electronic';
  quantity: number;
  /** false: only in some cases (`condition` says which, in words). */
  required: boolean;
  condition?: string;
  /** The article that requires it, e.g. "Khoản 1 Điều 16 Luật Hộ tịch 2014". */
  legalBasis?: string;
}

/** A FEEL expression as written in the model, kept verbatim; `language` is the declared expression language. */
export interface Expression {
  body: string;
  language: 'feel' | 'juel' | 'javascript' | 'unknown';
}

export type EventDefinition =
  | { type: 'timer'; timeDuration?: Expression; timeDate?: Expression; timeCycle?: Expression }
  | { type: 'message'; messageRef?: string; messageName?: string }
  | { type: 'signal'; signalRef?: string; signalName?: string }
  | { type: 'error'; errorRef?: string; errorCode?: string }
  | { type: 'escalation'; escalationRef?: string; escalationCode?: string }
  | { type: 'link'; linkName: string }
  | { type: 'conditional'; condition: Expression }
  | { type: 'terminate' }
  | { type: 'compensate'; activityRef?: string; waitForCompletion: boolean }
  | { type: 'cancel' };

/** Multi-instance (§10.2.8) or standard loop (§10.2.7) characteristics of an activity. */
export type LoopCharacteristics =
  | {
      type: 'multiInstance';
      isSequential: boolean;
      loopCardinality?: Expression;
      /** FEEL expression giving the input collection (`camunda:collection` / `zeebe:loopCharacteristics`). */
      inputCollection?: Expression;
      inputElement?: string;
      outputCollection?: string;
      outputElement?: Expression;
      completionCondition?: Expression;
    }
  | { type: 'standardLoop'; loopCondition?: Expression; testBefore: boolean; loopMaximum?: number };

/** Variable mapping for call activities and sub-scopes: `target := source` (FEEL). */
export interface VariableMapping {
  source: Expression;
  target: string;
}

export type FlowElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'userTask'
  | 'manualTask'
  | 'serviceTask'
  | 'scriptTask'
  | 'sendTask'
  | 'receiveTask'
  | 'businessRuleTask'
  | 'subProcess'
  | 'transaction'
  | 'adHocSubProcess'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'complexGateway';

/** One flow node. Every node lives in a scope: the process, or the sub-process whose id is `scopeId`. */
export interface FlowNode {
  id: string;
  kind: FlowElementKind;
  name?: string;
  /** Id of the process or sub-process that contains this node. */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  /** Default sequence flow (exclusive/inclusive gateways and activities). */
  defaultFlowId?: string;
  /** Event definitions (events only); several = a multiple event. */
  eventDefinitions?: EventDefinition[];
  /** Boundary events: the activity they are attached to and whether they interrupt it (§10.5.4). */
  attachedToRef?: string;
  cancelActivity?: boolean;
  /** Activities: ids of boundary events attached to this activity. */
  boundaryEventIds?: string[];
  /** Start events of event sub-processes: interrupting or not. */
  isInterrupting?: boolean;
  loop?: LoopCharacteristics;
  isForCompensation?: boolean;
  /** Event gateway: instantiate (§10.6.6) — not supported for execution beyond the default false. */
  instantiate?: boolean;
  /** Service / script / send / business-rule tasks: the host handler this step calls. */
  handler?: string;
  /** Script tasks: the script text and its format, for hosts that register a script handler. */
  script?: { format: string; body: string };
  /** Result variable of service/script/business-rule tasks. */
  resultVariable?: string;
  /** Sub-processes: event sub-process (triggeredByEvent) or not; ids of the nodes it directly contains. */
  triggeredByEvent?: boolean;
  childNodeIds?: string[];
  /** Call activities: the called procedure or process id, and variable mappings both ways. */
  calledElement?: string;
  inputMappings?: VariableMapping[];
  outputMappings?: VariableMapping[];
  /** Receive tasks: the message they wait for. */
  messageRef?: string;
  messageName?: string;
  /** Domain extensions (lt:*): who does the step, its budget, when it is nearly due, who is told when late. */
  assignment?: Assignment;
  budget?: Budget;
  /**
   * A step the law lets the whole dossier take longer for (`lt:budget extendsStatutoryTo`), e.g. Decree 63/2024/NĐ-CP:
   * group 1 takes 3 working days, 5 when the residence must be verified. In the statutory deadline's unit.
   */
  extendsStatutoryTo?: number;
  /**
   * Call activities: the share of the statutory deadline the called agency has (`lt:agencyShare`), e.g. Decree
   * 63/2024/NĐ-CP gives the Social Insurance 2 working days of group 1's 3 for the health-insurance card.
   */
  agencyShare?: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
  /** Lane the node is in (innermost), if any. */
  laneId?: string;
  /** Call activities / sub-processes: pass every variable in or out (`camunda:in variables="all"`, `lt:in variables="all"`). */
  inputAllVariables?: boolean;
  outputAllVariables?: boolean;
  /** Foreign extension elements (Camunda, Signavio, …) and attributes, kept as plain data. */
  foreignExtensions?: ForeignElement[];
  foreignAttributes?: Record<string, string>;
}

/** A foreign extension element as plain data: its qualified type, attributes, text and children. */
export interface ForeignElement {
  type: string;
  attributes: Record<string, string>;
  body?: string;
  children?: ForeignElement[];
}

/** An element the engine does not execute (complex gateway, choreography, conversation, ad-hoc sub-process, …). */
export interface UnsupportedElement {
  id: string;
  /** The moddle type, e.g. `bpmn:ComplexGateway`. */
  type: string;
  name?: string;
  /** Process that contains it, if any. */
  processId?: string;
  inExecutableProcess: boolean;
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceRef: string;
  targetRef: string;
  condition?: Expression;
  scopeId: string;
}

export interface Lane {
  id: string;
  name?: string;
  assignment?: Assignment;
  flowNodeIds: string[];
  childLaneIds: string[];
}

/** One process (or the body of a sub-process scope) of the definitions. */
export interface ProcessDefinition {
  id: string;
  name?: string;
  isExecutable: boolean;
  /** Every flow node of the process, nested ones included, by id. */
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  lanes: Record<string, Lane>;
  /** Ids of the nodes directly in the process scope (not inside sub-processes). */
  childNodeIds: string[];
  /** Process-level defaults (`lt:*` on the process) and foreign extensions. */
  assignment?: Assignment;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
  foreignExtensions?: ForeignElement[];
}

export interface NamedRef {
  id: string;
  name?: string;
  /** errorCode / escalationCode where the element has one. */
  code?: string;
}

/** What `parseProcedure` produces: plain data, safe to JSON.stringify and to share with the browser. */
export interface ProcedureDefinition {
  /** Id of `bpmn:Definitions`. */
  id: string;
  name?: string;
  procedure?: ProcedureMetadata;
  processes: ProcessDefinition[];
  messages: Record<string, NamedRef>;
  signals: Record<string, NamedRef>;
  errors: Record<string, NamedRef>;
  escalations: Record<string, NamedRef>;
  /** Elements found in the document that the engine does not execute; reported as `UNSUPPORTED_ELEMENT`. */
  unsupportedElements?: UnsupportedElement[];
}

/** One problem found in a model; all are reported at once (STYLE.md §4). */
export interface ValidationIssue {
  elementId: string;
  code: ValidationCode;
  message: string;
  severity: 'error' | 'warning';
  /** Which of the code's findings this is (a budget overrun: `statutory`, `extended`, `share`, `unchecked`). */
  variant?: string;
  /** The finding's figures, so that each reader words it in its own language (days as numbers, in working days). */
  params?: Record<string, string | number>;
}

export type ValidationCode =
  | 'XML_NOT_WELL_FORMED'
  | 'NOT_BPMN'
  | 'DOCUMENT_TOO_DEEP'
  | 'RESERVED_ID'
  | 'NO_EXECUTABLE_PROCESS'
  | 'UNSUPPORTED_ELEMENT'
  | 'GATEWAY_WITHOUT_OUTGOING'
  | 'FLOW_TO_NOWHERE'
  | 'FLOW_FROM_NOWHERE'
  | 'CONDITION_INVALID'
  | 'EXPRESSION_INVALID'
  | 'EXPRESSION_UNBOUNDED'
  | 'USER_TASK_WITHOUT_AGENCY'
  | 'USER_TASK_WITHOUT_BUDGET'
  | 'UNREACHABLE_ELEMENT'
  | 'NO_START_EVENT'
  | 'DEAD_END'
  | 'BOUNDARY_WITHOUT_ACTIVITY'
  | 'DUPLICATE_ID'
  | 'UNRESOLVED_REFERENCE'
  | 'EXCLUSIVE_GATEWAY_UNGUARDED'
  | 'BUDGET_EXCEEDS_STATUTORY'
  /** A call activity's called procedure takes longer than the agency's share of the deadline (Decree 63/2024). */
  | 'BUDGET_EXCEEDS_AGENCY_SHARE'
  | 'PROCEDURE_METADATA_INVALID'
  /** The e-form's JSON Schema does not compile (found by the server at validate and deploy, not by the engine). */
  | 'FORM_SCHEMA_INVALID'
  /** A user task's unit has no enabled official who sees it, or no head of unit (the server's directory, issue 16). */
  | 'UNIT_UNREACHABLE'
  | 'XML_WARNING';
