/** Everything a refused request must leave as it was, read through the stores' own ports. */
import type { createTestApp } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function snapshotStores(t: TestApp): Promise<string> {
  const latest = await t.stores.procedures.listLatest();
  const versions = await Promise.all(latest.map((summary) => t.stores.procedures.listVersions(summary.key)));
  const dossiers = (await t.stores.dossiers.list({}, { offset: 0, limit: 10_000 })).items;
  const steps = (await t.stores.steps.list({}, { offset: 0, limit: 10_000 })).items;
  const attachments = await Promise.all(dossiers.map((dossier) => t.attachments.listByDossier(dossier.id)));
  const users = await t.access.users.list();
  const agencies = await t.access.agencies.list();
  return JSON.stringify({ latest, versions, dossiers, steps, attachments, users, agencies });
}
