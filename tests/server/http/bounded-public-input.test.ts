/**
 * Bounded public input (issue 14 §3): what anyone may send as an e-form or step data is refused when it holds MongoDB
 * operator keys, dotted keys, properties the procedure's schema forbids, too much nesting or too many bytes; and the
 * inbox and dossier list answer pages whose size does not grow with what citizens submitted.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM_DATA_LIMITS } from '../../../server/src/dossiers/form-data-limits';
import { APPLICANT, FIXTURE_KEY, VALID_FORM, call, complete, createDossierTestApp, inbox, receive, type TestApp } from '../dossiers/dossier-fixture';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
/** The fixture procedure whose e-form schema admits no other property than its own. */
const closedSchemaXml = fixtureXml.replace('"properties":{"businessName"', '"additionalProperties":false,"properties":{"businessName"');

interface Problem {
  status: number;
  code: string;
  detail: string;
  issues?: { field: string; message: string }[];
}

const submit = (t: TestApp, form: unknown, headers: Record<string, string> = {}) =>
  call<Problem & { id: string; dossierCode: string }>(t, undefined, 'POST', '/api/submissions', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form }, headers);

/** The largest form the limits accept: the business name fills the byte budget to the last byte. */
function largestAcceptedForm(maxBytes = DEFAULT_FORM_DATA_LIMITS.maxBytes): Record<string, unknown> {
  const overhead = Buffer.byteLength(JSON.stringify({ ...VALID_FORM, businessName: '' }));
  return { ...VALID_FORM, businessName: 'x'.repeat(maxBytes - overhead) };
}

async function storedDossierCount(t: TestApp): Promise<number> {
  return (await t.stores.dossiers.list({}, { offset: 0, limit: 1 })).total;
}

describe('an online submission with a hostile e-form', () => {
  it('refuses keys starting with $ at any depth with a 400 problem naming each key, and stores nothing', async () => {
    // given
    const t = await createDossierTestApp();
    // when
    const answer = await submit(t, { ...VALID_FORM, $where: 'sleep(10000)', owner: { $set: { role: 'admin' } }, list: [{ $gt: '' }] });
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('FORM_DATA_REFUSED');
    expect(answer.body.issues?.map((issue) => issue.field)).toEqual(['/form/$where', '/form/owner/$set', '/form/list/0/$gt']);
    expect(answer.body.detail).toContain('"$where"');
    expect(await storedDossierCount(t)).toBe(0);
  });

  it('refuses keys containing a dot, which MongoDB reads as a path, naming the key', async () => {
    // given
    const t = await createDossierTestApp();
    // when
    const answer = await submit(t, { ...VALID_FORM, 'state.routedTo': [{ agencyId: 'any' }], owner: { 'a.b': 1 } });
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('FORM_DATA_REFUSED');
    expect(answer.body.issues?.map((issue) => issue.field)).toEqual(['/form/state.routedTo', '/form/owner/a.b']);
    expect(await storedDossierCount(t)).toBe(0);
  });

  it('refuses a form one byte over the limit with 413 FORM_TOO_LARGE, and accepts the largest form within it', async () => {
    // given
    const t = await createDossierTestApp({ submissionLimit: { limit: 100, windowMs: 60_000 } });
    const largest = largestAcceptedForm();
    // when
    const over = await submit(t, { ...largest, businessName: `${largest.businessName as string}x` });
    const within = await submit(t, largest);
    // then
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'FORM_TOO_LARGE', maxBytes: DEFAULT_FORM_DATA_LIMITS.maxBytes });
    expect(within.status).toBe(201);
    expect(await storedDossierCount(t)).toBe(1);
  });

  it('refuses a form nested deeper than the depth limit', async () => {
    // given
    const t = await createDossierTestApp();
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < DEFAULT_FORM_DATA_LIMITS.maxDepth; level += 1) deep = { inner: deep };
    // when
    const answer = await submit(t, { ...VALID_FORM, deep });
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('FORM_DATA_REFUSED');
    expect(answer.body.detail).toContain(`deeper than ${DEFAULT_FORM_DATA_LIMITS.maxDepth} levels`);
    expect(await storedDossierCount(t)).toBe(0);
  });

  it('refuses a property the procedure’s schema does not allow (additionalProperties: false), naming the property', async () => {
    // given
    const t = await createDossierTestApp({ xml: closedSchemaXml });
    // when
    const answer = await submit(t, { ...VALID_FORM, notes: 'x'.repeat(1_000) });
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('FORM_INVALID');
    expect(answer.body.issues).toEqual([{ field: '/notes', message: 'is not a field of this e-form' }]);
    expect(await storedDossierCount(t)).toBe(0);
  });

  it('applies the configured limits, not only the defaults', async () => {
    // given
    const t = await createDossierTestApp({ formLimits: { maxBytes: 2_048, maxDepth: 2 } });
    // when
    const tooLarge = await submit(t, { ...VALID_FORM, businessName: 'x'.repeat(2_048) });
    const tooDeep = await submit(t, { ...VALID_FORM, owner: { address: { street: 'Tràng Tiền' } } });
    // then
    expect(tooLarge.status).toBe(413);
    expect(tooDeep.status).toBe(400);
  });
});

