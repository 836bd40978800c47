/**
 * Intake at the counter (Decree 61/2018/NĐ-CP Art. 19(2)) through `POST /api/dossiers`: received with the checklist's
 * components (form 01), a supplement asked for on the spot (status 5, form 02; processing starts when it arrives),
 * or refused (status 3, form 03); and a request sent twice with one Idempotency-Key makes one dossier.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT, call, createDossierTestApp, FIXTURE_KEY, inbox, VALID_FORM, type DossierBody } from '../dossiers/dossier-fixture';

const intake = (outcome?: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  procedureKey: FIXTURE_KEY,
  applicant: APPLICANT,
  form: VALID_FORM,
  documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1, componentId: 'giay-de-nghi' }],
  ...(outcome ? { outcome } : {}),
  ...overrides,
});

describe('counter intake', () => {
  it('receives a dossier with the checklist\'s components named by their id, and prints form 01', async () => {
    const t = await createDossierTestApp();
    // when the counter receives it
    const answer = await call<DossierBody & { documents: { componentId?: string }[] }>(t, 'official.motcua', 'POST', '/api/dossiers', intake({ kind: 'accepted' }, { resultDelivery: 'post' }));
    // then it is in process with its appointment, and each document keeps its component id
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe(4);
    expect(answer.body.documents).toEqual([{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1, componentId: 'giay-de-nghi' }]);
    const form01 = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/forms/01`);
    expect(form01.body).toContain('Giấy đề nghị');
    // with the result sent by post to the applicant's address, as asked
    expect(form01.body).toContain('Qua dịch vụ bưu chính công ích, đến địa chỉ Số 1 Tràng Tiền, Hà Nội');
    // and the answer explains the appointment: received Monday 3/3/2025 08:37, the fixture's working-day budget, the weekend skipped
    const explanation = (answer.body as { appointmentExplanation?: { vi: string; en: string } }).appointmentExplanation;
    expect(explanation?.vi).toMatch(/^Hạn: .* ngày làm việc, tính từ Thứ Hai 3\/3\/2025 08:37\./);
    expect(explanation?.en).toMatch(/^Due /);
  });

  it('asks for a supplement on the spot: status 5 with form 02 listing what is missing; processing starts when it arrives', async () => {
    const t = await createDossierTestApp();
    // when the counter finds a component missing
    const outcome = { kind: 'supplementRequested', missingComponents: [{ name: 'Bản sao Điều lệ công ty' }], reason: 'Hồ sơ thiếu Điều lệ' };
    const answer = await call<DossierBody>(t, 'official.motcua', 'POST', '/api/dossiers', intake(outcome));
    // then the dossier waits for the citizen, with no step open yet, and form 02 lists the component
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe(5);
    expect((await inbox(t, 'official.motcua')).filter((item) => item.dossierId === answer.body.id)).toEqual([]);
    const form02 = await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/forms/02`);
    expect(form02.status).toBe(200);
    expect(form02.body).toContain('Bản sao Điều lệ công ty');
    expect(form02.body).toContain('Hồ sơ thiếu Điều lệ');
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/forms/01`)).status).toBe(409);
    // when the citizen brings it
    const supplemented = await call<DossierBody>(t, 'official.motcua', 'POST', `/api/dossiers/${answer.body.id}/supplements`, {
      documents: [{ name: 'Bản sao Điều lệ công ty', copyType: 'copy', quantity: 1 }],
    });
    // then it is in process and its first step is in the counter's inbox
    expect(supplemented.status).toBe(200);
    expect(supplemented.body.status).toBe(4);
    expect((await inbox(t, 'official.motcua')).filter((item) => item.dossierId === answer.body.id)).toHaveLength(1);
  });

  it('refuses at the counter: status 3 with form 03 and the reason, whatever the e-form holds', async () => {
    const t = await createDossierTestApp();
    // when the counter refuses a dossier whose e-form is incomplete
    const answer = await call<DossierBody>(t, 'official.motcua', 'POST', '/api/dossiers', intake({ kind: 'refused', reason: 'Không thuộc thẩm quyền giải quyết' }, { form: {} }));
    // then it is not received, and form 03 gives the reason
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe(3);
    expect(answer.body.appointmentAt).toBeUndefined();
    const progress = await call<{ status: number }[]>(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/progress`);
    expect(progress.body.map((record) => record.status)).toEqual([1, 3]);
    expect((await call<string>(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/forms/03`)).body).toContain('Không thuộc thẩm quyền giải quyết');
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${answer.body.id}/forms/01`)).status).toBe(409);
  });

  it('refuses an outcome without its reason or missing components with 400, storing nothing', async () => {
    const t = await createDossierTestApp();
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', intake({ kind: 'refused' }))).status).toBe(400);
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', intake({ kind: 'supplementRequested', reason: 'x', missingComponents: [] }))).status).toBe(400);
    expect((await call(t, 'official.motcua', 'POST', '/api/dossiers', intake({ kind: 'accepted' }, { form: { capital: 'nhiều' } }))).status).toBe(400);
    expect((await t.stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('makes one dossier of two identical requests with the same Idempotency-Key, even sent together', async () => {
    const t = await createDossierTestApp();
    const headers = { 'idempotency-key': 'quay-1-lan-bam-1' };
    // when a double click sends the request twice at once, and once more later
    const [first, second] = await Promise.all([0, 1].map(() => call<DossierBody>(t, 'official.motcua', 'POST', '/api/dossiers', intake(), headers)));
    const third = await call<DossierBody>(t, 'official.motcua', 'POST', '/api/dossiers', intake(), headers);
    // then one dossier exists; the other answers are its replay or "in progress"
    expect((await t.stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(1);
    const created = [first!, second!].find((answer) => answer.status === 201)!;
    for (const answer of [first!, second!]) expect([201, 409]).toContain(answer.status);
    expect(third.body.id).toBe(created.body.id);
  });
});
