/**
 * The dossier's result as a signed electronic document, end to end over HTTP (issue 20): the investment registration
 * procedure of the library declares its certificate; the Department's director signs it with their certificate, the
 * signed PDF is kept as the dossier's result with its verdict, verified again on download, and the citizen downloads
 * it from the lookup. A tampered result, one signed with an expired certificate and one from an untrusted issuer are
 * refused on upload with the Vietnamese reason; a tampered component is kept and flagged. The test CA is made here.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryAttachmentStore } from '../../../server/src/persistence/memory/memory-attachment-store';
import { MemorySigningCertificateStore } from '../../../server/src/persistence/memory/memory-signing-certificate-store';
import { createCscSigningClient } from '../../../server/src/signatures/csc-signing-client';
import { createPkcs12Signer, openPkcs12 } from '../../../server/src/signatures/pkcs12-signer';
import { signPdf } from '../../../server/src/signatures/sign-pdf';
import type { SigningDeps } from '../../../server/src/signatures/signing-deps';
import { LIBRARY_SPECS } from '../../../procedures/tools/specs/library-specs';
import { exampleForm } from '../../procedures/support/library';
import jsQR from 'jsqr';
import { createCscSigningServiceDouble } from '../../support/csc-signing-service-double';
import { pdfTextOf, renderFirstPage, runPoppler } from '../../support/poppler';
import { createTestCertificateAuthority, toPkcs12, type TestCertificateAuthority } from '../../support/test-certificate-authority';
import { APPLICANT, call, complete, createDossierTestApp, openStepOf, type TestApp } from '../dossiers/dossier-fixture';

const SLUG = 'cap-giay-chung-nhan-dang-ky-dau-tu';
const XML = readFileSync(new URL(`../../../procedures/${SLUG}/${SLUG}.bpmn`, import.meta.url), 'utf8');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };
const PASSWORD = 'mật-khẩu-p12';
const DIRECTOR = 'head.taichinh';

let ca: TestCertificateAuthority;

beforeAll(() => {
  ca = createTestCertificateAuthority();
});

interface Attachment {
  id: string;
  kind?: string;
  sha256: string;
  signature?: { valid: boolean; code?: string; message: string; signatures: { valid: boolean; signer?: string; signingTime?: string }[] };
}

/** The investment dossier received and carried to "Lãnh đạo Sở ký Giấy chứng nhận", the director's step. */
async function dossierAtSigning(t: TestApp) {
  const received = await call<{ id: string; dossierCode: string }>(t, 'official.motcua', 'POST', '/api/dossiers', {
    procedureKey: SLUG,
    applicant: APPLICANT,
    form: exampleForm(SLUG),
    documents: [{ name: 'Văn bản đề nghị thực hiện dự án đầu tư', copyType: 'original', quantity: 1 }],
  });
  if (received.status !== 201) throw new Error(`receive: ${received.status} ${JSON.stringify(received.body)}`);
  const dossier = received.body;
  for (const user of ['official.motcua', 'official.dautu', 'head.dautu']) {
    const done = await complete(t, user, (await openStepOf(t, user, dossier.id)).id);
    if (done.status !== 200) throw new Error(`complete as ${user}: ${done.status} ${JSON.stringify(done.body)}`);
  }
  return dossier;
}

async function setUp(extra: Partial<SigningDeps> = {}) {
  const attachments = new MemoryAttachmentStore();
  const signing: SigningDeps = { sealingKey: randomBytes(32), trustAnchors: [ca.root.pem], certificates: new MemorySigningCertificateStore(), location: 'Hà Nội', ...extra };
  const t = await createDossierTestApp({ signing, attachments, xml: XML, deploy: false });
  const deployed = await call(t, 'analyst', 'POST', '/api/procedures', { key: SLUG, xml: XML });
  if (deployed.status !== 201) throw new Error(`deploy: ${JSON.stringify(deployed.body)}`);
  const director = ca.issueOfficial('Hoàng Văn Giám Đốc', VALID);
  const uploaded = await call(t, DIRECTOR, 'PUT', '/api/signing-certificates/mine', { pkcs12: toPkcs12(director, [ca.intermediate], PASSWORD).toString('base64'), password: PASSWORD });
  if (uploaded.status !== 200) throw new Error(`certificate: ${JSON.stringify(uploaded.body)}`);
  return { t, attachments, dossier: await dossierAtSigning(t) };
}

async function download(t: TestApp, user: string | undefined, path: string): Promise<Response> {
  return t.app.request(path, { headers: user ? await t.as(user) : {} });
}

