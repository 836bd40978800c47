import { beforeAll, describe, expect, it } from 'vitest';
import { toFormPdf } from '../../../server/src/documents/form-pdf';
import { toReceiptSlipContent } from '../../../server/src/documents/receipt-slip';
import { createPkcs12Signer, openPkcs12 } from '../../../server/src/signatures/pkcs12-signer';
import { signPdf } from '../../../server/src/signatures/sign-pdf';
import { verifyPdfSignatures } from '../../../server/src/signatures/verify-pdf-signatures';
import { runPoppler } from '../../support/poppler';
import { createTestCertificateAuthority, toPkcs12, type TestCertificateAuthority } from '../../support/test-certificate-authority';
import { receiptSlip } from '../documents/form-fixtures';

const SIGNED_AT = new Date('2026-03-02T03:00:00Z');
const NOW = new Date('2026-03-02T03:05:00Z');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };

let ca: TestCertificateAuthority;
let slip: Buffer;

beforeAll(async () => {
  ca = createTestCertificateAuthority();
  slip = await toFormPdf(toReceiptSlipContent(receiptSlip));
});

async function signAs(commonName: string, validity = VALID, authority = ca): Promise<Buffer> {
  const official = authority.issueOfficial(commonName, validity);
  const opened = openPkcs12(toPkcs12(official, [authority.intermediate], 'mật-khẩu'), 'mật-khẩu');
  return signPdf(slip, { signer: createPkcs12Signer(opened), signingTime: SIGNED_AT, reason: 'Ký số Giấy tiếp nhận hồ sơ', name: commonName, location: 'Demo' });
}

describe('a PAdES signature on a form', () => {
  it('is verified: signed by the official, at the signing time, chained to the trusted root, the document unchanged', async () => {
    // given
    const signed = await signAs('Trần Văn Tiếp Nhận');
    // when
    const report = verifyPdfSignatures(signed, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ valid: true, signer: 'Trần Văn Tiếp Nhận', signingTime: SIGNED_AT.toISOString() });
    expect(report.message).toContain('Chữ ký số hợp lệ');
    const text = signed.toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/Type /Sig');
  });

  it('is found valid, SHA-256 and covering the whole document by an independent reader (poppler pdfsig)', async () => {
    // given
    const signed = await signAs('Trần Văn Tiếp Nhận');
    // when
    const report = runPoppler('pdfsig', signed, ['-nocert']);
    // then
    expect(report).toContain('Signer Certificate Common Name: Trần Văn Tiếp Nhận');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
  });

  it('refuses a PDF changed after signing because the byte ranges no longer hash to the signed digest', async () => {
    // given
    const signed = await signAs('Trần Văn Tiếp Nhận');
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Creator') + 1;
    tampered[at] = 0x63; // '/Creator' → '/creator': one byte inside the signed range
    // when
    const report = verifyPdfSignatures(tampered, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'DOCUMENT_MODIFIED' });
    expect(report.message).toContain('Tài liệu đã bị thay đổi sau khi ký');
  });

  it('refuses content appended after the last signature', async () => {
    // given
    const signed = await signAs('Trần Văn Tiếp Nhận');
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm sau khi ký\n', 'latin1')]);
    // when
    const report = verifyPdfSignatures(appended, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'DOCUMENT_MODIFIED' });
  });

  it('refuses a signature made with a certificate that had expired before the signing time', async () => {
    // given
    const signed = await signAs('Lê Thị Hết Hạn', { notBefore: new Date('2021-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') });
    // when
    const report = verifyPdfSignatures(signed, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'CERTIFICATE_EXPIRED' });
    expect(report.message).toContain('Chứng thư số "Lê Thị Hết Hạn" đã hết hạn');
  });

  it('refuses a certificate that does not chain to the trust list', async () => {
    // given
    const stranger = createTestCertificateAuthority('CA lạ');
    const signed = await signAs('Phạm Văn Lạ', VALID, stranger);
    // when
    const report = verifyPdfSignatures(signed, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'CERTIFICATE_UNTRUSTED' });
    expect(report.message).toContain('không thuộc danh sách tin cậy');
  });

  it('refuses to examine a file with more signature ranges than any document carries, so the work stays bounded', () => {
    // given
    const padded = Buffer.concat([slip, Buffer.from('\n/ByteRange [0 10 20 30]'.repeat(21), 'latin1')]);
    // when
    const report = verifyPdfSignatures(padded, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'PDF_UNREADABLE', signatures: [] });
  });

  it('says a PDF without a signature is not signed', () => {
    // when
    const report = verifyPdfSignatures(slip, { trustAnchors: [ca.root.pem], now: NOW });
    // then
    expect(report).toMatchObject({ valid: false, code: 'NOT_SIGNED', message: 'Tài liệu không có chữ ký số.' });
  });
});

describe('a PKCS#12 file', () => {
  it('is refused with a reason when the password is wrong', () => {
    // given
    const official = ca.issueOfficial('Trần Văn Tiếp Nhận', VALID);
    const file = toPkcs12(official, [ca.intermediate], 'đúng');
    // then
    expect(() => openPkcs12(file, 'sai')).toThrow('sai mật khẩu');
  });
});
