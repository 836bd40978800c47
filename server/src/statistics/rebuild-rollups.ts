/**
 * @module rebuild-rollups — the migration of the dashboard's rollups (issue 18): empty them, then add every stored
 * dossier's contribution again from its facts, a page of facts at a time (bounded memory at any history size). Facts
 * written before the processing time, the steps' working times and the delay attribution were recorded get them
 * now, on the agencies' calendars.
 *
 * A rebuild counts only the dossiers whose facts are stored: retention purges personal data but keeps the facts
 * (`retention/run-retention-batch.ts`), which carry none, so the statistics of purged dossiers survive a rebuild.
 *
 * Run it while no command writes facts (at the start of a server after an upgrade, `main.ts`, before it serves): a
 * change written during a rebuild could be counted twice.
 */
import { ALL_BUCKET, mergeIncrements, ROLLUP_FORMAT, rollupIncrements } from './dossier-rollup';
import type { DossierFactsStore } from './dossier-facts-store';
import { withMeasuredTimes } from './record-dossier-facts';
import type { StatsDeps } from './stats-deps';

const BATCH = 2_000;

/** Rebuilds every rollup from the facts; returns how many dossiers were counted. */
export async function rebuildRollups(deps: Pick<StatsDeps, 'calendars'>, facts: DossierFactsStore, options: { batch?: number } = {}): Promise<{ dossiers: number }> {
  await facts.clearRollups();
  let afterId: string | undefined;
  let dossiers = 0;
  for (;;) {
    const page = await facts.page({ ...(afterId === undefined ? {} : { afterId }), limit: options.batch ?? BATCH });
    if (page.length === 0) return { dossiers };
    const records = await Promise.all(page.map((record) => withMeasuredTimes(deps, record, undefined)));
    const merged = mergeIncrements(records.flatMap((record) => rollupIncrements(undefined, record)));
    await facts.addRollups([...merged.values()]);
    dossiers += page.length;
    afterId = page.at(-1)!.dossierId;
  }
}

/**
 * Whether the rollups must be rebuilt: facts are stored but no rollup yet (the first start after the upgrade that
 * introduced them), or rollups of an older stored form (`ROLLUP_FORMAT`) are there.
 */
export async function rollupsOutdated(facts: DossierFactsStore): Promise<boolean> {
  const all = await facts.rollups({ ranges: [{ from: ALL_BUCKET, to: ALL_BUCKET }], read: 'format' });
  if (all.length > 0) return all.some((document) => (document.format ?? 1) < ROLLUP_FORMAT);
  return (await facts.page({ limit: 1 })).length > 0;
}
