/**
 * @module ports — what the engine needs from outside. The engine does no I/O: time comes from a Clock,
 * persistence from stores that the server implements (memory adapter for tests and benchmarks, mongoose adapter).
 */

/** The only source of "now" inside the engine (as xstate's SimulatedClock / Zeebe's injected clock). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
