/** @module errors — domain rejections of the engine, each with a stable code (STYLE.md §4). */

export type EngineErrorCode =
  | 'PROCEDURE_INVALID'
  | 'PROCEDURE_NOT_FOUND'
  | 'PROCESS_NOT_FOUND'
  | 'NO_EXECUTABLE_PROCESS'
  | 'INSTANCE_NOT_RUNNING'
  | 'STEP_NOT_FOUND'
  | 'TASK_ALREADY_COMPLETED'
  | 'EVENT_NOT_EXPECTED'
  | 'EXPRESSION_FAILED'
  | 'SNAPSHOT_INVALID'
  | 'CALENDAR_INVALID'
  | 'TRANSITION_NOT_ALLOWED'
  | 'REAPPOINTMENT_LIMIT_REACHED';

export interface EngineErrorOptions {
  code: EngineErrorCode;
  message: string;
  elementId?: string;
  instanceId?: string;
  cause?: unknown;
}

/** A domain rejection: the caller asked for something the rules do not allow. Not a bug, not a BPMN error. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly elementId?: string;
  readonly instanceId?: string;

  constructor(options: EngineErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = 'EngineError';
    this.code = options.code;
    this.elementId = options.elementId;
    this.instanceId = options.instanceId;
  }
}
