/**
 * @module csc-signing-client — `RemoteSigningService` over the Cloud Signature Consortium API v2 (CSC API 2.0,
 * §11.5 credentials/info, §11.9 signatures/signHash), the protocol remote signing services and HSM gateways speak.
 * Mobile signing adds one step the CSC API leaves to the service: signHash may answer 202 with a `transactionID`
 * while the holder approves on the phone, and the client polls `signatures/status` until it is signed, refused or
 * the polls run out. Every call is bounded in time and every answer checked before it is used.
 */
import { X509Certificate } from 'node:crypto';
import { SignatureError } from './signature-error';
import type { RemoteSigningService } from './remote-signing-service';

/** OIDs of CSC signHash: SHA-256 and rsaEncryption (PKCS#1 v1.5). */
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const RSA_OID = '1.2.840.113549.1.1.1';
const MAX_ANSWER_BYTES = 256 * 1024;

export interface CscSigningClientOptions {
  /** The service root, e.g. "https://ky-so.example.vn/csc/v2/". */
  baseUrl: string;
  /** OAuth 2.0 bearer token of the service account (CSC §8). */
  accessToken: string;
  fetch?: typeof fetch;
  /** Waits between status polls; injected so tests do not sleep. */
  wait: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  /** How many status polls before giving up: with 3 s between them, 40 polls are 2 minutes for the holder to approve. */
  maxPolls?: number;
  timeoutMs?: number;
}

function failed(detail: string, cause?: unknown): SignatureError {
  return new SignatureError({ code: 'REMOTE_SIGNING_FAILED', message: `Dịch vụ ký số từ xa không ký được: ${detail}`, cause });
}

export function createCscSigningClient(options: CscSigningClientOptions): RemoteSigningService {
  const fetchFn = options.fetch ?? fetch;
  const call = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    let response: Response;
    try {
      response = await fetchFn(new URL(path, options.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw failed('không kết nối được dịch vụ.', error);
    }
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw failed('câu trả lời quá lớn.');
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw failed(`câu trả lời không phải JSON (HTTP ${response.status}).`);
    }
    if (!response.ok) throw failed(`${String(json.error_description ?? json.error ?? `HTTP ${response.status}`)}.`);
    return { status: response.status, json };
  };
  const signatureOf = (json: Record<string, unknown>): Buffer => {
    const signatures = json.signatures;
    if (!Array.isArray(signatures) || typeof signatures[0] !== 'string') throw failed('câu trả lời không có chữ ký.');
    return Buffer.from(signatures[0], 'base64');
  };

  return {
    async certificateChain(credentialId) {
      const { json } = await call('credentials/info', { credentialID: credentialId, certificates: 'chain' });
      const certificates = (json.cert as { certificates?: unknown } | undefined)?.certificates;
      if (!Array.isArray(certificates) || certificates.length === 0) throw failed('dịch vụ không trả chứng thư số.');
      return certificates.map((base64) => new X509Certificate(Buffer.from(String(base64), 'base64')).toString());
    },
    async signHash(credentialId, sha256) {
      const { status, json } = await call('signatures/signHash', {
        credentialID: credentialId,
        hashes: [sha256.toString('base64')],
        hashAlgorithmOID: SHA256_OID,
        signAlgo: RSA_OID,
      });
      if (status !== 202) return signatureOf(json);
      const transactionId = json.transactionID;
      if (typeof transactionId !== 'string') throw failed('thiếu mã giao dịch.');
      for (let poll = 0; poll < (options.maxPolls ?? 40); poll += 1) {
        await options.wait(options.pollIntervalMs ?? 3_000);
        const answer = await call('signatures/status', { transactionID: transactionId });
        if (answer.json.status === 'signed') return signatureOf(answer.json);
        if (answer.json.status === 'rejected') throw failed('người ký đã từ chối trên thiết bị.');
      }
      throw failed('hết thời gian chờ người ký xác nhận.');
    },
  };
}
