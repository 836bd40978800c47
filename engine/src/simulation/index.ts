/**
 * @module simulation — what-if on a procedure: discrete-event Monte Carlo over the real token stepper and the real
 * working calendar, officials as queues per unit, measured or typed step durations, seeded and reproducible (issue 19).
 * Pure: no I/O, no clock; a host that must not block passes a SimulationControl.
 */
export { simulateProcedure } from './simulate-procedure';
export {
  applyOverrides,
  type CitizenBehaviour, type OutcomeBranch, type ScenarioOverrides, type SimulationControl, type SimulationScenario, type UnitStaffing,
} from './simulation-scenario';
export type { SimulationResult, StepFigures, UnitFigures } from './simulation-tally';
export { arrivalFactorAt, arrivalInstants, type ArrivalModel, type Period } from './arrival-model';
export { meanDuration, quantileOfSorted, sampleDuration, type DurationDistribution } from './duration-distribution';
export { fitDuration, MIN_EMPIRICAL_SAMPLES, type FitDurationOptions, type FittedDuration } from './fit-duration';
export { createRandomSource, type RandomSource } from './random-source';
export { wilsonInterval, Z_95, type Interval } from './wilson-interval';
export { createCachedStepper, type CachedStepper, type SteppedDossier } from './create-cached-stepper';
export { gatewayBranchShares, type GatewayBranchShares } from './gateway-branch-shares';
export { poolReplications, type PooledFigures } from './pool-replications';
export { measureHistory, stepPhasesMs, stepWorkingMs, toScenarioInputs, type HistoricStep, type HistoryMeasurement, type StepMeasurement } from './measure-history';
