/** @module BpmnError — a BPMN error thrown by a host handler; routed to error boundary events and error event sub-processes (§10.5.4). */

export class BpmnError extends Error {
  readonly code: string;
  readonly variables?: Record<string, unknown>;

  constructor(code: string, options: { message?: string; variables?: Record<string, unknown> } = {}) {
    super(options.message ?? `BPMN error ${code}`);
    this.name = 'BpmnError';
    this.code = code;
    this.variables = options.variables;
  }
}
