/**
 * The analyst's incident list (issue 14, "FEEL with a budget": an expression over its budget is an incident visible
 * to the analyst and the supervisor): `GET /api/procedures/{key}/incidents` counts, per element and code, the
 * dossiers that raised it, without answering any dossier's data, which the analyst may not read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, openStepOf, type TestApp } from '../dossiers/dossier-fixture';

const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/feel-budget-procedure.bpmn', import.meta.url)), 'utf8');
const KEY = 'thu-ngan-sach-feel';

interface IncidentList {
  procedureKey: string;
  items: { elementId: string; code: string; message: string; dossiers: number; openDossiers: number; lastSeenAt: string; versions: number[] }[];
}

/** Receives a dossier whose e-form carries `parcels` and completes its review step (the gateway follows). */
async function receiveAndReview(t: TestApp, parcels: number[], idNumber: string): Promise<{ id: string; code: string }> {
  const received = await call<{ id: string; dossierCode: string }>(t, 'official.motcua', 'POST', '/api/dossiers', {
    procedureKey: KEY,
    applicant: { name: 'Trần Văn Dân', idNumber, phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' },
    form: { parcels },
  });
  expect(received.status).toBe(201);
  const step = await openStepOf(t, 'official.motcua', received.body.id);
  expect((await complete(t, 'official.motcua', step.id)).status).toBe(200);
  return { id: received.body.id, code: received.body.dossierCode };
}

describe('incidents of a procedure', () => {
  it('shows the analyst which element raised a FEEL budget incident in how many dossiers, without any dossier data', async () => {
    // given the procedure deployed, two dossiers over the gateway's FEEL budget and one within it
    const t = await createDossierTestApp({ deploy: false });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: KEY, xml })).status).toBe(201);
    const big = Array.from({ length: 3000 }, (_, i) => i);
    const first = await receiveAndReview(t, big, '001085012345');
    await receiveAndReview(t, big, '001085012346');
    await receiveAndReview(t, [1, 2, 3], '001085012347');
    // when the analyst, who may not read the dossiers, asks for the procedure's incidents
    expect((await call(t, 'analyst', 'GET', `/api/dossiers/${first.id}`)).status).toBe(403);
    const answer = await call<IncidentList>(t, 'analyst', 'GET', `/api/procedures/${KEY}/incidents`);
    // then the gateway is named once, with its code, its message, both dossiers and when it was last seen
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      procedureKey: KEY,
      items: [
        {
          elementId: 'gw-duplicates',
          code: 'EXPRESSION_BUDGET_EXCEEDED',
          message: expect.stringContaining('steps of work'),
          dossiers: 2,
          openDossiers: 2,
          lastSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          versions: [1],
        },
      ],
    });
    // and nothing of the dossiers themselves: no id, code, applicant or form
    const text = JSON.stringify(answer.body);
    for (const secret of [first.id, first.code, '001085012345', 'Trần Văn Dân']) expect(text).not.toContain(secret);
  });

  it('refuses the incident list to officials, who work dossiers rather than models', async () => {
    // given the procedure deployed
    const t = await createDossierTestApp({ deploy: false });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: KEY, xml })).status).toBe(201);
    // when an official and a supervisor ask for its incidents
    const official = await call(t, 'official.motcua', 'GET', `/api/procedures/${KEY}/incidents`);
    const supervisor = await call<IncidentList>(t, 'supervisor', 'GET', `/api/procedures/${KEY}/incidents`);
    // then the official is refused and the supervisor reads an empty list
    expect(official.status).toBe(403);
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.items).toEqual([]);
  });
});
