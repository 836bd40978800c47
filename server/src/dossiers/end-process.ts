/**
 * @module end-process — a dossier that leaves processing before its route ends (withdrawn, stopped, finished by
 * hand, rejected when the supplement window closed): the process instance is cancelled, so its open steps close
 * and their clocks and timers stop.
 */
import type { DossierChange } from './dossier-change';

export async function cancelInstance(change: DossierChange): Promise<void> {
  if (change.isInstanceRunning()) await change.deliver({ type: 'instance.cancelled' });
}
