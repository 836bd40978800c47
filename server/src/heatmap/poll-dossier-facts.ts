/**
 * @module pollDossierFacts — brings other server processes' dossier changes to this process's event streams: every
 * `intervalMs` it reads the facts changed since the last poll and announces the elements of their open steps and
 * of the steps completed since (the notifier only hears this process's commits).
 */
import type { Clock } from '../../../engine/src/index';
import type { DossierFactsStore } from '../statistics/dossier-facts-store';
import type { HeatmapChange, HeatmapNotifier } from './heatmap-notifier';

export interface FactsPoller {
  /** One poll now (the timer calls it; tests call it directly). */
  poll(): Promise<void>;
  stop(): void;
}

/** Clock skew between processes tolerated: a change stamped slightly in the past is still seen. */
const OVERLAP_MS = 5_000;

export function pollDossierFacts(deps: { facts: DossierFactsStore; notifier: HeatmapNotifier; clock: Clock; intervalMs?: number; onError?: (error: unknown) => void }): FactsPoller {
  let since = deps.clock.now();
  let running = false;
  const poll = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const from = since - OVERLAP_MS;
      since = deps.clock.now();
      for (const record of await deps.facts.changedSince(from)) {
        const elements = new Set(record.openSteps.map((step) => step.elementId));
        for (const step of record.steps) if (step.completedAt !== undefined && step.completedAt > from) elements.add(step.elementId);
        for (const elementId of elements) {
          const change: HeatmapChange = { procedureKey: record.procedureKey, version: record.procedureVersion, elementId };
          deps.notifier.publish(change);
        }
      }
    } catch (error) {
      deps.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = deps.intervalMs === undefined ? undefined : setInterval(() => void poll(), deps.intervalMs);
  timer?.unref();
  return { poll, stop: () => clearInterval(timer) };
}
