/** @module EngineEvent — the events a host delivers to a process instance (typed union, past tense). */

export type EngineEvent =
  | { type: 'task.completed'; stepId: string; variables?: Record<string, unknown> }
  | { type: 'message.received'; name: string; correlation?: string; variables?: Record<string, unknown> }
  | { type: 'signal.received'; name: string; variables?: Record<string, unknown> }
  | { type: 'timer.due'; timerId: string }
  | { type: 'instance.cancelled' }
  | { type: 'incident.retried'; incidentId: string }
  /** Back to an earlier user task of the same scope, with a reason (see ./return-step.ts). */
  | { type: 'step.returned'; stepId: string; toElementId: string; reason: string };

/** Events the façade sends itself when an asynchronous handler settles. */
export type HandlerSettledEvent =
  | { type: 'handler.resolved'; stepId: string; result: unknown }
  | { type: 'handler.rejected'; stepId: string; error: unknown };
