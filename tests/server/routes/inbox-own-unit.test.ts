/**
 * The inbox lists only steps its reader may act on: an official without a department reads the whole agency's
 * steps from the store, but acts only on steps that name no department (access policy), so only those are shown.
 * Found by the procedure scenarios (land change registration: `official.datdai` saw the branch's review and got 403).
 */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, inbox, openStepOf, receive } from '../dossiers/dossier-fixture';
import { seedProcedureXml } from '../../support/seed-dossiers';

describe('inbox of an official without a department', () => {
  it('does not show a step of a department of their agency, which they may not claim, while that department\'s official sees it', async () => {
    // given the fixture route whose appraisal is at the Land Registration Office's branch 1 (vpdk-dat-dai / chi-nhanh-1)
    const t = await createDossierTestApp({ xml: seedProcedureXml(2) });
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    await complete(t, 'official.dkkd', (await openStepOf(t, 'official.dkkd', dossier.id)).id);
    const { items } = await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 10 });
    const appraisal = items.find((step) => step.agencyId === 'vpdk-dat-dai')!;
    expect(appraisal.departmentId).toBe('chi-nhanh-1');
    // when official.datdai (the office, no department) reads the unit inbox
    const shown = await inbox(t, 'official.datdai');
    // then the branch's step is not in it, as the policy refuses them the claim
    expect(shown.filter((item) => item.dossierId === dossier.id)).toEqual([]);
    expect((await call(t, 'official.datdai', 'POST', `/api/steps/${encodeURIComponent(appraisal.id)}/claim`, {})).status).toBe(403);
  });
});
