/**
 * @module dossier-decision — what the dossier's behaviours (lifecycle, step clocks, process instance) see of one
 * decision in progress: the dossier and its steps as decided so far, the instant and the actor, the calendars, and
 * the records the decision leaves to be written (timers, progress lines, audit entries, outbox messages). Only
 * types: the behaviours depend on this shape, `DecidingDossier` implements it and calls them, so no module of the
 * dossier room imports another in a circle.
 */
import type { ProcedureDefinition } from '../model/procedure-definition';
import type { DossierEmitted, DossierEvent } from '../lifecycle/dossier-event';
import type { ProgressRecord } from '../lifecycle/progress-record';
import type { EngineEvent } from '../runtime/engine-event';
import type { RunResult } from '../runtime/settle-handlers';
import type { DossierRecord, DossierStateRecord, OutboxKind, StepRecord, TimerRecord } from './dossier-records';
import type { Timekeeping } from './timekeeping';

/** Who makes a change: a signed-in principal, the citizen (online submission) or the server itself (sweeper). */
export interface Actor {
  id: string;
  name?: string;
  agencyId?: string;
  departmentId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Hệ thống' };

export interface DossierDecision {
  /** The instant of the decision: every record it leaves carries it. */
  readonly at: number;
  readonly actor: Actor;
  readonly definition: ProcedureDefinition;
  readonly dossier: DossierRecord;
  readonly state: DossierStateRecord;
  /** The receiving agency's calendar: the dossier clock counts on it. */
  readonly kit: Timekeeping;
  /** The calendar of a step held by `agencyId`: its clock counts on it. */
  kitFor(agencyId: string | undefined): Timekeeping;
  /** Set by a supplement request for the wait it is about to open (form 02 data goes with `supplement.requested`). */
  pendingSupplement?: { missing: string[]; note: string };

  step(id: string): StepRecord | undefined;
  openSteps(): StepRecord[];
  createStep(record: Omit<StepRecord, 'rev'>): void;
  updateStep(record: StepRecord): void;
  scheduleTimer(timer: Omit<TimerRecord, 'status'>): void;
  cancelTimer(id: string): void;

  audit(action: string, details?: Record<string, unknown>, stepId?: string): void;
  recordProgress(record: ProgressRecord): void;
  enqueue(kind: OutboxKind, payload: Record<string, unknown>): void;
  notifyCitizen(event: string, details?: Record<string, unknown>): void;
  notifyOfficials(event: string, details: Record<string, unknown>): void;

  /** Applies a lifecycle event (guarded: refusals are EngineErrors) and acts on what it emitted. */
  applyLifecycle(event: DossierEvent): Promise<void>;
  applyLifecycleEmitted(emitted: readonly DossierEmitted[]): Promise<void>;
  /** Delivers an event to the process instance and carries out its effects. */
  deliver(event: EngineEvent): Promise<RunResult>;
  /** Starts the process instance on the dossier's pinned procedure version. */
  startInstance(variables: Record<string, unknown>): Promise<RunResult>;
  isInstanceRunning(): boolean;
}