describe('a counter receipt and a step completion with hostile data', () => {
  it('refuses operator keys in a counter receipt’s form', async () => {
    // given
    const t = await createDossierTestApp();
    // when
    const answer = await call<Problem>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: { ...VALID_FORM, $expr: { $gt: 1 } } });
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.issues?.[0]?.field).toBe('/form/$expr');
  });

  it('refuses step data with operator keys, dotted keys or too many bytes, after authorization, and leaves the step open', async () => {
    // given
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = (await inbox(t, 'official.motcua')).find((item) => item.dossierId === dossier.id)!;
    // when
    const outsider = await complete(t, 'official.thue', step.id, { decision: 'approve', data: { $where: '1' } });
    const operator = await complete(t, 'official.motcua', step.id, { decision: 'approve', data: { $set: { status: 10 } } });
    const dotted = await complete(t, 'official.motcua', step.id, { decision: 'approve', data: { 'state.lastDecision': 'approve' } });
    const large = await complete(t, 'official.motcua', step.id, { decision: 'approve', data: { note: 'x'.repeat(DEFAULT_FORM_DATA_LIMITS.maxBytes) } });
    // then
    expect([outsider.status, operator.status, dotted.status, large.status]).toEqual([403, 400, 400, 413]);
    expect((operator.body as unknown as Problem).issues?.[0]?.field).toBe('/data/$set');
    expect((dotted.body as unknown as Problem).issues?.[0]?.field).toBe('/data/state.lastDecision');
    expect((await t.stores.steps.get(step.id))?.status).toBe('open');
  });
});

describe('the inbox and the dossier list after many of the largest accepted submissions', () => {
  it('answers a page of 100 dossiers in a size that does not grow with the forms', async () => {
    // given 30 online submissions and 30 counter receipts, each with the largest form accepted
    const t = await createDossierTestApp({ submissionLimit: { limit: 1_000, windowMs: 60_000 } });
    const largest = largestAcceptedForm();
    for (let i = 0; i < 30; i += 1) {
      expect((await submit(t, largest)).status).toBe(201);
      await receive(t, { form: largest });
    }
    // when
    const list = await t.app.request('/api/dossiers?limit=100', { headers: await t.as('supervisor') });
    const text = await list.text();
    // then no form is in the list: each summary is well under 2 KB, whatever the form held
    expect(list.status).toBe(200);
    const body = JSON.parse(text) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(60);
    expect(body.items).toHaveLength(60);
    expect(body.items[0]).not.toHaveProperty('form');
    expect(Buffer.byteLength(text)).toBeLessThan(60 * 2_048);
    // and the whole dossier is still there to read
    const one = await call<{ form: Record<string, unknown> }>(t, 'supervisor', 'GET', `/api/dossiers/${body.items[0]!.id as string}`);
    expect(one.body.form.businessName).toBe(largest.businessName);
  });

  it('answers the inbox in pages of at most 100 steps, each page bounded in bytes, with the total', async () => {
    // given 110 dossiers received at the counter, each with the largest form accepted
    const t = await createDossierTestApp();
    const largest = largestAcceptedForm();
    for (let i = 0; i < 110; i += 1) await receive(t, { form: largest });
    // when
    const first = await t.app.request('/api/inbox?scope=department', { headers: await t.as('official.motcua') });
    const firstText = await first.text();
    const second = await call<{ items: { dossierCode: string }[]; total: number }>(t, 'official.motcua', 'GET', '/api/inbox?scope=department&offset=100');
    // then
    expect(first.status).toBe(200);
    const page = JSON.parse(firstText) as { items: { dossierCode: string }[]; total: number };
    expect(page.items).toHaveLength(100);
    expect(page.total).toBe(110);
    expect(Buffer.byteLength(firstText)).toBeLessThan(100 * 2_048);
    expect(page.items.every((item) => item.dossierCode.length > 0)).toBe(true);
    expect(second.body.items).toHaveLength(10);
    expect((await call(t, 'official.motcua', 'GET', '/api/inbox?limit=101')).status).toBe(400);
  }, 60_000);
});