async function uploadPdf(t: TestApp, dossierId: string, pdf: Buffer, kind?: 'result') {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(pdf)], 'ket-qua.pdf', { type: 'application/pdf' }));
  if (kind) form.append('kind', kind);
  const response = await t.app.request(`/api/dossiers/${dossierId}/attachments`, { method: 'POST', headers: await t.as(DIRECTOR), body: form });
  return { status: response.status, body: (await response.json()) as Attachment & { code?: string; detail?: string } };
}

/** A result PDF signed outside the server, by `holder` (a certificate the test makes), as another system would send it. */
async function signedElsewhere(t: TestApp, dossierId: string, holder: ReturnType<TestCertificateAuthority['issueOfficial']>, chain: ReturnType<TestCertificateAuthority['issueOfficial']>[], at: Date) {
  const draft = Buffer.from(await (await download(t, DIRECTOR, `/api/dossiers/${dossierId}/result/pdf`)).arrayBuffer());
  const signer = createPkcs12Signer(openPkcs12(toPkcs12(holder, chain, PASSWORD), PASSWORD));
  return signPdf(draft, { signer, signingTime: at, reason: 'Ký số kết quả', name: 'Nơi khác', location: 'Hà Nội' });
}

describe('the signed result of a dossier', () => {
  it('draws the declared certificate from the dossier and its e-form, with Vietnamese text, the QR code and the content hash', async () => {
    // given the investment dossier at the director's step
    const { t, dossier } = await setUp();
    // when the director reads the draft
    const response = await download(t, DIRECTOR, `/api/dossiers/${dossier.id}/result/pdf`);
    // then it is the certificate of the procedure's declaration, filled from the e-form, in a text layer with every tone mark
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfTextOf(pdf);
    expect(text).toContain('GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ');
    expect(text).toContain('Sở Tài chính chứng nhận nhà đầu tư Công ty cổ phần Sen Vàng');
    expect(text).toContain('Tên dự án: Nhà máy chế biến nông sản Sen Vàng');
    expect(text).toContain('Tổng vốn đầu tư: 120.000.000.000 đồng');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain(dossier.dossierCode);
    expect(text).toMatch(/Mã kiểm tra nội dung \(SHA-256\): [0-9a-f]{64}/);
    expect(text).not.toContain('{{');
    const page = renderFirstPage(pdf);
    expect(jsQR(page.rgba, page.width, page.height)?.data).toBe(dossier.dossierCode);
    // and it declares PDF/A-2b with the fonts embedded
    const metadata = pdf.toString('latin1');
    expect(metadata).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(metadata).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(metadata).toMatch(/<xmpMM:DocumentID>urn:sha256:[0-9a-f]{64}<\/xmpMM:DocumentID>/);
    const fonts = runPoppler('pdffonts', pdf).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => /NotoSans/.test(line) && /\byes\s+yes\s+yes\b/.test(line))).toBe(true);
  });

  it('signs the result, keeps it with its verdict, verifies it again on download, and the citizen downloads it from the lookup', async () => {
    // given the dossier at the director's step
    const { t, dossier } = await setUp();
    // when the director signs the result with their certificate
    const signed = await call<Attachment>(t, DIRECTOR, 'POST', `/api/dossiers/${dossier.id}/result`, { signWith: 'certificate' });
    // then it is kept as the dossier's result, its signature valid, signed by the director at the clock's instant
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ kind: 'result', signature: { valid: true, signatures: [{ valid: true, signer: 'Hoàng Văn Giám Đốc', signingTime: new Date(t.clock.now()).toISOString() }] } });
    expect(signed.body.signature!.message).toContain('Chữ ký số hợp lệ: ký bởi Hoàng Văn Giám Đốc');
    const listed = await call<{ items: Attachment[] }>(t, 'official.dautu', 'GET', `/api/dossiers/${dossier.id}/attachments`);
    expect(listed.body.items.filter((item) => item.kind === 'result')).toEqual([expect.objectContaining({ id: signed.body.id, signature: expect.objectContaining({ valid: true }) })]);
    // and on download the official gets the verdict checked again, and an independent reader (pdfsig) agrees
    const downloaded = await download(t, 'official.dautu', `/api/attachments/${signed.body.id}`);
    expect(downloaded.headers.get('x-signature-valid')).toBe('true');
    const pdf = Buffer.from(await downloaded.arrayBuffer());
    expect(pdf.toString('latin1')).toMatch(/<pdfaid:part>2<\/pdfaid:part>[\s\S]*\/ID \[/);
    expect(runPoppler('pdfsig', pdf)).toMatch(/Signer Certificate Common Name: Hoàng Văn Giám Đốc[\s\S]*Signature Validation: Signature is Valid\./);
    expect((await call(t, 'official.dautu', 'GET', `/api/attachments/${signed.body.id}/signatures`)).body).toMatchObject({ valid: true });
    // and the citizen, with the code and their ID number, sees the verdict and downloads the same bytes
    const query = `code=${encodeURIComponent(dossier.dossierCode)}&idNumber=${APPLICANT.idNumber}`;
    const lookup = await call<{ result?: Attachment & { filename: string } }>(t, undefined, 'GET', `/api/lookup?${query}`);
    expect(lookup.body.result).toMatchObject({ filename: `ket-qua-${dossier.dossierCode}.pdf`, sha256: signed.body.sha256, signature: { valid: true, signatures: [{ signer: 'Hoàng Văn Giám Đốc' }] } });
    const citizenCopy = await download(t, undefined, `/api/lookup/result?${query}`);
    expect(citizenCopy.status).toBe(200);
    expect(Buffer.from(await citizenCopy.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download(t, undefined, `/api/lookup/result?code=${encodeURIComponent(dossier.dossierCode)}&idNumber=001099999999`)).status).toBe(404);
  });

  it('signs the result through the remote signing service (CSC API v2, an HSM credential) when the director chooses it', async () => {
    // given a remote signing service holding the director's key in an HSM (a test double speaking the protocol)
    const holder = ca.issueOfficial('Hoàng Văn Giám Đốc', VALID);
    const service = createCscSigningServiceDouble({ accessToken: 'token', holder, chain: [ca.intermediate] });
    const remote = createCscSigningClient({ baseUrl: 'https://ky-so.test/csc/v2/', accessToken: 'token', fetch: service.fetch, wait: async () => undefined });
    const { t, dossier } = await setUp({ remote });
    // when the director signs remotely
    const signed = await call<Attachment>(t, DIRECTOR, 'POST', `/api/dossiers/${dossier.id}/result`, { signWith: 'remote', credentialId: 'office' });
    // then the result is kept with a valid signature by the key holder
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ kind: 'result', signature: { valid: true, signatures: [{ signer: 'Hoàng Văn Giám Đốc' }] } });
    expect(service.signedHashes).toHaveLength(1);
  });

  it('refuses a tampered result, one signed with an expired certificate and one from an untrusted issuer, each with its reason, and flags a tampered component', async () => {
    // given the signed result and three bad copies
    const { t, dossier } = await setUp();
    const signed = await call<Attachment>(t, DIRECTOR, 'POST', `/api/dossiers/${dossier.id}/result`, { signWith: 'certificate' });
    const pdf = Buffer.from(await (await download(t, DIRECTOR, `/api/attachments/${signed.body.id}`)).arrayBuffer());
    const tampered = Buffer.from(pdf.toString('latin1').replace('Sen Vàng', 'Sen Vang').replace('/Reason (', '/Reason (X'), 'latin1');
    tampered[tampered.indexOf('/Creator') + 1] = 0x63;
    const expiredHolder = ca.issueOfficial('Lê Thị Hết Hạn', { notBefore: new Date('2021-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') });
    const expired = await signedElsewhere(t, dossier.id, expiredHolder, [ca.intermediate], new Date(t.clock.now()));
    const stranger = createTestCertificateAuthority('CA lạ');
    const untrusted = await signedElsewhere(t, dossier.id, stranger.issueOfficial('Phạm Văn Lạ', VALID), [stranger.intermediate], new Date(t.clock.now()));
    // when each is uploaded as the dossier's result
    const answers = [await uploadPdf(t, dossier.id, tampered, 'result'), await uploadPdf(t, dossier.id, expired, 'result'), await uploadPdf(t, dossier.id, untrusted, 'result')];
    // then each is refused with its code and Vietnamese reason, and nothing is kept
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
      [422, 'DOCUMENT_MODIFIED'],
      [422, 'CERTIFICATE_EXPIRED'],
      [422, 'CERTIFICATE_UNTRUSTED'],
    ]);
    expect(answers[0]!.body.detail).toContain('Tài liệu đã bị thay đổi sau khi ký');
    expect(answers[1]!.body.detail).toContain('đã hết hạn');
    expect(answers[2]!.body.detail).toContain('không thuộc danh sách tin cậy');
    const listed = await call<{ items: Attachment[] }>(t, DIRECTOR, 'GET', `/api/dossiers/${dossier.id}/attachments`);
    expect(listed.body.items.map((item) => item.id)).toEqual([signed.body.id]);
    // and the tampered copy uploaded as an ordinary component is kept, flagged with the same reason
    const component = await uploadPdf(t, dossier.id, tampered);
    expect(component.status).toBe(201);
    expect(component.body.signature).toMatchObject({ valid: false, code: 'DOCUMENT_MODIFIED' });
    expect(component.body).not.toHaveProperty('kind');
  });

  it('checks a signed PDF the citizen uploads online and keeps it flagged with the reason, for the official to see', async () => {
    // given a tampered signed PDF and a dossier the citizen submitted online (status 1, with its token)
    const { t, dossier } = await setUp();
    const stranger = createTestCertificateAuthority('CA lạ');
    const untrusted = await signedElsewhere(t, dossier.id, stranger.issueOfficial('Phạm Văn Lạ', VALID), [stranger.intermediate], new Date(t.clock.now()));
    const submitted = await call<{ id: string; citizenToken: { token: string } }>(t, undefined, 'POST', '/api/submissions', { procedureKey: SLUG, applicant: APPLICANT, form: exampleForm(SLUG) });
    const component = LIBRARY_SPECS.find((spec) => spec.slug === SLUG)!.components[0]!.id;
    // when the citizen uploads it as a component
    const form = new FormData();
    form.append('file', new File([new Uint8Array(untrusted)], 'van-ban-da-ky.pdf', { type: 'application/pdf' }));
    form.append('componentCode', component);
    form.append('kind', 'result');
    const response = await t.app.request(`/api/citizen/dossiers/${submitted.body.id}/attachments`, { method: 'POST', headers: { 'x-citizen-token': submitted.body.citizenToken.token }, body: form });
    // then it is kept, never as a result, with the verdict naming the untrusted issuer, and the province's supervisor reads the same
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ signature: { valid: false, code: 'CERTIFICATE_UNTRUSTED' } });
    const listed = await call<{ items: Attachment[] }>(t, 'supervisor', 'GET', `/api/dossiers/${submitted.body.id}/attachments`);
    expect(listed.body.items).toEqual([expect.objectContaining({ signature: expect.objectContaining({ valid: false, code: 'CERTIFICATE_UNTRUSTED', message: expect.stringContaining('không thuộc danh sách tin cậy') }) })]);
    expect(listed.body.items[0]).not.toHaveProperty('kind');
  });

  it('tells the citizen the stored result no longer verifies and does not hand it over', async () => {
    // given a result whose stored bytes were changed after signing (the store holds them; the test writes past the API)
    const { t, attachments, dossier } = await setUp();
    const signed = await call<Attachment>(t, DIRECTOR, 'POST', `/api/dossiers/${dossier.id}/result`, { signWith: 'certificate' });
    const original = Buffer.from(await (await download(t, DIRECTOR, `/api/attachments/${signed.body.id}`)).arrayBuffer());
    const changed = Buffer.from(original);
    changed[changed.indexOf('/Creator') + 1] = 0x63;
    await attachments.put(changed, { dossierId: dossier.id, filename: 'ket-qua.pdf', contentType: 'application/pdf', uploadedAt: t.clock.now() + 1, uploadedBy: 'u-head-taichinh', kind: 'result' });
    // when the citizen looks the dossier up and asks for the result
    const query = `code=${encodeURIComponent(dossier.dossierCode)}&idNumber=${APPLICANT.idNumber}`;
    const lookup = await call<{ result?: Attachment }>(t, undefined, 'GET', `/api/lookup?${query}`);
    const refused = await call<{ code: string; detail: string }>(t, undefined, 'GET', `/api/lookup/result?${query}`);
    // then the lookup tells the reason and the download is refused with it
    expect(lookup.body.result?.signature).toMatchObject({ valid: false, code: 'DOCUMENT_MODIFIED' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT_MODIFIED', detail: expect.stringContaining('Tài liệu đã bị thay đổi sau khi ký') });
  });

  it('refuses to sign a result before the dossier is in process', async () => {
    // given a dossier submitted online, not yet accepted (status 1)
    const { t } = await setUp();
    const submitted = await call<{ id?: string; dossierId?: string }>(t, undefined, 'POST', '/api/submissions', { procedureKey: SLUG, applicant: APPLICANT, form: exampleForm(SLUG) });
    const id = submitted.body.dossierId ?? submitted.body.id;
    // when the director asks for its result
    const answer = await call<{ code: string }>(t, DIRECTOR, 'GET', `/api/dossiers/${id}/result/pdf`);
    // then there is none to issue yet
    expect([submitted.status, answer.status]).toEqual([201, 409]);
  });
});
