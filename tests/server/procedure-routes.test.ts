/** Procedures over HTTP: validate, deploy as new versions, list and fetch; every refusal a problem, nothing stored. */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../support/test-app';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
// A valid model routed to units of the demo directory: deploying checks that each unit has people (routing coverage).
const validXml = fixture('server/two-agency-procedure.bpmn');
const invalidXml = fixture('model/gateway-without-outgoing.bpmn');
const json = { 'content-type': 'application/json' };

describe('procedure routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('deploys a valid model as version 1, then version 2, and lists both newest first', async () => {
    // given an analyst
    const headers = { ...json, ...(await t.as('analyst')) };
    // when the same procedure is deployed twice
    const first = await t.app.request('/api/procedures', { method: 'POST', headers, body: JSON.stringify({ key: 'ba-lan', xml: validXml }) });
    const second = await t.app.request('/api/procedures', { method: 'POST', headers, body: JSON.stringify({ key: 'ba-lan', xml: validXml }) });
    // then each gets the next version
    expect(first.status).toBe(201);
    expect(((await first.json()) as { version: number }).version).toBe(1);
    expect(((await second.json()) as { version: number }).version).toBe(2);
    const versions = await t.app.request('/api/procedures/ba-lan/versions', { headers });
    const listed = (await versions.json()) as { version: number; deployedBy: string; deployedByName: string; deployedAt: string }[];
    expect(listed.map((v) => v.version)).toEqual([2, 1]);
    // and each version says who deployed it, by the directory's name, and when
    expect(listed[0]).toMatchObject({ deployedBy: 'u-analyst', deployedByName: 'Nguyễn Thị Phân Tích', deployedAt: new Date(t.clock.now()).toISOString() });
    const one = await t.app.request('/api/procedures/ba-lan/versions/1', { headers });
    expect(((await one.json()) as { xml: string }).xml).toBe(validXml);
  });

  it('refuses a model with errors with 422, lists every issue naming the element, and stores nothing', async () => {
    const headers = { ...json, ...(await t.as('analyst')) };
    const response = await t.app.request('/api/procedures', { method: 'POST', headers, body: JSON.stringify({ key: 'hong', xml: invalidXml }) });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { code: string; issues: { elementId: string; code: string }[] };
    expect(body.code).toBe('PROCEDURE_INVALID');
    expect(body.issues.some((issue) => issue.code === 'GATEWAY_WITHOUT_OUTGOING')).toBe(true);
    expect(await t.stores.procedures.latest('hong')).toBeUndefined();
  });

  it('refuses an e-form schema the server cannot compile at deploy, naming it, rather than failing the first submission', async () => {
    // given a model whose form has a pattern RE2 cannot run (a look-behind) and a keyword with a wrong type
    const schema = { type: 'object', properties: { idNumber: { type: 'string', pattern: '(?<=x)[0-9]{12}' }, name: { type: 'string', minLength: 'two' } } };
    const xml = validXml.replace(/<lt:formSchema>[^<]*<\/lt:formSchema>/, `<lt:formSchema>${JSON.stringify(schema).replaceAll("<", "&lt;")}</lt:formSchema>`);
    const headers = { ...json, ...(await t.as('analyst')) };
    // when the analyst validates it, then deploys it
    const validation = (await (await t.app.request('/api/procedures/validate', { method: 'POST', headers, body: JSON.stringify({ xml }) })).json()) as { valid: boolean; issues: { code: string }[] };
    const deploy = await t.app.request('/api/procedures', { method: 'POST', headers, body: JSON.stringify({ key: 'bieu-mau-hong', xml }) });
    // then both name the e-form schema, and nothing is deployed
    expect(validation.valid).toBe(false);
    expect(validation.issues.map((issue) => issue.code)).toContain('FORM_SCHEMA_INVALID');
    expect(deploy.status).toBe(422);
    expect(((await deploy.json()) as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toContain('FORM_SCHEMA_INVALID');
    expect(await t.stores.procedures.latest('bieu-mau-hong')).toBeUndefined();
  });

  it('validates without deploying and answers every issue at once', async () => {
    const headers = { ...json, ...(await t.as('analyst')) };
    const response = await t.app.request('/api/procedures/validate', { method: 'POST', headers, body: JSON.stringify({ xml: invalidXml }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { valid: boolean; issues: unknown[] };
    expect(body.valid).toBe(false);
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it('lets only analysts deploy: an official gets 403 and nobody signed in gets 401', async () => {
    const official = await t.app.request('/api/procedures', { method: 'POST', headers: { ...json, ...(await t.as('official.motcua')) }, body: JSON.stringify({ key: 'x1', xml: validXml }) });
    expect(official.status).toBe(403);
    expect(((await official.json()) as { code: string }).code).toBe('FORBIDDEN');
    const anonymous = await t.app.request('/api/procedures', { method: 'POST', headers: json, body: JSON.stringify({ key: 'x1', xml: validXml }) });
    expect(anonymous.status).toBe(401);
    expect(await t.stores.procedures.latest('x1')).toBeUndefined();
  });

  it('answers 404 problems for unknown procedures and versions', async () => {
    const headers = await t.as('official.motcua');
    expect((await t.app.request('/api/procedures/khong-co/versions', { headers })).status).toBe(404);
    expect((await t.app.request('/api/procedures/ba-lan/versions/99', { headers })).status).toBe(404);
  });

  it('answers 400 for invalid JSON or a bad key, and 415 for a body that is not JSON', async () => {
    const headers = await t.as('analyst');
    const broken = await t.app.request('/api/procedures', { method: 'POST', headers: { ...json, ...headers }, body: '{"key": ' });
    expect(broken.status).toBe(400);
    const badKey = await t.app.request('/api/procedures', { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ key: 'Bad Key!', xml: validXml }) });
    expect(badKey.status).toBe(400);
    const xmlBody = await t.app.request('/api/procedures', { method: 'POST', headers: { 'content-type': 'application/xml', ...headers }, body: validXml });
    expect(xmlBody.status).toBe(415);
  });

  it('describes the procedure routes in the OpenAPI document', async () => {
    const response = await t.app.request('/api/openapi.json');
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/procedures', '/api/procedures/{key}/versions/{version}', '/api/auth/sign-in']));
  });
});
