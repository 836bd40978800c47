/**
 * The procedures we ship, run by the server: each library model is deployed, a dossier received at the counter, and
 * every open step approved by an official of its unit (fees paid where the route waits for them) until the route
 * ends. Every dossier must finish (status 9) with no incident, through the inboxes of every agency of its route.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleForm } from '../../procedures/support/library';
import { APPLICANT, call, complete, createDossierTestApp } from './dossier-fixture';
import { sweeperOf } from '../sweeper/sweeper-fixture';

const root = fileURLToPath(new URL('../../../procedures/', import.meta.url));
const slugs = readdirSync(root).filter((slug) => existsSync(`${root}${slug}/${slug}.bpmn`));

/** Who approves a step of each agency in the demo directory (a head of agency where no official of the department exists). */
const OFFICIAL_OF: Record<string, string> = {
  ttpvhcc: 'official.motcua',
  'so-tai-chinh': 'head.taichinh',
  'so-xay-dung': 'official.xaydung',
  'ubnd-xa-demo': 'head.xa',
  'cong-an-xa-demo': 'official.congan',
  'bhxh-tinh': 'official.bhxh',
  'thue-co-so': 'official.thue',
  'vpdk-dat-dai': 'official.datdai',
};

describe('the procedure library on the server', () => {
  it.each(slugs)('works a dossier of %s from the counter to status 9 through the inboxes of its agencies', { timeout: 60_000 }, async (slug) => {
    // given the shipped model deployed and a dossier received at the counter
    const t = await createDossierTestApp({ deploy: false });
    // The demo land official has no branch; the land route assigns the branch office (procedures/README.md "Agencies").
    const land = (await t.access.users.getByUsername('official.datdai'))!;
    await t.access.users.update({ ...land, departmentId: 'chi-nhanh-1' });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: slug, xml: readFileSync(`${root}${slug}/${slug}.bpmn`, 'utf8') })).status).toBe(201);
    const received = await call<{ id: string; status: number }>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: slug, applicant: APPLICANT, form: exampleForm(slug) });
    expect(received.status).toBe(201);
    const id = received.body.id;
    // when every open step is approved by its unit (and fees paid when the route waits for them)
    const agencies = new Set<string>();
    for (let round = 0; round < 40; round += 1) {
      const dossier = (await t.stores.dossiers.get(id))!;
      if (dossier.status !== 4 && dossier.status !== 6) break;
      if (dossier.status === 6) {
        expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${id}/fee-payments`, { amount: 100000 })).status).toBe(200);
        continue;
      }
      const open = (await t.stores.steps.list({ dossierId: id, status: ['open'] }, { offset: 0, limit: 20 })).items.filter((s) => s.kind === 'userTask');
      expect(open.length).toBeGreaterThan(0);
      for (const step of open) {
        const user = OFFICIAL_OF[step.agencyId ?? ''];
        expect(user, `an official for ${step.agencyId}`).toBeDefined();
        agencies.add(step.agencyId!);
        const done = await complete(t, user!, step.id, { decision: 'approve' });
        expect([step.elementId, done.status]).toEqual([step.elementId, 200]);
      }
    }
    // then the dossier is finished, with no incident, having passed through the counter and at least one other agency
    const finished = await call<{ status: number; incidents: unknown[] }>(t, 'official.motcua', 'GET', `/api/dossiers/${id}`);
    expect(finished.body.status).toBe(9);
    expect(finished.body.incidents).toEqual([]);
    expect(agencies.has('ttpvhcc')).toBe(true);
    expect(agencies.size).toBeGreaterThan(1);
  });

  it('rejects a birth registration (Decree 63/2024) whose 7-day supplement window closed, ending its route at the drawn rejection', { timeout: 60_000 }, async () => {
    // given the group-1 procedure and a dossier at the commune's birth registration step
    const slug = 'lien-thong-khai-sinh';
    const t = await createDossierTestApp({ deploy: false });
    await call(t, 'analyst', 'POST', '/api/procedures', { key: slug, xml: readFileSync(`${root}${slug}/${slug}.bpmn`, 'utf8') });
    const { body } = await call<{ id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: slug, applicant: APPLICANT, form: exampleForm(slug) });
    const openStep = async () => (await t.stores.steps.list({ dossierId: body.id, status: ['open'] }, { offset: 0, limit: 5 })).items[0]!;
    await complete(t, 'official.motcua', (await openStep()).id);
    const birth = await openStep();
    expect(birth.elementId).toBe('task-register-birth');
    // when the commune asks for a supplement and the citizen never brings it (7 working days pass)
    const asked = await call(t, 'head.xa', 'POST', `/api/dossiers/${body.id}/supplement-requests`, { stepId: birth.id, missingComponents: [{ name: 'Giấy chứng sinh' }], reason: 'Thiếu giấy chứng sinh' });
    expect(asked.status).toBe(200);
    t.clock.advance(14 * 86_400_000);
    await sweeperOf(t, 'server-a').sweepOnce();
    // then the dossier is stopped (8) and the route ended at its drawn rejection, not by cancellation
    expect((await t.stores.dossiers.get(body.id))!.status).toBe(8);
    const instance = (await t.stores.dossiers.get(body.id))!.instance as { st: string };
    expect(instance.st).toBe('completed');
    expect((await t.stores.steps.list({ dossierId: body.id, status: ['open'] }, { offset: 0, limit: 5 })).items).toEqual([]);
  });
});
