/**
 * @module HeatmapNotifier — the in-process change feed of the live heatmap: the dossier core's unit-of-work runner
 * publishes `heatmap.changed` for each element whose open steps changed (opened, completed, paused, nearly due,
 * overdue) after its transaction commits; event streams subscribe per procedure. Other server processes' changes
 * arrive through `pollDossierFacts` (every 2 s in `main.ts`).
 */

/** The data of one `heatmap.changed` event: the client refetches that element's counts. */
export interface HeatmapChange {
  procedureKey: string;
  version: number;
  elementId: string;
}

export type HeatmapListener = (change: HeatmapChange) => void;

/** The subscription key of `subscribeAll` (no procedure key has a space). */
const ALL = '* all procedures';

export class HeatmapNotifier {
  private readonly listeners = new Map<string, Set<HeatmapListener>>();

  /** Calls `listener` for each change of `procedureKey`; returns the unsubscribe function. */
  subscribe(procedureKey: string, listener: HeatmapListener): () => void {
    let set = this.listeners.get(procedureKey);
    if (!set) this.listeners.set(procedureKey, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(procedureKey);
    };
  }

  /** Calls `listener` for each change of every procedure (the officials' inbox refetches its own steps). */
  subscribeAll(listener: HeatmapListener): () => void {
    return this.subscribe(ALL, listener);
  }

  publish(change: HeatmapChange): void {
    for (const listener of [...(this.listeners.get(change.procedureKey) ?? []), ...(this.listeners.get(ALL) ?? [])]) {
      try {
        listener(change);
      } catch {
        // A listener whose stream closed must not stop the others (nor the dossier change that published).
      }
    }
  }

  /** Number of subscribed streams (tests check that a closed stream unsubscribes). */
  get size(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
