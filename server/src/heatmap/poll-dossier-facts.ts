/**
 * @module pollDossierFacts — brings other server processes' dossier changes to this process's event streams: every
 * `intervalMs` it reads the facts changed since the last poll and announces the elements of their open steps and
 * of the steps completed since (the notifier only hears this process's commits). In a national deployment each poll
 * reads the provinces one after another (`provinces`), each inside its scope; a province whose read fails is reported
 * and the others are still announced.
 */
import type { Clock } from '../../../engine/src/index';
import type { DossierFactsStore } from '../statistics/dossier-facts-store';
import type { HeatmapChange, HeatmapNotifier } from './heatmap-notifier';
import { runInEachProvince } from '../tenancy/run-in-each-province';

export interface FactsPoller {
  /** One poll now (the timer calls it; tests call it directly). */
  poll(): Promise<void>;
  stop(): void;
}

/** Clock skew between processes tolerated: a change stamped slightly in the past is still seen. */
const OVERLAP_MS = 5_000;

export function pollDossierFacts(deps: { facts: DossierFactsStore; notifier: HeatmapNotifier; clock: Clock; intervalMs?: number; provinces?: readonly string[]; onError?: (error: unknown, provinceCode?: string) => void }): FactsPoller {
  let since = deps.clock.now();
  let running = false;
  const poll = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const from = since - OVERLAP_MS;
      since = deps.clock.now();
      const changed = await runInEachProvince(deps.provinces, async () => await deps.facts.changedSince(from), (error, provinceCode) => deps.onError?.(error, provinceCode));
      for (const record of changed.flat()) {
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
