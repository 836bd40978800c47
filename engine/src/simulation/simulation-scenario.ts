/**
 * @module SimulationScenario — the question a director asks before approving a route or a staffing change, as data:
 * which procedure, over which period, how many dossiers arrive, how many officials each unit has, how long each step
 * takes and which way each decision goes, and what this scenario changes (overrides) against the measured baseline.
 */
import type { Budget, ProcedureDefinition } from '../model/procedure-definition';
import type { WorkingCalendar } from '../time/working-calendar';
import type { ArrivalModel, Period } from './arrival-model';
import type { DurationDistribution } from './duration-distribution';

/** One way a step can end: the variables it is completed with (the gateways after it decide), and how often. */
export interface OutcomeBranch {
  variables: Record<string, unknown>;
  probability: number;
}

export interface UnitStaffing {
  officials: number;
  /** The unit's working hours (default: the scenario's calendar). */
  calendar?: WorkingCalendar;
}

/** How the citizen answers a request to supplement (or to pay fees); the clock is paused meanwhile, per policy. */
export interface CitizenBehaviour {
  /** Working time until the citizen answers (default: 2 working days, fixed). */
  reply?: DurationDistribution;
  /** Share of requests never answered (the bounded wait then closes the window). */
  noReplyProbability?: number;
}

export interface ScenarioOverrides {
  arrivals?: Partial<ArrivalModel>;
  /** Officials per unit key (`agency` or `agency/department`). */
  staffing?: Record<string, number | UnitStaffing>;
  /** Duration per step element id. */
  durations?: Record<string, DurationDistribution>;
  /** Outcomes per step element id (they replace the step's outcomes). */
  outcomes?: Record<string, OutcomeBranch[]>;
  /** Budget per step element id (see SimulationScenario.stepBudgets). */
  stepBudgets?: Record<string, Budget>;
}

export interface SimulationScenario {
  /** The parsed procedure (deployed version or draft): the same definition the engine runs. */
  definition: ProcedureDefinition;
  /** The working calendar dossiers are counted on (holidays, make-up days, 15:00 cut-off). */
  calendar: WorkingCalendar;
  /** Dossiers are received in [fromAt, toAt); the run goes on until every one of them has ended. */
  period: Period;
  arrivals: ArrivalModel;
  /**
   * Officials per unit, keyed `agency/department` or `agency` (a department without its own entry shares its agency's
   * officials). A unit that is not listed never queues.
   */
  staffing?: Record<string, number | UnitStaffing>;
  /** Working duration per step element id; a step without one takes its budget (what a planner assumes today). */
  durations?: Record<string, DurationDistribution>;
  /**
   * Measured wait for an official per step element id (opened → claimed), drawn only in a unit whose staffing is not
   * stated; a staffed unit's wait comes from its queue, never from both.
   */
  waits?: Record<string, DurationDistribution>;
  /** Outcomes per step element id; the share left over completes the step with `{ decision: 'approve' }`. */
  outcomes?: Record<string, OutcomeBranch[]>;
  /**
   * A step's budget (its share of the statutory deadline) per step element id, replacing the definition's: it moves
   * the step's due instant, so whether the step is late and which agency a late dossier is attributed to, never the
   * step's working duration (a step with no duration still works for the definition's own budget).
   */
  stepBudgets?: Record<string, Budget>;
  citizen?: CitizenBehaviour;
  startVariables?: Record<string, unknown>;
  overrides?: ScenarioOverrides;
  seed?: number;
  /** Reuse identical engine transitions (default true); see ./create-cached-stepper.ts. */
  reuseTransitions?: boolean;
}

/** How a host keeps the run from holding its thread: called every `everyEvents` events. */
export interface SimulationControl {
  everyEvents?: number;
  /** Awaited between chunks (a server yields to its event loop here). */
  pause?: () => Promise<void>;
  /** True when the run must stop (time budget spent); the result then says `complete: false`. */
  shouldStop?: () => boolean;
  /**
   * Build a new engine for every dossier and compute every transition (no reuse): the naive re-run that
   * bench/simulation-bench.ts measures beside the real run. The figures are the same, only slower.
   */
  enginePerDossier?: boolean;
}

/** The scenario with its overrides applied. */
export function applyOverrides(scenario: SimulationScenario): SimulationScenario {
  const overrides = scenario.overrides;
  if (!overrides) return scenario;
  return {
    ...scenario,
    arrivals: { ...scenario.arrivals, ...overrides.arrivals },
    staffing: { ...scenario.staffing, ...overrides.staffing },
    durations: { ...scenario.durations, ...overrides.durations },
    outcomes: { ...scenario.outcomes, ...overrides.outcomes },
    stepBudgets: { ...scenario.stepBudgets, ...overrides.stepBudgets },
    overrides: undefined,
  };
}
