/**
 * @module SignatureVerdictView — the server's verdict on a signed PDF as the official and the citizen read it: valid or
 * not, in a badge ("Chữ ký hợp lệ"), the reason in plain words when it is not (tampered, expired certificate,
 * untrusted issuer), and each signature's signer and signing time. The server checks (verify-pdf-signatures.ts: chain to
 * the trust list, validity at signing time, document unchanged); the page only shows what it answered.
 */
import type { components } from '../../api/api-types';
import { t, type MessageKey } from '../../i18n/locale';
import { formatDateTime } from './workspace-format';
import './signature-verdict.css';

export type SignatureVerdict = components['schemas']['SignatureVerdict'];

const REASONS = new Set(['DOCUMENT_MODIFIED', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_NOT_YET_VALID', 'CERTIFICATE_UNTRUSTED', 'SIGNATURE_INVALID', 'SIGNING_TIME_IN_FUTURE', 'NOT_SIGNED', 'PDF_UNREADABLE']);

/** The reason of a refused verdict in the page's language; the server's Vietnamese sentence stays beside it. */
function reasonOf(code: string | undefined): string | undefined {
  return code && REASONS.has(code) ? t(`ws.signature.reason.${code}` as MessageKey) : undefined;
}

export function SignatureVerdictView({ verdict }: { verdict: SignatureVerdict }) {
  const notSigned = verdict.code === 'NOT_SIGNED';
  const label = verdict.valid ? t('ws.signature.valid') : notSigned ? t('ws.signature.notSigned') : t('ws.signature.invalid');
  const signed = verdict.signatures.filter((signature) => signature.signer);
  return (
    <div class={`ws-signature ${verdict.valid ? 'ws-signature-valid' : 'ws-signature-invalid'}`} data-valid={String(verdict.valid)} data-code={verdict.code ?? ''}>
      <span class="ws-signature-badge" role="status">
        {verdict.valid ? '✓ ' : '✗ '}
        {label}
      </span>
      {!verdict.valid && !notSigned && (
        <p class="ws-signature-reason">
          <strong>{reasonOf(verdict.code) ?? verdict.message}</strong>
          {reasonOf(verdict.code) && <span class="ws-muted"> {verdict.message}</span>}
        </p>
      )}
      {signed.length > 0 && (
        <ul class="ws-signature-list">
          {signed.map((signature, index) => (
            <li key={index}>
              <span class="ws-signature-signer">{t('ws.signature.signer', { name: signature.signer! })}</span>
              {signature.signingTime && <span class="ws-muted ws-signature-time">{t('ws.signature.signedAt', { at: formatDateTime(signature.signingTime) })}</span>}
            </li>
          ))}
        </ul>
      )}
      <span class="ws-muted ws-signature-checked">{t('ws.signature.checkedAt', { at: formatDateTime(verdict.checkedAt) })}</span>
    </div>
  );
}
