/**
 * @module run — one scenario's server processes: a `Run` holds the current one and restarts it (a fresh app on the
 * same stores) at a named checkpoint; `traceOf` is what a path must end with whether or not the server restarted.
 */
import { expect } from 'vitest';
import { dossierOf, officialNotices, outboxOf, progressOf } from './drive-dossier';
import { startScenarioApp, type ScenarioApp } from './scenario-app';

/** One scenario's server processes: `checkpoint(name)` restarts the server when `name` is the chosen moment. */
export class Run {
  private restarted = false;
  constructor(
    public s: ScenarioApp,
    private readonly restartAt?: string,
  ) {}

  static async start(slug: string, startAt: number, restartAt?: string): Promise<Run> {
    return new Run(await startScenarioApp(slug, startAt), restartAt);
  }

  async checkpoint(name: string): Promise<void> {
    if (name !== this.restartAt) return;
    this.s = await this.s.restart();
    this.restarted = true;
  }

  /** A path given a restart moment must have passed it, or the restart variant tests nothing. */
  expectRestarted(): void {
    if (this.restartAt !== undefined) expect(this.restarted, `restart at ${this.restartAt}`).toBe(true);
  }
}

export interface Trace {
  status: number;
  appointmentAt?: string;
  progress: unknown[];
  notifications: unknown[];
  outboxKinds: string[];
}

/** What a path ends with, without ids: equal whether the server restarted in the middle or not. */
export async function traceOf(s: ScenarioApp, dossierId: string): Promise<Trace> {
  const dossier = await dossierOf(s, dossierId, 'supervisor');
  const progress = (await progressOf(s, dossierId)).map((p) => [p.seq, p.status, p.action, p.stepElementId, p.at, p.stepStartAt, p.stepDueAt]);
  const entries = await outboxOf(s, dossierId);
  const notifications = entries
    .filter((e) => e.kind === 'notification.official' || e.kind === 'notification.citizen')
    .map((e) => [e.kind, e.payload.event, e.payload.stepName, e.payload.agencyId, e.payload.target, e.payload.rung, e.payload.at]);
  return { status: dossier.status, appointmentAt: dossier.appointmentAt, progress, notifications, outboxKinds: entries.map((e) => e.kind) };
}

/** Each deadline notification (nearly due, overdue, escalation rung) of a step or of the dossier told once. */
export async function expectNoDuplicateNotices(s: ScenarioApp, dossierId: string): Promise<void> {
  const keys = (await officialNotices(s, dossierId))
    .filter((n) => n.event !== 'step.activated')
    .map((n) => `${String(n.event)}|${String(n.stepId ?? 'dossier')}|${String(n.rung ?? '')}`);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
}

/** Something a path does after a step is completed, e.g. the citizen paying the land taxes. */
export type Hooks = Partial<Record<string, (s: ScenarioApp, dossierId: string) => Promise<void>>>;
