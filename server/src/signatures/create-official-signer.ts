/**
 * @module create-official-signer — the `DigestSigner` of an official: their sealed PKCS#12 opened for this one
 * signature, or their credential at the remote signing service.
 */
import { openPkcs12, createPkcs12Signer } from './pkcs12-signer';
import { createRemoteSigner } from './remote-signing-service';
import { openSecret } from './secret-box';
import { SignatureError } from './signature-error';
import type { DigestSigner } from './digest-signer';
import type { SigningDeps } from './signing-deps';

export type SigningMethod = { kind: 'certificate' } | { kind: 'remote'; credentialId: string };

export async function createOfficialSigner(deps: SigningDeps, userId: string, method: SigningMethod): Promise<DigestSigner> {
  if (method.kind === 'remote') {
    if (!deps.remote) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Chưa cấu hình dịch vụ ký số từ xa.' });
    return createRemoteSigner(deps.remote, method.credentialId);
  }
  const record = await deps.certificates.get(userId);
  if (!record) throw new SignatureError({ code: 'NO_SIGNING_CERTIFICATE', message: 'Bạn chưa tải lên chứng thư số (.p12) để ký.' });
  const { pkcs12, password } = JSON.parse(openSecret(deps.sealingKey, userId, record.sealed).toString('utf8')) as { pkcs12: string; password: string };
  return createPkcs12Signer(openPkcs12(Buffer.from(pkcs12, 'base64'), password));
}
