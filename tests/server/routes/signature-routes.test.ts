/** Ký số over HTTP (issue 20): an official's PKCS#12 kept sealed, a form signed and verified, tampering and bad certificates refused. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySigningCertificateStore } from '../../../server/src/persistence/memory/memory-signing-certificate-store';
import { createCscSigningClient } from '../../../server/src/signatures/csc-signing-client';
import type { SigningDeps } from '../../../server/src/signatures/signing-deps';
import { createCscSigningServiceDouble } from '../../support/csc-signing-service-double';
import { pdfTextOf } from '../../support/poppler';
import { createTestCertificateAuthority, toPkcs12, type TestCertificateAuthority } from '../../support/test-certificate-authority';
import { call, complete, createDossierTestApp, openStepOf, receive, type TestApp } from '../dossiers/dossier-fixture';

const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };
const PASSWORD = 'mật-khẩu-p12';

let ca: TestCertificateAuthority;

beforeAll(() => {
  ca = createTestCertificateAuthority();
});

function signingDeps(overrides: Partial<SigningDeps> = {}): SigningDeps {
  return { sealingKey: randomBytes(32), trustAnchors: [ca.root.pem], certificates: new MemorySigningCertificateStore(), location: 'Demo', ...overrides };
}

async function postPdf(t: TestApp, user: string, pdf: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await t.app.request('/api/signatures/verify', { method: 'POST', headers: { ...(await t.as(user)), 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signedForm(t: TestApp, user: string, dossierId: string, body: Record<string, unknown>): Promise<Response> {
  return t.app.request(`/api/dossiers/${dossierId}/forms/01/signed-pdf`, { method: 'POST', headers: { ...(await t.as(user)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function receivedDossier(t: TestApp) {
  const dossier = await receive(t);
  await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
  return dossier;
}

describe('ký số over HTTP', () => {
  it('keeps an official’s PKCS#12 sealed, signs form 01 with it, and verifies the download; a tampered copy is refused', async () => {
    // given
    const signing = signingDeps();
    const t = await createDossierTestApp({ signing });
    const dossier = await receivedDossier(t);
    const official = ca.issueOfficial('Trần Văn Một Cửa', VALID);
    const pkcs12 = toPkcs12(official, [ca.intermediate], PASSWORD);
    // when
    const uploaded = await call<Record<string, unknown>>(t, 'official.motcua', 'PUT', '/api/signing-certificates/mine', { pkcs12: pkcs12.toString('base64'), password: PASSWORD });
    const signed = await signedForm(t, 'official.motcua', dossier.id, { signWith: 'certificate' });
    // then
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ subject: 'Trần Văn Một Cửa', issuer: 'CA thử nghiệm cấp dưới' });
    expect(uploaded.body).not.toHaveProperty('sealed');
    const stored = JSON.stringify(await signing.certificates.get(uploaded.body.userId as string));
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(pkcs12.toString('base64').slice(0, 40));
    expect((await call(t, 'official.motcua', 'GET', '/api/signing-certificates/mine')).body).toMatchObject({ subject: 'Trần Văn Một Cửa' });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await signed.arrayBuffer());
    expect(pdfTextOf(pdf)).toContain(dossier.dossierCode);
    const verdict = await postPdf(t, 'official.motcua', pdf);
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ valid: true, signatures: [{ valid: true, signer: 'Trần Văn Một Cửa' }] });
    const tampered = Buffer.from(pdf);
    tampered[tampered.indexOf('/Creator') + 1] = 0x63;
    expect((await postPdf(t, 'supervisor', tampered)).body).toMatchObject({ valid: false, code: 'DOCUMENT_MODIFIED', message: expect.stringContaining('Tài liệu đã bị thay đổi sau khi ký') });
  });

  it('refuses an expired certificate, an untrusted one and a wrong password at upload, each with its reason in Vietnamese', async () => {
    // given
    const t = await createDossierTestApp({ signing: signingDeps() });
    const expired = ca.issueOfficial('Lê Thị Hết Hạn', { notBefore: new Date('2021-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') });
    const stranger = createTestCertificateAuthority('CA lạ');
    const untrusted = stranger.issueOfficial('Phạm Văn Lạ', VALID);
    const upload = (file: Buffer, password = PASSWORD) => call<{ code: string; detail: string }>(t, 'official.motcua', 'PUT', '/api/signing-certificates/mine', { pkcs12: file.toString('base64'), password });
    // when
    const answers = [
      await upload(toPkcs12(expired, [ca.intermediate], PASSWORD)),
      await upload(toPkcs12(untrusted, [stranger.intermediate], PASSWORD)),
      await upload(toPkcs12(ca.issueOfficial('Đúng Người', VALID), [ca.intermediate], PASSWORD), 'sai'),
    ];
    // then
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
      [422, 'CERTIFICATE_EXPIRED'],
      [422, 'CERTIFICATE_UNTRUSTED'],
      [422, 'PKCS12_UNREADABLE'],
    ]);
    expect(answers[0]!.body.detail).toContain('Chứng thư số "Lê Thị Hết Hạn" đã hết hạn');
    expect(answers[1]!.body.detail).toContain('không thuộc danh sách tin cậy');
    expect((await call(t, 'official.motcua', 'GET', '/api/signing-certificates/mine')).status).toBe(404);
  });

  it('signs through the remote signing service when the official chooses it, and asks for a certificate otherwise', async () => {
    // given
    const holder = ca.issueOfficial('Vũ Thị Ký Từ Xa', VALID);
    const service = createCscSigningServiceDouble({ accessToken: 'token', holder, chain: [ca.intermediate] });
    const remote = createCscSigningClient({ baseUrl: 'https://ky-so.test/csc/v2/', accessToken: 'token', fetch: service.fetch, wait: async () => undefined });
    const t = await createDossierTestApp({ signing: signingDeps({ remote }) });
    const dossier = await receivedDossier(t);
    // when
    const remotely = await signedForm(t, 'official.motcua', dossier.id, { signWith: 'remote', credentialId: 'office' });
    const withoutCertificate = await signedForm(t, 'official.motcua', dossier.id, { signWith: 'certificate' });
    // then
    expect(remotely.status).toBe(200);
    const verdict = await postPdf(t, 'official.motcua', Buffer.from(await remotely.arrayBuffer()));
    expect(verdict.body).toMatchObject({ valid: true, signatures: [{ signer: 'Vũ Thị Ký Từ Xa' }] });
    expect(withoutCertificate.status).toBe(409);
    expect(await withoutCertificate.json()).toMatchObject({ code: 'NO_SIGNING_CERTIFICATE', detail: 'Bạn chưa tải lên chứng thư số (.p12) để ký.' });
  });

  it('serves each form as a PDF to whoever may read the dossier, and answers 503 for signing when the server has no signing key', async () => {
    // given
    const t = await createDossierTestApp();
    const dossier = await receivedDossier(t);
    // when
    const pdf = await t.app.request(`/api/dossiers/${dossier.id}/forms/01/pdf`, { headers: await t.as('official.motcua') });
    const signing = await signedForm(t, 'official.motcua', dossier.id, { signWith: 'certificate' });
    // then
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('repr-digest')).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/);
    const text = pdfTextOf(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(dossier.dossierCode);
    expect(signing.status).toBe(503);
  });
});
