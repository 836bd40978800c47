/**
 * A gateway condition that would run for seconds on citizen data ends, through the HTTP app, as an incident on that
 * dossier within its FEEL work budget: the completing request answers promptly, `/health` keeps answering, and the
 * dossier and its incident are stored and shown to the supervisor.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, openStepOf } from '../server/dossiers/dossier-fixture';

const xml = readFileSync(fileURLToPath(new URL('../fixtures/server/feel-budget-procedure.bpmn', import.meta.url)), 'utf8');
const KEY = 'thu-ngan-sach-feel';

describe('FEEL budget through the HTTP app', () => {
  it('turns a gateway condition over 3,000 citizen-supplied items into an incident on the dossier while /health keeps answering', async () => {
    // given the procedure deployed and a dossier whose e-form carries 3,000 parcels
    const t = await createDossierTestApp({ deploy: false });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: KEY, xml })).status).toBe(201);
    const parcels = Array.from({ length: 3000 }, (_, i) => i);
    const received = await call<{ id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', {
      procedureKey: KEY,
      applicant: { name: 'Trần Văn Dân', idNumber: '001085012345', phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' },
      form: { parcels },
    });
    expect(received.status).toBe(201);
    const step = await openStepOf(t, 'official.motcua', received.body.id);
    // when the step before the gateway is completed, with /health asked at the same time
    const startedAt = performance.now();
    const [completed, health] = await Promise.all([
      complete(t, 'official.motcua', step.id).then((answer) => ({ answer, elapsedMs: performance.now() - startedAt })),
      Promise.resolve(t.app.request('/health')).then((response) => ({ status: response.status, elapsedMs: performance.now() - startedAt })),
    ]);
    // then the request answers within its budget (about 0.2 s here; unbounded, the condition ran 6.4 s) and /health
    // answered too
    expect(completed.answer.status).toBe(200);
    expect(completed.elapsedMs).toBeLessThan(2500);
    expect(health.status).toBe(200);
    expect(health.elapsedMs).toBeLessThan(2500);
    // and the dossier keeps its data, with the incident on the gateway for the supervisor to see
    const read = await call<{ incidents: { elementId: string; code: string; message: string }[] }>(t, 'supervisor', 'GET', `/api/dossiers/${received.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.incidents).toEqual([expect.objectContaining({ elementId: 'gw-duplicates', code: 'EXPRESSION_BUDGET_EXCEEDED', message: expect.stringContaining('steps of work') })]);
    const audit = await t.stores.audit.listByDossier(received.body.id);
    expect(audit.filter((entry) => entry.action === 'incident.raised').map((entry) => entry.details.code)).toEqual(['EXPRESSION_BUDGET_EXCEEDED']);
  });
});
