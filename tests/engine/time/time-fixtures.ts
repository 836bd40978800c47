/** Shared imports of the time tests: the public time API and the engine error shape. */
export * from '../../../engine/src/time/index';
export type EngineErrorLike = { code: string; message: string };
