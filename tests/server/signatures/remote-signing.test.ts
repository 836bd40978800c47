import { beforeAll, describe, expect, it } from 'vitest';
import { toFormPdf } from '../../../server/src/documents/form-pdf';
import { toRefusalNoticeContent } from '../../../server/src/documents/refusal-notice';
import { createCscSigningClient } from '../../../server/src/signatures/csc-signing-client';
import { createRemoteSigner } from '../../../server/src/signatures/remote-signing-service';
import { signPdf } from '../../../server/src/signatures/sign-pdf';
import { verifyPdfSignatures } from '../../../server/src/signatures/verify-pdf-signatures';
import { createCscSigningServiceDouble, type CscSigningServiceDouble } from '../../support/csc-signing-service-double';
import { createTestCertificateAuthority, type TestCertificateAuthority } from '../../support/test-certificate-authority';
import { refusalNotice } from '../documents/form-fixtures';

const SIGNED_AT = new Date('2026-03-02T03:00:00Z');
const TOKEN = 'service-account-token';

let ca: TestCertificateAuthority;
let service: CscSigningServiceDouble;
let notice: Buffer;

beforeAll(async () => {
  ca = createTestCertificateAuthority();
  const holder = ca.issueOfficial('Vũ Thị Ký Từ Xa', { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
  service = createCscSigningServiceDouble({ accessToken: TOKEN, holder, chain: [ca.intermediate] });
  notice = await toFormPdf(toRefusalNoticeContent(refusalNotice));
});

function client(options: { token?: string; onWait?: (poll: number) => void; maxPolls?: number } = {}) {
  let polls = 0;
  return createCscSigningClient({
    baseUrl: 'https://ky-so.test/csc/v2/',
    accessToken: options.token ?? TOKEN,
    fetch: service.fetch,
    wait: async () => {
      polls += 1;
      options.onWait?.(polls);
    },
    maxPolls: options.maxPolls ?? 5,
  });
}

async function signRemotely(credentialId: string, remote = client()): Promise<Buffer> {
  return signPdf(notice, { signer: await createRemoteSigner(remote, credentialId), signingTime: SIGNED_AT, reason: 'Ký số từ xa', name: 'Vũ Thị Ký Từ Xa', location: 'Demo' });
}

describe('signing through a remote signing service (CSC API v2)', () => {
  it('signs with the key kept by the service, which only ever sees the 32-byte digest, and the signature verifies', async () => {
    // when
    const signed = await signRemotely('office');
    // then
    expect(service.signedHashes.at(-1)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const report = verifyPdfSignatures(signed, { trustAnchors: [ca.root.pem], now: SIGNED_AT });
    expect(report).toMatchObject({ valid: true, signatures: [{ signer: 'Vũ Thị Ký Từ Xa' }] });
  });

  it('waits for the holder to approve on the phone, polling the transaction, then signs', async () => {
    // when
    const signed = await signRemotely('mobile', client({ onWait: (poll) => poll === 2 && service.decide('signed') }));
    // then
    expect(verifyPdfSignatures(signed, { trustAnchors: [ca.root.pem], now: SIGNED_AT }).valid).toBe(true);
  });

  it('fails with the reason when the holder refuses on the phone', async () => {
    // when
    const signing = signRemotely('mobile', client({ onWait: () => service.decide('rejected') }));
    // then
    await expect(signing).rejects.toMatchObject({ code: 'REMOTE_SIGNING_FAILED', message: 'Dịch vụ ký số từ xa không ký được: người ký đã từ chối trên thiết bị.' });
  });

  it('gives up when the holder does not answer within the polls allowed', async () => {
    // when
    const signing = signRemotely('mobile', client({ maxPolls: 3 }));
    // then
    await expect(signing).rejects.toMatchObject({ message: 'Dịch vụ ký số từ xa không ký được: hết thời gian chờ người ký xác nhận.' });
  });

  it('reports the service refusing a wrong access token', async () => {
    // when
    const signing = signRemotely('office', client({ token: 'wrong' }));
    // then
    await expect(signing).rejects.toMatchObject({ code: 'REMOTE_SIGNING_FAILED', message: 'Dịch vụ ký số từ xa không ký được: Mã truy cập không hợp lệ.' });
  });
});
