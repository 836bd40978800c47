/**
 * @module InstanceState — the plain JSON state of one process instance: its execution tree (scopes and the
 * activity instances that hold tokens, BPMN 2.0 §13.1), variables per scope, event subscriptions (waits),
 * arrivals pending at joins, incidents and counters. This object *is* the persisted snapshot, so keys are short
 * and nothing derivable from the definition is stored.
 */

export type InstanceStatus = 'running' | 'completed' | 'terminated' | 'failed';

/** A scope instance: the process, an embedded / event sub-process body, or a called process (§13.1). */
export interface ScopeState {
  /** Element id: the process id (process roots) or the sub-process node id. */
  e: string;
  /** Parent scope id (absent for the instance root). */
  p?: string;
  /** Activity instance that owns this scope (sub-process, call activity, event sub-process). */
  a?: string;
  /** Key of the pinned called procedure this scope runs in (call activities); absent = the instance's definition. */
  d?: string;
  /** 1 when this scope is the root of a process (instance root or called process): variable lookup stops here. */
  r?: 1;
  /** Local variables. */
  v?: Record<string, unknown>;
  /** Completed activities with a compensation boundary event, oldest first (§13.5.5). */
  cp?: string[];
}

/** What an activity instance is waiting for; absent while it is being executed. */
export type ActWait =
  | 'task' // user / manual task: waits for task.completed
  | 'handler' // an asynchronous handler result
  | 'event' // catch event, receive task or trigger start event: waits for one of its subscriptions
  | 'scope' // sub-process / call activity: waits for its child scope to complete
  | 'body' // multi-instance or loop body: waits for its inner instances
  | 'gateway' // event-based gateway: waits for the first of its events (§13.3.4)
  | 'incident'; // stopped by an incident until retried

/** An activity instance (a token at a flow node). Its id is the step id for waiting tasks. */
export interface ActState {
  /** Flow node id. */
  n: string;
  /** Scope id. */
  s: string;
  w?: ActWait;
  /** Child scope id (sub-process, call activity). */
  c?: string;
  /** Body act id, for an inner instance of a multi-instance or loop activity. */
  b?: string;
  /** Local variables (multi-instance element, loopCounter). */
  v?: Record<string, unknown>;
  /** Multi-instance / loop bookkeeping. */
  mi?: MultiInstanceState;
}

export interface MultiInstanceState {
  /** Total instances (nrOfInstances); for a standard loop, the loop counter. */
  t: number;
  /** Completed instances. */
  d: number;
  /** Instances started so far. */
  i: number;
  /** The input collection evaluated at activation (sequential multi-instance needs it later). */
  c?: unknown[];
  /** Output collection being built. */
  o?: unknown[];
}

export type WaitKind = 'timer' | 'message' | 'signal' | 'conditional';

/** An event subscription. Timer waits' ids are the timer ids the host receives and gives back in timer.due. */
export interface WaitState {
  k: WaitKind;
  /** Catching node: catch event, receive task, boundary event, event-based-gateway target or start event. */
  n: string;
  /** Owning activity instance (the catching act, the activity the boundary is attached to, the gateway). */
  a?: string;
  /** Scope id. */
  s: string;
  /** Message / signal name. */
  nm?: string;
  /** Timer due instant, epoch ms. */
  at?: number;
  /** Timer cycle repetitions left after this one (-1 = unbounded), and the cycle interval in ms. */
  rp?: number;
  iv?: number;
  /** Conditional events: last evaluated value, to fire on false → true only (§10.5.1 conditional). */
  lv?: boolean;
}

/** `EXPRESSION_BUDGET_EXCEEDED`: a FEEL evaluation did more work than its budget (model/feel-limits) and was cut off. */
export type IncidentCode = 'HANDLER_UNKNOWN' | 'HANDLER_FAILED' | 'EXPRESSION_FAILED' | 'EXPRESSION_BUDGET_EXCEEDED' | 'NO_FLOW_TAKEN' | 'ERROR_UNHANDLED' | 'CALLED_PROCESS_NOT_FOUND';

export interface IncidentState {
  /** Act id of the step the incident stopped. */
  a: string;
  c: IncidentCode;
  m: string;
  /** Phase to retry: execute the step again, or take its outgoing flows again. */
  r: 'enter' | 'leave';
}

/** The whole instance. Plain JSON: `JSON.parse(JSON.stringify(state))` restores the identical state. */
export interface InstanceState {
  /** Instance id. */
  id: string;
  /** Process id of the root scope. */
  p: string;
  st: InstanceStatus;
  /** Id counter (acts, scopes, waits and incidents share it). */
  n: number;
  /** Id of the root scope. */
  r: string;
  sc: Record<string, ScopeState>;
  a: Record<string, ActState>;
  w: Record<string, WaitState>;
  /** Arrivals waiting at joins: `${scopeId}/${gatewayId}` → flow id → number of tokens (§13.3.2, §13.3.3). */
  j?: Record<string, Record<string, number>>;
  i?: Record<string, IncidentState>;
  /** Versions of called procedures pinned at first use: calledElement → version (call activities). */
  cv?: Record<string, string>;
}

/** The persisted form of an instance. It is the state itself: no wrapping, no derived data. */
export type InstanceSnapshot = InstanceState;
