/** @module Handler — the host functions that service, script, send and business-rule tasks call by name. */

export interface HandlerContext {
  instanceId: string;
  elementId: string;
  stepId: string;
  /** The handler name as written in the model. */
  name: string;
  /** Variables visible at the step (scope chain merged, innermost wins). Read-only. */
  variables: Readonly<Record<string, unknown>>;
  /** Script tasks: the script text and format, for a host that registers a script handler. */
  script?: { format: string; body: string };
}

/**
 * Returns variables to merge into the instance (or, when the task has a `resultVariable`, the value to store
 * there), or nothing. Throw `new BpmnError(code)` to route a BPMN error; any other throw is an incident.
 */
export type Handler = (context: HandlerContext) => unknown;
