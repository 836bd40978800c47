/**
 * @module dossier — the dossier's behaviour as one pure decision: the lifecycle (national statuses, dossier clock),
 * one clock per open step on its agency's calendar, and the BPMN process instance, joined in `decide`. No I/O.
 *
 * @example
 * const result = await decide({ dossier, steps, definition, calendars, actor, at: clock.now() }, { type: 'step.claim', stepId });
 * // write result.dossier (revision-checked), then result.createdSteps, changedSteps, timers, progress, audit, outbox
 */
export * from './dossier-records';
export * from './timekeeping';
export * from './dossier-decision';
export * from './clock-emitted';
export * from './step-clocks';
export * from './process-effects';
export * from './deciding-dossier';
export * from './decide-dossier';
