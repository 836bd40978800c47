/** Incidents of the process instance are kept on the dossier and audited, so an administrator can see what is stuck. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, createDossierTestApp, receive } from './dossier-fixture';

const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/incident-procedure.bpmn', import.meta.url)), 'utf8');

describe('incidents', () => {
  it('records an incident raised by a service task without a handler on the dossier and in its audit trail', async () => {
    // given a procedure whose first element is a service task the server has no handler for
    const t = await createDossierTestApp({ deploy: false });
    const deployed = await call(t, 'analyst', 'POST', '/api/procedures', { key: 'thu-su-co', xml });
    expect(deployed.status).toBe(201);
    // when a dossier is received
    const dossier = await receive(t, { procedureKey: 'thu-su-co', form: {} });
    // then it is in process with the incident on record
    const read = await call<{ status: number; incidents: { elementId: string; code: string }[] }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`);
    expect(read.body.status).toBe(4);
    expect(read.body.incidents.map((i) => i.elementId)).toEqual(['task-compute-fee']);
    const audit = await t.stores.audit.listByDossier(dossier.id);
    expect(audit.filter((a) => a.action === 'incident.raised').map((a) => a.details.elementId)).toEqual(['task-compute-fee']);
  });
});
