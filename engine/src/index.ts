/**
 * @module engine — the only entry of the Liên thông engine: BPMN model, token runtime (a reducer over plain JSON
 * snapshots), lifecycles (dossier, step clock: xstate statecharts) and working-time calendars. No I/O: see ./ports.ts.
 */
export * from './model/index';
export * from './runtime/index';
export * from './time/index';
export * from './lifecycle/index';
export * from './simulation/index';
export * from './ports';
export * from './errors';
export * from './refusal';
export * from './dossier/index';
