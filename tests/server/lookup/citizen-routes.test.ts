/**
 * The citizen's capability on one dossier, tested as an attacker would: a token from the submission or the lookup
 * uploads components (status 1) and a supplement (status 5) to that dossier only; another dossier's, an expired or a
 * forged token, a session in its place, or the token on an official route are refused before anything is read or
 * stored; uploads have the counter's limits, types and hashes, and are bounded per address and per dossier.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, fixtureWithPolicy, openStepOf, VALID_FORM, type TestApp } from '../dossiers/dossier-fixture';
import { vn } from '../sweeper/sweeper-fixture';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const MISSING = [{ name: 'Bản sao Điều lệ công ty', detail: 'thiếu chữ ký' }, { name: 'Danh sách thành viên' }];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Submitted {
  id: string;
  dossierCode: string;
  status: number;
  citizenToken: { token: string; expiresAt: string };
}

async function submit(t: TestApp, idNumber = APPLICANT.idNumber): Promise<Submitted> {
  const answer = await call<Submitted>(t, undefined, 'POST', '/api/submissions', { procedureKey: FIXTURE_KEY, agencyId: 'ttpvhcc', applicant: { ...APPLICANT, idNumber }, form: VALID_FORM });
  if (answer.status !== 201) throw new Error(`submit: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function upload(t: TestApp, dossierId: string, headers: Record<string, string>, file: { name: string; bytes: Uint8Array }, componentCode?: string) {
  const form = new FormData();
  form.append('file', new File([file.bytes.slice()], file.name));
  if (componentCode) form.append('componentCode', componentCode);
  const response = await t.app.request(`/api/citizen/dossiers/${encodeURIComponent(dossierId)}/attachments`, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const withToken = (token: string) => ({ 'x-citizen-token': token });

/** Accepted at the counter, handed to the finance review, and asked to supplement there (status 5). */
async function askedToSupplement(t: TestApp, dossierId: string) {
  await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossierId}/accept`, {});
  await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossierId)).id);
  const review = await openStepOf(t, 'official.dkkd', dossierId);
  const asked = await call<{ status: number }>(t, 'official.dkkd', 'POST', `/api/dossiers/${dossierId}/supplement-requests`, {
    stepId: review.id,
    missingComponents: MISSING,
    reason: 'Hồ sơ chưa đầy đủ',
    contactOfficial: { name: 'Lê Thị Hoa', unit: 'Phòng Đăng ký kinh doanh', phone: '02439876543' },
  });
  expect(asked.body.status).toBe(5);
  return review;
}

const lookup = (t: TestApp, code: string, idNumber = APPLICANT.idNumber) =>
  call<Record<string, any>>(t, undefined, 'GET', `/api/lookup?${new URLSearchParams({ code, idNumber })}`);

describe('the citizen capability on one dossier', () => {
  it('uploads a component with the submission\'s token while the dossier is new (status 1), stored with its SHA-256', async () => {
    // given a dossier submitted online
    const t = await createDossierTestApp({ startAt: vn(2025, 3, 3, 9, 0) });
    const dossier = await submit(t);
    expect(dossier.status).toBe(1);
    expect(Date.parse(dossier.citizenToken.expiresAt) - t.clock.now()).toBe(30 * 60_000);
    // when the citizen uploads the application form with it
    const answer = await upload(t, dossier.id, withToken(dossier.citizenToken.token), { name: 'don-de-nghi.pdf', bytes: PDF });
    // then it is stored as the counter stores files: our content type, its size and hash, the citizen as uploader
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ filename: 'don-de-nghi.pdf', contentType: 'application/pdf', size: PDF.byteLength, sha256: sha256(PDF) });
    const stored = await t.attachments.listByDossier(dossier.id);
    expect(stored.map((a) => [a.sha256, a.uploadedBy])).toEqual([[sha256(PDF), `citizen:${APPLICANT.idNumber}`]]);
    const listed = await call<{ items: unknown[] }>(t, undefined, 'GET', `/api/citizen/dossiers/${dossier.id}/attachments`, undefined, withToken(dossier.citizenToken.token));
    expect(listed.body.items).toHaveLength(1);
  });

  it('refuses dossier A\'s token on dossier B, and on an unknown id, with the same 401, storing nothing', async () => {
    // given two citizens' dossiers
    const t = await createDossierTestApp();
    const a = await submit(t, '001085000001');
    const b = await submit(t, '001085000002');
    // when A's token is used on B, and on a made-up id
    const onB = await upload(t, b.id, withToken(a.citizenToken.token), { name: 'x.pdf', bytes: PDF });
    const onNothing = await upload(t, 'no-such-dossier', withToken(a.citizenToken.token), { name: 'x.pdf', bytes: PDF });
    const listB = await call(t, undefined, 'GET', `/api/citizen/dossiers/${b.id}/attachments`, undefined, withToken(a.citizenToken.token));
    // then both are 401 with one body, and B carries nothing
    expect(onB.status).toBe(401);
    expect(onNothing.status).toBe(401);
    expect(onB.body).toEqual({ ...onNothing.body, instance: onB.body.instance });
    expect(listB.status).toBe(401);
    expect(await t.attachments.listByDossier(b.id)).toEqual([]);
  });

  it('refuses an expired token, a forged one and none at all, storing nothing', async () => {
    // given a token issued 31 minutes ago
    const t = await createDossierTestApp();
    const dossier = await submit(t);
    t.clock.advance(31 * 60_000);
    // when it is used, and a token with its signature changed, and no token
    const expired = await upload(t, dossier.id, withToken(dossier.citizenToken.token), { name: 'x.pdf', bytes: PDF });
    const [header, payload] = dossier.citizenToken.token.split('.');
    const forged = await upload(t, dossier.id, withToken(`${header}.${payload}.${'A'.repeat(43)}`), { name: 'x.pdf', bytes: PDF });
    const none = await upload(t, dossier.id, {}, { name: 'x.pdf', bytes: PDF });
    // then each is 401 UNAUTHENTICATED, the first saying it expired, and nothing is stored
    expect([expired.status, forged.status, none.status]).toEqual([401, 401, 401]);
    expect(expired.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'expired' });
    expect(forged.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid' });
    expect(await t.attachments.listByDossier(dossier.id)).toEqual([]);
  });

  it('grants no official route: the citizen token as a session is 401, and beside no session it is anonymous', async () => {
    // given a citizen token
    const t = await createDossierTestApp();
    const dossier = await submit(t);
    const token = dossier.citizenToken.token;
    const asBearer = { authorization: `Bearer ${token}` };
    // when it is sent as a bearer token and in its own header to officials' routes
    const read = await call(t, undefined, 'GET', `/api/dossiers/${dossier.id}`, undefined, asBearer);
    const accept = await call(t, undefined, 'POST', `/api/dossiers/${dossier.id}/accept`, {}, asBearer);
    const inbox = await call(t, undefined, 'GET', '/api/inbox', undefined, withToken(token));
    const official = await upload(t, dossier.id, asBearer, { name: 'x.pdf', bytes: PDF }).then(async () => {
      const form = new FormData();
      form.append('file', new File([PDF.slice()], 'x.pdf'));
      const response = await t.app.request(`/api/dossiers/${dossier.id}/attachments`, { method: 'POST', headers: withToken(token), body: form });
      return response.status;
    });
    // and an official's session is sent to the citizen's route without the citizen token
    const session = await upload(t, dossier.id, await t.as('official.motcua'), { name: 'x.pdf', bytes: PDF });
    // then every one is 401, and the dossier is still new with nothing attached
    expect([read.status, accept.status, inbox.status, official, session.status]).toEqual([401, 401, 401, 401, 401]);
    expect((await t.stores.dossiers.get(dossier.id))?.status).toBe(1);
    expect(await t.attachments.listByDossier(dossier.id)).toEqual([]);
  });

  it('refuses an oversize file (413) and a wrong type by extension or content (415) with the counter\'s limits, storing nothing', async () => {
    // given files of at most 1 KiB
    const t = await createDossierTestApp({ attachmentLimits: { maxFileBytes: 1024, maxDossierBytes: 4096 } });
    const dossier = await submit(t);
    const headers = withToken(dossier.citizenToken.token);
    // when the citizen uploads 2 KiB, an executable named .pdf, and an HTML page
    const big = new Uint8Array(2048);
    big.set(PDF);
    const oversize = await upload(t, dossier.id, headers, { name: 'to.pdf', bytes: big });
    const disguised = await upload(t, dossier.id, headers, { name: 'don.pdf', bytes: EXE });
    const html = await upload(t, dossier.id, headers, { name: 'trang.html', bytes: new TextEncoder().encode('<html></html>') });
    // then
    expect(oversize).toMatchObject({ status: 413, body: { code: 'ATTACHMENT_TOO_LARGE' } });
    expect(disguised).toMatchObject({ status: 415, body: { code: 'ATTACHMENT_TYPE_NOT_ALLOWED' } });
    expect(html).toMatchObject({ status: 415, body: { code: 'ATTACHMENT_TYPE_NOT_ALLOWED' } });
    expect(await t.attachments.listByDossier(dossier.id)).toEqual([]);
  });

  it('bounds a citizen to 30 files per dossier and 60 uploads per address in 10 minutes (429 with Retry-After)', async () => {
    // given a new dossier
    const t = await createDossierTestApp();
    const dossier = await submit(t);
    const headers = { ...withToken(dossier.citizenToken.token), 'x-forwarded-for': '203.0.113.7' };
    // when the citizen sends 61 uploads
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await upload(t, dossier.id, headers, { name: `tep-${i}.pdf`, bytes: PDF })).status);
    // then 30 are stored, the next 30 refused for the count, and the 61st is rate-limited
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(30, 60).every((status) => status === 409)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(await t.attachments.listByDossier(dossier.id)).toHaveLength(30);
  });

  it('gives no token, and refuses uploads, once the dossier is in process (status 4)', async () => {
    // given a submission accepted at the counter
    const t = await createDossierTestApp();
    const dossier = await submit(t);
    await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/accept`, {});
    // when the citizen looks it up, and uploads with the submission's still valid token
    const found = await lookup(t, dossier.dossierCode);
    const late = await upload(t, dossier.id, withToken(dossier.citizenToken.token), { name: 'x.pdf', bytes: PDF });
    const supplement = await call(t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/supplements`, {}, withToken(dossier.citizenToken.token));
    // then
    expect(found.body.status).toBe(4);
    expect(found.body.citizenToken).toBeUndefined();
    expect(late).toMatchObject({ status: 409, body: { code: 'CITIZEN_ACTION_NOT_ALLOWED' } });
    expect(supplement).toMatchObject({ status: 409, body: { code: 'CITIZEN_ACTION_NOT_ALLOWED' } });
    expect(await t.attachments.listByDossier(dossier.id)).toEqual([]);
  });
});

describe('the online supplement', () => {
  it('shows what form 02 asked for, takes the missing files from the lookup\'s token, records the supplement and resumes the clock', async () => {
    // given a dossier asked to supplement on Tuesday 4/3/2025 under the pause policy
    const t = await createDossierTestApp({ startAt: vn(2025, 3, 3, 9, 0) });
    const dossier = await submit(t);
    t.clock.set(vn(2025, 3, 4, 9, 0));
    const review = await askedToSupplement(t, dossier.id);

    // when the citizen looks it up on Wednesday
    t.clock.set(vn(2025, 3, 5, 10, 0));
    const found = await lookup(t, dossier.dossierCode);
    // then they see the missing list, the reason, whom to contact, that the law sets no deadline, and the paused step
    expect(found.status).toBe(200);
    expect(found.body.status).toBe(5);
    expect(found.body.supplement).toMatchObject({
      number: 1,
      missingComponents: MISSING,
      reason: 'Hồ sơ chưa đầy đủ',
      contactOfficial: { name: 'Lê Thị Hoa', unit: 'Phòng Đăng ký kinh doanh', phone: '02439876543' },
      policy: 'pause',
    });
    expect(found.body.supplement.deadlineAt).toBeUndefined();
    expect(found.body.supplement.deadlineExplanation.vi).toContain('không quy định thời hạn bổ sung');
    expect(found.body.appointmentExplanation.vi).toContain('Đang tạm dừng từ Thứ Ba 4/3/2025 09:00');
    const token = found.body.citizenToken.token as string;

    // when a file names no listed component it is refused; then each missing component is uploaded
    const unnamed = await upload(t, dossier.id, withToken(token), { name: 'khac.pdf', bytes: PDF }, 'Giấy khác');
    expect(unnamed).toMatchObject({ status: 400, body: { code: 'COMPONENT_UNKNOWN' } });
    for (const component of MISSING) expect((await upload(t, dossier.id, withToken(token), { name: 'bo-sung.pdf', bytes: PDF }, component.name)).status).toBe(201);
    const sent = await call<{ status: number }>(t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/supplements`, { note: 'Đã bổ sung đủ' }, withToken(token));

    // then the supplement is recorded, the dossier is back in process and the review's clock runs again
    expect(sent).toMatchObject({ status: 200, body: { status: 4 } });
    const stored = await t.stores.dossiers.get(dossier.id);
    const state = stored!.state as { supplementRequests: { receivedAt?: number }[]; documents: { name: string; copyType: string }[] };
    expect(state.supplementRequests[0]!.receivedAt).toBe(vn(2025, 3, 5, 10, 0));
    expect(state.documents).toEqual(expect.arrayContaining(MISSING.map((m) => ({ name: m.name, copyType: 'electronic', quantity: 1 }))));
    const attachments = await t.attachments.listByDossier(dossier.id);
    // (uploaded at one instant, so in no particular order)
    expect(attachments.map((a) => [a.componentCode, a.sha256]).sort()).toEqual(MISSING.map((m) => [m.name, sha256(PDF)]).sort());
    const again = await openStepOf(t, 'official.dkkd', dossier.id);
    expect(again.id).not.toBe(review.id);
    const step = await t.stores.steps.get(again.id);
    expect((step!.clock as { context: { clock: { pauses: { resumedAt?: number }[] } } }).context.clock.pauses.every((p) => p.resumedAt !== undefined)).toBe(true);
    const after = await lookup(t, dossier.dossierCode);
    expect(after.body.status).toBe(4);
    expect(after.body.supplement).toBeUndefined();
    expect(after.body.appointmentExplanation.vi).toMatch(/Tạm dừng từ Thứ Ba 4\/3\/2025 09:00 đến Thứ Tư 5\/3\/2025 10:00 \(chờ công dân bổ sung hồ sơ\): thời gian này không tính\./);
    const audit = await t.stores.audit.listByDossier(dossier.id);
    expect(audit.at(-1)).toMatchObject({ action: 'supplement.received' });
  });

  it('refuses to record a supplement before any file was uploaded for it', async () => {
    const t = await createDossierTestApp();
    const dossier = await submit(t);
    await askedToSupplement(t, dossier.id);
    const token = (await lookup(t, dossier.dossierCode)).body.citizenToken.token as string;
    // when the citizen sends the supplement with nothing uploaded
    const empty = await call(t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/supplements`, {}, withToken(token));
    // then it is refused and the dossier still waits
    expect(empty).toMatchObject({ status: 409, body: { code: 'SUPPLEMENT_FILES_MISSING' } });
    expect((await t.stores.dossiers.get(dossier.id))?.status).toBe(5);
  });

  it('tells the end of the citizen\'s window under a bounded wait, counted in working days', async () => {
    // given a bounded wait of 7 working days, asked on Tuesday 4/3/2025 09:00
    const t = await createDossierTestApp({ xml: fixtureWithPolicy('boundedWait', 7), startAt: vn(2025, 3, 3, 9, 0) });
    const dossier = await submit(t);
    t.clock.set(vn(2025, 3, 4, 9, 0));
    await askedToSupplement(t, dossier.id);
    // when the citizen looks it up
    const found = await lookup(t, dossier.dossierCode);
    // then the deadline is 7 working days later, skipping the weekend: Thursday 13/3/2025 09:00
    expect(found.body.supplement.policy).toBe('boundedWait');
    expect(found.body.supplement.deadlineAt).toBe(new Date(vn(2025, 3, 13, 9, 0)).toISOString());
    expect(found.body.supplement.deadlineExplanation.vi).toContain('Hạn chót bổ sung: Thứ Năm 13/3/2025 09:00');
    expect(found.body.supplement.deadlineExplanation.vi).toContain('2 ngày nghỉ hằng tuần');
  });
});
