/** The dossier routes' answers: intake, online submission, reading in scope, status changes, forms, and every refusal. */
import { describe, expect, it } from 'vitest';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, VALID_FORM, type DossierBody } from '../dossiers/dossier-fixture';

const submission = (overrides: Record<string, unknown> = {}) => ({ procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM, agencyId: 'ttpvhcc', ...overrides });

describe('dossier routes', () => {
  it('refuses an e-form that does not match the procedure with 400 listing every field, and stores nothing', async () => {
    const t = await createDossierTestApp();
    const answer = await call<{ code: string; issues: { field: string }[] }>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: { capital: -1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('FORM_INVALID');
    expect(answer.body.issues.map((i) => i.field).sort()).toEqual(['/businessName', '/capital']);
    expect((await t.stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('answers 404 for an unknown procedure, 400 for a bad applicant, 401 anonymous and 403 for roles that do not receive', async () => {
    const t = await createDossierTestApp();
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: 'khong-co', applicant: APPLICANT, form: {} })).status).toBe(404);
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: { name: '' }, form: VALID_FORM })).status).toBe(400);
    expect((await call(t, undefined, 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM })).status).toBe(401);
    const supervisor = await call(t, 'supervisor', 'POST', '/api/dossiers', { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM });
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.code).toBe('FORBIDDEN');
  });

  it('gives distinct daily codes to dossiers received at the same time', async () => {
    const t = await createDossierTestApp();
    const codes = await Promise.all(Array.from({ length: 20 }, () => receive(t).then((d) => d.dossierCode)));
    expect(new Set(codes).size).toBe(20);
    expect(codes.sort()[19]).toBe('ttpvhcc-250303-0020');
  });

  it('takes an online submission (1), then accepts it (2 → 4) or refuses it (3) with form 03', async () => {
    const t = await createDossierTestApp();
    const first = await call<DossierBody>(t, undefined, 'POST', '/api/submissions', submission());
    const second = await call<DossierBody>(t, undefined, 'POST', '/api/submissions', submission());
    expect(first.status).toBe(201);
    expect(first.body.status).toBe(1);
    const accepted = await call<DossierBody>(t, 'official.motcua', 'POST', `/api/dossiers/${first.body.id}/accept`, {});
    expect(accepted.body.status).toBe(4);
    expect(accepted.body.appointmentAt).toBeDefined();
    // only the receiving agency accepts
    expect((await call(t, 'official.dkkd', 'POST', `/api/dossiers/${second.body.id}/refuse`, { reason: 'x' })).status).toBe(403);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${second.body.id}/refuse`, {})).status).toBe(400);
    const refused = await call<DossierBody>(t, 'official.motcua', 'POST', `/api/dossiers/${second.body.id}/refuse`, { reason: 'Sai thủ tục' });
    expect(refused.body.status).toBe(3);
    const notice = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${second.body.id}/forms/03`);
    expect(notice.status).toBe(200);
    expect(notice.body).toContain('Sai thủ tục');
    // a refused dossier cannot be accepted any more
    const late = await call(t, 'official.motcua', 'POST', `/api/dossiers/${second.body.id}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('rate-limits online submissions per client address with 429 and Retry-After', async () => {
    const t = await createDossierTestApp({ submissionLimit: { limit: 2, windowMs: 60_000 } });
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 2; i += 1) expect((await call(t, undefined, 'POST', '/api/submissions', submission(), headers)).status).toBe(201);
    const refused = await call(t, undefined, 'POST', '/api/submissions', submission(), headers);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
  });

  it('shows a dossier to the units it was routed to and supervisors in scope only, and lists what each may read', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`)).status).toBe(200);
    // not yet routed to agency B
    const early = await call(t, 'official.xaydung', 'GET', `/api/dossiers/${dossier.id}`);
    expect(early.status).toBe(403);
    expect((await call(t, 'supervisor', 'GET', `/api/dossiers/${dossier.id}`)).status).toBe(200);
    expect((await call(t, 'supervisor.xa', 'GET', `/api/dossiers/${dossier.id}`)).status).toBe(403);
    expect((await call(t, 'official.motcua', 'GET', '/api/dossiers/khong-co')).status).toBe(404);
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/progress`)).status).toBe(200);
    expect((await call(t, 'official.xaydung', 'GET', `/api/dossiers/${dossier.id}/audit`)).status).toBe(403);
    // once routed there, agency A reads it
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    expect((await call(t, 'official.dkkd', 'GET', `/api/dossiers/${dossier.id}`)).status).toBe(200);
    const listA = await call<{ total: number }>(t, 'official.dkkd', 'GET', '/api/dossiers?status=4');
    expect(listA.body.total).toBe(1);
    const listB = await call<{ total: number }>(t, 'official.xaydung', 'GET', '/api/dossiers');
    expect(listB.body.total).toBe(0);
    expect((await call(t, 'official.dkkd', 'GET', '/api/dossiers?status=11')).status).toBe(400);
    expect((await call(t, 'analyst', 'GET', '/api/dossiers')).status).toBe(403);
    const province = await call<{ total: number; items: { id: string }[] }>(t, 'supervisor', 'GET', '/api/dossiers?limit=1');
    expect([province.body.total, province.body.items.map((d) => d.id)]).toEqual([1, [dossier.id]]);
    expect((await call<{ total: number }>(t, 'supervisor.xa', 'GET', '/api/dossiers')).body.total).toBe(0);
  });

  it('withdraws, stops and finishes by hand, closing the route, and refuses changes after a terminal status', async () => {
    const t = await createDossierTestApp();
    const [a, b, c] = [await receive(t), await receive(t), await receive(t)];
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${a.id}/withdraw`, { reason: 'Công dân rút' })).body.status).toBe(7);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${b.id}/stop`, { reason: 'Không đủ điều kiện' })).body.status).toBe(8);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${c.id}/finish`, {})).body.status).toBe(9);
    for (const dossier of [a, b, c]) {
      expect((await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 5 })).items).toEqual([]);
      expect((await t.stores.timers.listByDossier(dossier.id)).filter((timer) => timer.status === 'scheduled' && timer.stepId)).toEqual([]);
    }
    const again = await call(t, 'official.motcua', 'POST', `/api/dossiers/${a.id}/stop`, { reason: 'x' });
    expect(again.status).toBe(409);
    expect((await call(t, 'official.xaydung', 'POST', `/api/dossiers/${c.id}/return-result`, {})).status).toBe(403);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${c.id}/return-result`, {})).body.status).toBe(10);
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers/khong-co/withdraw', { reason: 'x' })).status).toBe(404);
  });

  it('pauses for fees (6) and resumes on payment (4)', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-requests`, { amount: 500000, reason: 'Lệ phí' })).body.status).toBe(6);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-requests`, { amount: 500000, reason: 'Lệ phí' })).status).toBe(409);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-payments`, { amount: -1 })).status).toBe(400);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-payments`, { amount: 500000 })).body.status).toBe(4);
  });

  it('gives a new appointment once with form 04, refuses a second and an earlier one', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const later = new Date(Date.parse(dossier.appointmentAt!) + 2 * 86_400_000).toISOString();
    const earlier = new Date(Date.parse(dossier.appointmentAt!) - 86_400_000).toISOString();
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/reappointments`, { newAppointmentAt: earlier, reason: 'x' })).status).toBe(422);
    const moved = await call<DossierBody>(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/reappointments`, { newAppointmentAt: later, reason: 'Chờ ý kiến cơ quan phối hợp' });
    expect(moved.status).toBe(200);
    expect(moved.body.appointmentAt).toBe(later);
    const letter = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/04`);
    expect(letter.body).toContain('Chờ ý kiến cơ quan phối hợp');
    const second = await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/reappointments`, { newAppointmentAt: new Date(Date.parse(later) + 86_400_000).toISOString(), reason: 'y' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REAPPOINTMENT_LIMIT_REACHED');
  });

  it('prints forms 01 and 05 with the dossier code, and answers 409 for a form without data and 400 for an unknown form', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const receipt = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/01`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toContain(dossier.dossierCode);
    expect(receipt.body).toContain('Giấy đề nghị');
    const slip = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/05`);
    expect(slip.status).toBe(200);
    expect(slip.body).toContain('Sở Tài chính');
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/02`)).status).toBe(409);
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/07`)).status).toBe(400);
  });

  it('describes the dossier, step and inbox routes in the OpenAPI document', async () => {
    const t = await createDossierTestApp();
    const document = await call<{ paths: Record<string, unknown> }>(t, undefined, 'GET', '/api/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/dossiers', '/api/dossiers/{id}/supplement-requests', '/api/steps/{id}/complete', '/api/inbox', '/api/submissions', '/api/dossiers/{id}/forms/{form}']),
    );
  });
});
