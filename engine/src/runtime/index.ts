/** @module runtime — BPMN 2.0 token semantics as a reducer; snapshots are plain JSON; effects instead of I/O. */
export { createEngine } from './create-engine';
export type { ActiveStep, Engine, EngineOptions, RunResult, StartOptions } from './create-engine';
export { ProcessInstance } from './process-instance';
export { BpmnError } from './bpmn-error';
export type { Handler, HandlerContext } from './handler';
export type { EngineEffect, EngineEffectType, StepActivatedEffect } from './engine-effect';
export type { EngineEvent } from './engine-event';
export type { InstanceSnapshot, InstanceState, InstanceStatus, IncidentCode } from './instance-state';
export type { ResolveProcedure, ResolvedProcedure } from './run-context';
export { FeelEvaluator } from './feel-evaluator';
export { parseDurationMs, scheduleTimer } from './timer-schedule';
